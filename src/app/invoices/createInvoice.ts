import { fail } from "../../domain/errors.js";
import { isoDate } from "../../domain/dates/plainDate.js";
import { planInvoiceSchedule } from "../../domain/ledger/invoiceSchedule.js";
import { parsePercentBp } from "../../domain/money/index.js";
import type { InstallmentPart } from "../../domain/terms/installments.js";
import * as invoices from "../../store/invoices.js";
import { audit } from "../audit.js";
import { resolveCustomer } from "../customers/resolveCustomer.js";
import type { Actor, AppDeps } from "../deps.js";
import { toMinor } from "../inputs/fields.js";
import { InvoiceInput, knownCurrency } from "../inputs/ledgerInputs.js";
import { parseInput } from "../inputs/validate.js";
import { invoiceView, type InvoiceView } from "../views/ledgerViews.js";

export function installmentParts(input: InvoiceInput): InstallmentPart[] | undefined {
  const currency = knownCurrency(input.currency);
  return input.installments?.map((p, i) => {
    const dueDate = isoDate(p.dueDate);
    if (p.amount !== undefined) return { dueDate, amount: toMinor(p.amount, currency) };
    if (p.percent !== undefined) {
      const bp = parsePercentBp(p.percent, "INVALID_INSTALLMENTS");
      return bp.ok ? { dueDate, percentBp: bp.value } : fail("INVALID_INSTALLMENTS", bp.error.message, { path: `installments[${i}].percent` });
    }
    return { dueDate };
  });
}

export async function createInvoice(deps: AppDeps, actor: Actor, body: unknown): Promise<InvoiceView> {
  const input = parseInput(InvoiceInput, body, "invoice");
  const currency = knownCurrency(input.currency);
  const amount = toMinor(input.amount, currency);
  const schedule = planInvoiceSchedule({
    amount,
    issueDate: isoDate(input.issueDate),
    dueDate: input.dueDate ? isoDate(input.dueDate) : undefined,
    terms: input.terms,
    installments: installmentParts(input),
  });
  if (!schedule.ok) return fail(schedule.error.code, schedule.error.message, { path: schedule.error.path });
  const plan = schedule.value;

  return deps.db.transaction().execute(async (tx) => {
    const customer = await resolveCustomer(tx, actor.tenantId, input);
    if (await invoices.findInvoiceByNumber(tx, actor.tenantId, input.number)) {
      fail("INVOICE_EXISTS", `invoice number "${input.number}" is already used`, { path: "number" });
    }
    const id = deps.newId();
    await invoices.insertInvoice(
      tx,
      {
        tenant_id: actor.tenantId,
        id,
        customer_id: customer.id,
        number: input.number,
        issue_date: input.issueDate,
        due_date: plan.dueDate.toString(),
        currency,
        amount,
        tax_amount: input.taxAmount ? toMinor(input.taxAmount, currency) : 0n,
        po_number: input.poNumber ?? null,
        terms: plan.terms ?? input.terms ?? null,
        discount_terms: plan.discounts.length > 0 ? JSON.stringify(plan.discounts) : null,
        description: input.description ?? null,
        has_installments: plan.installments.length > 0,
        do_not_dun: input.doNotDun ?? false,
        open_amount: amount,
      },
      plan.installments.map((n) => ({ tenant_id: actor.tenantId, invoice_id: id, seq: n.seq, due_date: n.dueDate.toString(), amount: n.amount, open_amount: n.amount })),
    );
    await audit(tx, deps, actor, "invoice.create", "invoice", id, { number: input.number, amount: input.amount, currency });
    const row = (await invoices.findInvoice(tx, actor.tenantId, id))!;
    return invoiceView(row, await invoices.listInstallments(tx, actor.tenantId, id));
  });
}
