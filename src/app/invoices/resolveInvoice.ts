import { fail } from "../../domain/errors.js";
import * as invoices from "../../store/invoices.js";
import type { Db, InvoiceRow } from "../../store/schema.js";
import { isUuid } from "../inputs/fields.js";

/** The invoice named by id or number, within the tenant; INVOICE_NOT_FOUND otherwise. */
export async function resolveInvoice(db: Db, tenantId: string, ref: { invoiceId?: string | undefined; invoiceNumber?: string | undefined }): Promise<InvoiceRow> {
  const row = ref.invoiceId ? (isUuid(ref.invoiceId) ? await invoices.findInvoice(db, tenantId, ref.invoiceId) : undefined) : ref.invoiceNumber ? await invoices.findInvoiceByNumber(db, tenantId, ref.invoiceNumber) : undefined;
  return row ?? fail("INVOICE_NOT_FOUND", `no invoice ${ref.invoiceId ?? ref.invoiceNumber ?? ""}`, { path: ref.invoiceId ? "invoiceId" : "invoiceNumber" });
}
