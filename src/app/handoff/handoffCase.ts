import { sql } from "kysely";
import { z } from "zod";
import { todayIn } from "../../domain/dates/clock.js";
import { listContacts } from "../../store/contacts.js";
import { findCustomer } from "../../store/customers.js";
import * as store from "../../store/handoffCase.js";
import { unappliedAsOf } from "../../store/reports/statement.js";
import { resolveCustomer } from "../customers/resolveCustomer.js";
import type { Actor, AppDeps } from "../deps.js";
import { zIsoDate } from "../inputs/fields.js";
import { parseInput } from "../inputs/validate.js";
import { disputeView, holdView, promiseView } from "../pauses/pauseViews.js";
import { loadTenantChannels } from "../settings/tenantChannels.js";
import { contactView } from "../views/ledgerViews.js";
import type { HandoffCase } from "./caseFile.js";
import { caseTotals } from "./caseTotals.js";
import { actionOf, activityOf, allocationOf, creditorOf, debtorOf, handoffOf, itemOf, paymentOf } from "./caseViews.js";

export type { HandoffCase } from "./caseFile.js";

export const HandoffQuery = z.object({
  asOf: zIsoDate.optional().meta({ description: "the day the file describes; default today in the tenant's time zone" }),
});

/** A customer named by Dunwell id or by external id (what the CLI is given). */
export interface CustomerRef {
  customerId?: string | undefined;
  customerExternalId?: string | undefined;
}

/**
 * The hand-off case file of one customer as of a day: creditor, debtor, contacts, open items with
 * their disputes, totals, money received, every recorded step and timeline entry (messages with
 * their full text), promises, disputes, holds and the hand-off itself. Works for any customer, so a
 * file can be previewed before the hand-off happens.
 *
 * Read in one read-only snapshot: a run or a payment landing meanwhile cannot make the file
 * disagree with itself. A dozen set-based queries, however many items and messages there are.
 */
export async function handoffCase(deps: AppDeps, actor: Actor, ref: CustomerRef, options: unknown = {}): Promise<HandoffCase> {
  const query = parseInput(HandoffQuery, options, "query");
  return deps.db.transaction().execute(async (tx) => {
    await sql`set transaction isolation level repeatable read, read only`.execute(tx);
    const tenant = await loadTenantChannels(tx, actor.tenantId);
    const customer = await resolveCustomer(tx, actor.tenantId, ref);
    const asOf = query.asOf ?? todayIn(deps.clock, tenant.timezone).toString();
    const q: store.CaseQuery = { tenantId: actor.tenantId, customerId: customer.id, asOf };
    const [parent, contacts, itemRows, payments, credits, actionRows, activities, promises, disputes, holds] = await Promise.all([
      customer.parent_id === null ? undefined : findCustomer(tx, actor.tenantId, customer.parent_id),
      listContacts(tx, actor.tenantId, customer.id),
      store.caseOpenItems(tx, q),
      store.casePayments(tx, q),
      unappliedAsOf(tx, q),
      store.caseActions(tx, q),
      store.caseActivities(tx, q),
      store.casePromises(tx, q),
      store.caseDisputes(tx, q),
      store.caseHolds(tx, q),
    ]);
    const allocations = await store.caseAllocations(tx, q, [...new Set(itemRows.map((r) => r.invoice_id))]);

    // disputes come oldest first: the last one of an invoice is its latest
    const latestDispute = new Map(disputes.map((d) => [d.invoice_id, d]));
    const items = itemRows.map((row) => itemOf(row, asOf, latestDispute.get(row.invoice_id)));
    const unappliedPayments = new Map(credits.filter((c) => c.kind === "payment").map((c) => [c.id, c.unapplied]));
    const actions = actionRows.map(actionOf);
    return {
      asOf,
      creditor: creditorOf(tenant),
      debtor: debtorOf(customer, parent),
      contacts: contacts.map(contactView),
      openItems: items,
      totals: caseTotals({ items: items.map((item, i) => ({ ...item, open: itemRows[i]!.open })), credits }),
      payments: payments.map((p) => paymentOf(p, unappliedPayments.get(p.id) ?? 0n)),
      allocations: allocations.map(allocationOf),
      actions,
      timeline: activities.map(activityOf),
      promises: promises.map(promiseView),
      disputes: disputes.map((d) => ({ ...disputeView(d), invoiceNumber: d.invoice_number })),
      holds: holds.map((h) => ({ ...holdView(h), invoiceNumber: h.invoice_number })),
      handoff: handoffOf(actions),
    };
  });
}
