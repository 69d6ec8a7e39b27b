import { z } from "zod";
import { daysBetween, isoDate } from "../../domain/dates/plainDate.js";
import { statementItems, unappliedAsOf } from "../../store/reports/statement.js";
import { resolveCustomer } from "../customers/resolveCustomer.js";
import type { Actor, AppDeps } from "../deps.js";
import { zIsoDate } from "../inputs/fields.js";
import { parseInput } from "../inputs/validate.js";
import { getTenantById } from "../tenants/findTenant.js";
import { customerView, type CustomerView } from "../views/ledgerViews.js";
import { amountText } from "../views/money.js";
import { asOfOrToday } from "./asOfDate.js";

export const StatementQuery = z.object({ asOf: zIsoDate.optional() });

export interface CustomerStatement {
  asOf: string;
  customer: CustomerView;
  items: { invoiceId: string; number: string; installment: number | null; issueDate: string; dueDate: string; daysPastDue: number; currency: string; amount: string; open: string }[];
  credits: { kind: "payment" | "credit_note"; id: string; reference: string; date: string; currency: string; amount: string; unapplied: string }[];
  totals: { currency: string; open: string; overdue: string; credits: string; balance: string }[];
}

/** What the customer owes as of a date: open items, unapplied cash and credits, totals per currency. */
export async function customerStatement(deps: AppDeps, actor: Actor, customerId: string, query: unknown): Promise<CustomerStatement> {
  const q = parseInput(StatementQuery, query, "statement query");
  const tenant = await getTenantById(deps, actor.tenantId);
  const asOf = asOfOrToday(deps, tenant, q.asOf);
  const customer = await resolveCustomer(deps.db, actor.tenantId, { customerId });
  const [items, credits] = await Promise.all([
    statementItems(deps.db, { tenantId: actor.tenantId, customerId: customer.id, asOf }),
    unappliedAsOf(deps.db, { tenantId: actor.tenantId, customerId: customer.id, asOf }),
  ]);
  const date = isoDate(asOf);
  const sums = new Map<string, { open: bigint; overdue: bigint; credits: bigint }>();
  const sumFor = (c: string) => sums.get(c) ?? sums.set(c, { open: 0n, overdue: 0n, credits: 0n }).get(c)!;
  const itemViews = items.map((i) => {
    const daysPastDue = daysBetween(isoDate(i.due_date), date);
    const s = sumFor(i.currency);
    s.open += i.open;
    if (daysPastDue > 0) s.overdue += i.open;
    return { invoiceId: i.invoice_id, number: i.number, installment: i.installment_seq, issueDate: i.issue_date, dueDate: i.due_date, daysPastDue, currency: i.currency, amount: amountText(i.amount, i.currency), open: amountText(i.open, i.currency) };
  });
  const creditViews = credits.map((c) => {
    sumFor(c.currency).credits += c.unapplied;
    return { kind: c.kind, id: c.id, reference: c.reference, date: c.date, currency: c.currency, amount: amountText(c.amount, c.currency), unapplied: amountText(c.unapplied, c.currency) };
  });
  const totals = [...sums.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, s]) => ({ currency, open: amountText(s.open, currency), overdue: amountText(s.overdue, currency), credits: amountText(s.credits, currency), balance: amountText(s.open - s.credits, currency) }));
  return { asOf, customer: customerView(customer), items: itemViews, credits: creditViews, totals };
}
