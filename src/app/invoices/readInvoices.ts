import { z } from "zod";
import { fail } from "../../domain/errors.js";
import { todayIn } from "../../domain/dates/clock.js";
import * as invoices from "../../store/invoices.js";
import { findInvoiceDetail } from "../../store/invoiceDetail.js";
import { decodeCursor, type Page } from "../../store/pagination.js";
import { getTenantById } from "../tenants/findTenant.js";
import { isUuid, zIsoDate, zPageQuery } from "../inputs/fields.js";
import { parseInput } from "../inputs/validate.js";
import type { Actor, AppDeps } from "../deps.js";
import { allocationView, invoiceView, type AllocationView, type InvoiceView } from "../views/ledgerViews.js";

export const InvoiceListQuery = zPageQuery.extend({
  customerId: z.uuid().optional(),
  status: z.enum(["open", "settled"]).optional(),
  overdue: z.stringbool().optional(),
  asOf: zIsoDate.optional(),
});

export async function getInvoice(deps: AppDeps, actor: Actor, invoiceId: string): Promise<InvoiceView & { allocations: AllocationView[] }> {
  const detail = isUuid(invoiceId) ? await findInvoiceDetail(deps.db, actor.tenantId, invoiceId) : undefined;
  if (!detail) return fail("INVOICE_NOT_FOUND", `no invoice ${invoiceId}`);
  const { invoice, installments, allocations } = detail;
  return { ...invoiceView(invoice, installments), allocations: allocations.map((a) => allocationView(a, invoice.currency)) };
}

export async function listInvoices(deps: AppDeps, actor: Actor, query: unknown): Promise<Page<InvoiceView>> {
  const q = parseInput(InvoiceListQuery, query, "query");
  const after = decodeCursor(q.cursor, 2);
  const overdueOn = q.overdue ? (q.asOf ?? todayIn(deps.clock, (await getTenantById(deps, actor.tenantId)).timezone).toString()) : undefined;
  const page = await invoices.listInvoices(deps.db, { tenantId: actor.tenantId, limit: q.limit, after, customerId: q.customerId, status: q.status, overdueOn });
  return { items: page.items.map((r) => invoiceView(r)), nextCursor: page.nextCursor };
}
