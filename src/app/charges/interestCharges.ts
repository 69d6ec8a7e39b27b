import type { Policy } from "../../domain/collections/policy.js";
import { addDays, isoDate } from "../../domain/dates/plainDate.js";
import { Failure } from "../../domain/errors.js";
import { chargeNumber, type InterestOrder } from "../../domain/fees/feePlan.js";
import { amountText } from "../views/money.js";
import { chargeSettings } from "../../store/chargeSettings.js";
import { handOffDates, type NewCharge } from "../../store/charges.js";
import { postedCharges, quoteItems, type PostedChargeRow, type QuoteItemRow } from "../../store/quotes.js";
import type { Db } from "../../store/schema.js";
import { rateTablesFor } from "../rates/rateTables.js";
import { isLate, itemCompensation, itemInterest, itemLabel, type InterestTerms } from "../quotes/itemInterest.js";

export interface InterestPosting {
  charges: NewCharge[];
  /** Accounts whose interest could not be computed (a rate the tables do not have yet): why, for the timeline. */
  problems: { customerId: string; stepId: string; message: string }[];
}

interface PostingContext {
  tenantId: string;
  today: string;
  newId: () => string;
  /** Policy of each account, by `customerId|currency`. */
  policyOf: (customerId: string, currency: string) => Policy;
  /** The ordinary invoices each action lists. */
  listedBy: ReadonlyMap<string, ReadonlySet<string>>;
}

/**
 * The interest charges a day's interest-posting steps call for: on each listed invoice (or installment),
 * the interest accrued to the run date exactly as the payoff quote computes it, less the interest
 * already posted for it; and the fixed compensation, once per late invoice, when the policy (else the
 * tenant) grants it. Only the customers whose step posts interest are read, one at a time.
 */
export async function interestCharges(tx: Db, ctx: PostingContext, orders: readonly InterestOrder[]): Promise<InterestPosting> {
  const posting: InterestPosting = { charges: [], problems: [] };
  const charging = orders.filter((o) => ctx.policyOf(o.customerId, o.currency).interest !== undefined);
  if (charging.length === 0) return posting;
  const tables = await rateTablesFor(tx, ctx.tenantId);
  const tenantCompensation = (await chargeSettings(tx, ctx.tenantId)).compensation;
  const handedOff = await handOffDates(tx, ctx.tenantId, [...new Set(charging.map((o) => o.customerId))]);
  for (const order of charging) {
    const policy = ctx.policyOf(order.customerId, order.currency);
    const scope = { tenantId: ctx.tenantId, customerId: order.customerId, asOf: ctx.today };
    const rows = await quoteItems(tx, { ...scope, lateSettled: null });
    const posted = await postedCharges(tx, scope);
    const off = handedOff.get(order.customerId);
    const terms: InterestTerms = { interest: policy.interest, tables, asOf: isoDate(ctx.today), handedOffOn: off ? isoDate(off) : null };
    const listed = ctx.listedBy.get(order.listedBy) ?? new Set<string>();
    const items = rows.filter((r) => r.kind === "invoice" && r.currency === order.currency && listed.has(r.invoice_id));
    try {
      posting.charges.push(...chargesOf(items, posted, terms, policy.compensation ?? tenantCompensation, order, ctx));
    } catch (error) {
      if (!(error instanceof Failure)) throw error;
      posting.problems.push({ customerId: order.customerId, stepId: order.stepId, message: error.error.message });
    }
  }
  return posting;
}

function chargesOf(items: readonly QuoteItemRow[], posted: readonly PostedChargeRow[], terms: InterestTerms, compensation: boolean, order: InterestOrder, ctx: PostingContext): NewCharge[] {
  const dueDate = addDays(isoDate(ctx.today), order.dueDays).toString();
  const charge = (kind: NewCharge["kind"], item: QuoteItemRow, amount: bigint, number: string, description: string): NewCharge => ({
    id: ctx.newId(),
    customerId: order.customerId,
    kind,
    number,
    chargeOf: item.invoice_id,
    chargeOfSeq: item.installment_seq,
    currency: item.currency,
    amount,
    issueDate: ctx.today,
    dueDate,
    step: order.stepId,
    cycle: order.cycle,
    actionId: order.listedBy,
    description,
  });
  const compensated = new Set(posted.filter((p) => p.kind === "compensation").map((p) => p.invoice_id));
  const out: NewCharge[] = [];
  for (const item of items) {
    const accrued = itemInterest(item, terms).total;
    const already = posted.find((p) => p.kind === "interest" && p.invoice_id === item.invoice_id && p.installment_seq === item.installment_seq)?.amount ?? 0n;
    if (accrued > already) {
      out.push(charge("interest", item, accrued - already, chargeNumber("interest", itemLabel(item), order), `Late-payment interest on ${itemLabel(item)} to ${ctx.today} (${amountText(accrued, item.currency)} accrued, ${amountText(already, item.currency)} posted before)`));
    }
    if (compensation && !compensated.has(item.invoice_id) && isLate(item, terms.asOf)) {
      const sum = itemCompensation(item, terms.interest);
      if (sum > 0n) out.push(charge("compensation", item, sum, chargeNumber("compensation", item.number), `Fixed compensation for the late payment of ${item.number}`));
      compensated.add(item.invoice_id);
    }
  }
  return out;
}
