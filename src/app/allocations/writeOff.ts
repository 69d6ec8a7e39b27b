import { fail } from "../../domain/errors.js";
import { todayIn } from "../../domain/dates/clock.js";
import { allocateOldestFirst } from "../../domain/ledger/allocateOldestFirst.js";
import { currency as toCurrency, parseAmount } from "../../domain/money/index.js";
import * as invoices from "../../store/invoices.js";
import { audit } from "../audit.js";
import type { Actor, AppDeps } from "../deps.js";
import { WriteOffInput } from "../inputs/ledgerInputs.js";
import { parseInput } from "../inputs/validate.js";
import { getTenantById } from "../tenants/findTenant.js";
import { invoiceView, type InvoiceView } from "../views/ledgerViews.js";
import { applyAllocations } from "./applyAllocations.js";

/** Writes off all or part of an invoice's open balance, with a reason kept in the ledger and the audit log. */
export async function writeOff(deps: AppDeps, actor: Actor, body: unknown): Promise<InvoiceView> {
  const input = parseInput(WriteOffInput, body, "write-off");
  const tenant = await getTenantById(deps, actor.tenantId);
  const date = input.date ?? todayIn(deps.clock, tenant.timezone).toString();
  return deps.db.transaction().execute(async (tx) => {
    const invoice = (await invoices.findInvoice(tx, actor.tenantId, input.invoiceId)) ?? fail("INVOICE_NOT_FOUND", `no invoice ${input.invoiceId}`, { path: "invoiceId" });
    const parsed = input.amount === undefined ? undefined : parseAmount(input.amount, toCurrency(invoice.currency));
    if (parsed && !parsed.ok) fail(parsed.error.code, parsed.error.message, { path: "amount" });
    const amount = parsed?.ok ? parsed.value : invoice.open_amount;
    if (amount <= 0n || amount > invoice.open_amount) fail("OVER_ALLOCATION", `cannot write off more than the open balance`, { path: "amount" });
    const items = await invoices.openItems(tx, { tenantId: actor.tenantId, invoiceIds: [invoice.id] });
    const plan = allocateOldestFirst(amount, items);
    await applyAllocations(tx, deps, actor, { kind: "write_off", availableOn: date, reason: input.reason }, plan.allocations, new Map([[invoice.id, invoice.issue_date]]));
    await audit(tx, deps, actor, "invoice.writeOff", "invoice", invoice.id, { amount: amount.toString(), reason: input.reason, date });
    return invoiceView((await invoices.findInvoice(tx, actor.tenantId, invoice.id))!, await invoices.listInstallments(tx, actor.tenantId, invoice.id));
  });
}
