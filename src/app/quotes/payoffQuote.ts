import { z } from "zod";
import type { Policy } from "../../domain/collections/policy.js";
import { isoDate } from "../../domain/dates/plainDate.js";
import type { ReferenceRateTables } from "../../domain/interest/referenceRateTables.js";
import { chargeSettings } from "../../store/chargeSettings.js";
import { collectionSettings } from "../../store/collectionSettings.js";
import { postedCharges, quoteItems } from "../../store/quotes.js";
import { unappliedAsOf } from "../../store/reports/statement.js";
import type { CustomerRow, Db } from "../../store/schema.js";
import { policyFor } from "../collections/accountStates.js";
import { resolveCustomer } from "../customers/resolveCustomer.js";
import type { Actor, AppDeps } from "../deps.js";
import { zIsoDate } from "../inputs/fields.js";
import { interestDocument } from "../inputs/policyInputs.js";
import { parseInput } from "../inputs/validate.js";
import { loadPolicies } from "../policies/loadPolicies.js";
import { rateTablesFor } from "../rates/rateTables.js";
import { asOfOrToday } from "../reports/asOfDate.js";
import { getTenantById } from "../tenants/findTenant.js";
import { quoteLines } from "./quoteLines.js";
import type { PayoffQuote } from "./quoteView.js";

export const PayoffQuery = z.object({ asOf: zIsoDate.optional().meta({ description: "the day the quote is for; default today in the tenant's time zone" }) });

// Without an interest rule nothing reads the rate tables: no need to load (or fail on) them.
const NO_RATES = {} as ReferenceRateTables;

/** The policy the collections run would chase the customer with: its own, its segment's, the tenant default. */
async function customerPolicy(tx: Db, deps: AppDeps, tenantId: string, customer: CustomerRow): Promise<Policy> {
  const policies = await loadPolicies(tx, deps, tenantId);
  const settings = await collectionSettings(tx, tenantId);
  return policyFor(customer, { policies, segmentPolicies: settings.segmentPolicies, defaultPolicy: settings.defaultPolicy });
}

/**
 * What the customer owes on a date, item by item: open principal, posted fees, interest accrued to the
 * date under the customer's policy (with its explanation, period by period) and the fixed compensation
 * the law gives a late invoice; totals per currency less unapplied credits. Items paid late stay on it
 * while their interest is owed. The figure letters, emails and the portal show.
 */
export async function payoffQuote(deps: AppDeps, actor: Actor, ref: { customerId?: string; customerExternalId?: string }, query: unknown): Promise<PayoffQuote> {
  const q = parseInput(PayoffQuery, query, "quote query");
  const asOf = asOfOrToday(deps, await getTenantById(deps, actor.tenantId), q.asOf);
  return deps.db.transaction().execute(async (tx) => {
    const customer = await resolveCustomer(tx, actor.tenantId, ref);
    const policy = await customerPolicy(tx, deps, actor.tenantId, customer);
    const interest = policy.interest;
    const compensation = policy.compensation ?? (await chargeSettings(tx, actor.tenantId)).compensation;
    const scope = { tenantId: actor.tenantId, customerId: customer.id, asOf };
    const rows = await quoteItems(tx, { ...scope, lateSettled: interest ? { since: interest?.from?.toString() ?? null } : null });
    const charges = await postedCharges(tx, scope);
    const credits = await unappliedAsOf(tx, scope);
    const { items, totals } = quoteLines(rows, charges, credits, {
      interest,
      tables: interest ? await rateTablesFor(tx, actor.tenantId) : NO_RATES,
      asOf: isoDate(asOf),
      handedOffOn: customer.handed_off_on === null ? null : isoDate(customer.handed_off_on),
      compensation,
    });
    return {
      asOf,
      customer: { id: customer.id, externalId: customer.external_id, legalName: customer.legal_name },
      policy: { key: policy.key, version: policy.version },
      interest: interest ? interestDocument(interest) : null,
      compensation,
      items,
      totals,
    };
  });
}
