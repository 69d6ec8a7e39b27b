import { z } from "zod";
import { parseIsoDate } from "../../domain/dates/plainDate.js";
import { CHANNELS } from "../../domain/collections/policy.js";
import { isCurrency } from "../../domain/money/index.js";
import { parseAmount, type Currency } from "../../domain/money/index.js";
import { refineAmount, zDecimal } from "../inputs/fields.js";
import { PolicyInput } from "../inputs/policyInputs.js";
import { SegmentInput } from "../inputs/segmentInputs.js";
import { SHIPPED_POLICIES } from "../../domain/collections/shippedPolicies.js";
import { fieldIssues } from "../inputs/validate.js";
import { DISPUTE_REASONS } from "../inputs/collectionInputs.js";
import { ALLOCATION_ORDERS } from "../../domain/ledger/allocationOrder.js";
import { discountProblem, feeInputOf, ScenarioDiscounts, ScenarioFee, ScenarioStepInterest } from "./scenarioCharges.js";

/** The scenario file of `dunwell simulate` (docs/scenario.md): a whole tenant and a dated timeline. */
const zDate = z
  .string()
  .refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && parseIsoDate(s).ok, { message: "not a calendar date as YYYY-MM-DD", params: { code: "INVALID_DATE" } });
const zCode = z.string().refine(isCurrency, { message: "not an ISO 4217 currency code", params: { code: "UNKNOWN_CURRENCY" } });
const zMinimums = z.record(z.string(), zDecimal);

const Step = z.strictObject({
  id: z.string().min(1).max(63),
  offsetDays: z.number().int().min(-365).max(3650),
  offsetUnit: z.enum(["calendar", "business"]).optional(),
  channel: z.enum(CHANNELS),
  template: z.string().optional(),
  conditions: z.strictObject({ minimumOverdue: zMinimums.optional(), segments: z.array(z.string()).optional() }).optional(),
  attachInvoiceCopy: z.boolean().optional(),
  attachStatement: z.boolean().optional(),
  noticeDays: z.number().int().min(0).optional(),
  fee: ScenarioFee.optional(),
  interest: ScenarioStepInterest.optional(),
});

const Policy = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,62}$/, "lowercase letters, digits, '-' and '_'"),
  name: z.string().optional(),
  minimumOverdue: zMinimums.optional(),
  businessDaysOnly: z.boolean().optional(),
  promiseGraceDays: z.number().int().min(0).optional(),
  steps: z.array(Step).min(1),
  /** Checked as `dunwell policy apply` checks it. */
  interest: z.unknown().optional(),
  compensation: z.boolean().optional(),
});

const Customer = z.strictObject({
  id: z.string().min(1).max(100),
  name: z.string().min(1),
  currency: zCode,
  country: z.string().length(2).optional(),
  language: z.string().optional(),
  policy: z.string().optional(),
  segment: z.string().optional(),
  tags: z.array(z.string()).optional(),
  email: z.string().optional(),
  phone: z.string().optional(),
  address: z.array(z.string()).optional(),
  doNotDun: z.boolean().optional(),
});

const Invoice = z
  .strictObject({
    number: z.string().min(1).max(64),
    customer: z.string(),
    currency: zCode,
    amount: zDecimal,
    issueDate: zDate,
    dueDate: zDate,
    installments: z.array(z.strictObject({ dueDate: zDate, amount: zDecimal })).optional(),
    doNotDun: z.boolean().optional(),
    discounts: ScenarioDiscounts.optional(),
  })
  .superRefine((v, ctx) => {
    refineAmount(ctx, v.amount, v.currency, "amount");
    v.installments?.forEach((inst, i) => refineAmount(ctx, inst.amount, v.currency, `installments.${i}.amount`));
  });

const at = { date: zDate };
const Event = z.discriminatedUnion("type", [
  z.strictObject({ ...at, type: z.literal("payment"), customer: z.string(), amount: zDecimal, currency: zCode.optional(), invoices: z.array(z.string()).optional(), reference: z.string().optional() }),
  z.strictObject({ ...at, type: z.literal("creditNote"), invoice: z.string(), amount: zDecimal }),
  z.strictObject({ ...at, type: z.literal("writeOff"), invoice: z.string(), amount: zDecimal.optional(), reason: z.string().optional() }),
  z.strictObject({ ...at, type: z.literal("dispute"), invoice: z.string(), reason: z.enum(DISPUTE_REASONS).optional() }),
  z.strictObject({ ...at, type: z.literal("resolveDispute"), invoice: z.string(), outcome: z.enum(["upheld", "rejected"]).optional() }),
  z.strictObject({ ...at, type: z.literal("promise"), customer: z.string(), amount: zDecimal, currency: zCode.optional(), promisedDate: zDate, graceDays: z.number().int().min(0).optional() }),
  z.strictObject({ ...at, type: z.literal("hold"), customer: z.string().optional(), invoice: z.string().optional(), until: zDate.optional(), reason: z.string().optional() }),
  z.strictObject({ ...at, type: z.literal("releaseHold"), customer: z.string() }),
  z.strictObject({ ...at, type: z.literal("skipRun") }),
  z.strictObject({ ...at, type: z.literal("plan"), customer: z.string(), currency: zCode.optional(), installments: z.array(z.strictObject({ dueDate: zDate, amount: zDecimal })).min(1), graceDays: z.number().int().min(0).optional() }),
  z.strictObject({ ...at, type: z.literal("cancelPlan"), customer: z.string(), currency: zCode.optional() }),
]);

export const Scenario = z.strictObject({
  settings: z.strictObject({
    currency: zCode,
    country: z.string().length(2),
    timezone: z.string().min(1),
    language: z.string().optional(),
    name: z.string().optional(),
    allocation: z.enum(ALLOCATION_ORDERS).optional(),
  }),
  policies: z.array(Policy).default([]),
  /** Segments as `dunwell segment apply` takes them. */
  segments: z.array(z.unknown()).default([]),
  customers: z.array(Customer).min(1),
  invoices: z.array(Invoice).default([]),
  timeline: z.array(Event).default([]),
  from: zDate,
  to: zDate,
});
export type Scenario = z.output<typeof Scenario>;
export type ScenarioEvent = z.output<typeof Event>;

const SHIPPED = SHIPPED_POLICIES.map((p) => p.key);

/** Cross-field rules zod cannot see: dangling references, dates out of range, amounts of the event's currency. */
export function checkScenario(s: Scenario, ctx: z.RefinementCtx): void {
  const issue = (path: (string | number)[], message: string, code: string) => ctx.addIssue({ code: "custom", path, message, params: { code } });
  if (s.to < s.from) issue(["to"], "`to` is before `from`", "INVALID_SCENARIO");
  const customers = new Map(s.customers.map((c) => [c.id, c]));
  const invoices = new Map(s.invoices.map((i) => [i.number, i]));
  const policies = new Set(s.policies.map((p) => p.id));
  s.customers.forEach((c, i) => {
    if (c.policy && !policies.has(c.policy) && !SHIPPED.includes(c.policy)) issue(["customers", i, "policy"], `no policy "${c.policy}"`, "UNKNOWN_REFERENCE");
  });
  s.invoices.forEach((inv, i) => {
    if (!customers.has(inv.customer)) issue(["invoices", i, "customer"], `no customer "${inv.customer}"`, "UNKNOWN_REFERENCE");
    const discount = discountProblem(inv);
    if (discount) issue(["invoices", i, ...(discount.path ?? "discounts").split(".")], discount.message, discount.code);
  });
  s.timeline.forEach((e, i) => {
    if (e.date < s.from || e.date > s.to) issue(["timeline", i, "date"], `${e.date} is outside ${s.from}..${s.to}`, "INVALID_SCENARIO");
    if ("customer" in e && e.customer !== undefined && !customers.has(e.customer)) issue(["timeline", i, "customer"], `no customer "${e.customer}"`, "UNKNOWN_REFERENCE");
    if ("invoice" in e && e.invoice !== undefined && !invoices.has(e.invoice)) issue(["timeline", i, "invoice"], `no invoice "${e.invoice}"`, "UNKNOWN_REFERENCE");
    if (e.type === "payment") e.invoices?.forEach((n, j) => invoices.has(n) || issue(["timeline", i, "invoices", j], `no invoice "${n}"`, "UNKNOWN_REFERENCE"));
    if (e.type === "hold" && !e.customer && !e.invoice) issue(["timeline", i], "a hold names a customer or an invoice", "INVALID_SCENARIO");
    const currency = eventCurrency(e, customers, invoices);
    const checkAmount = (path: (string | number)[], text: string) => {
      const parsed = parseAmount(text, currency as Currency);
      if (!parsed.ok) issue(path, parsed.error.message, parsed.error.code);
      else if (parsed.value <= 0n) issue(path, "must be greater than zero", "INVALID_AMOUNT");
    };
    if (currency && "amount" in e && e.amount !== undefined) checkAmount(["timeline", i, "amount"], e.amount);
    // Payment plans: installments in date order, none before the plan starts, amounts of the plan's currency.
    if (e.type === "plan")
      e.installments.forEach((inst, j) => {
        const before = j === 0 ? e.date : e.installments[j - 1]!.dueDate;
        if (inst.dueDate < before || (j > 0 && inst.dueDate === before)) issue(["timeline", i, "installments", j, "dueDate"], `must be after ${before}`, "INVALID_PLAN");
        if (currency) checkAmount(["timeline", i, "installments", j, "amount"], inst.amount);
      });
  });
  s.segments.forEach((seg, i) => {
    const parsed = SegmentInput.safeParse(seg);
    if (!parsed.success) for (const x of fieldIssues(parsed.error)) issue(["segments", i, ...x.path.split(".")], x.message, x.code);
    else if (!policies.has(parsed.data.policy) && !SHIPPED.includes(parsed.data.policy)) issue(["segments", i, "policy"], `no policy "${parsed.data.policy}"`, "UNKNOWN_REFERENCE");
  });
  s.policies.forEach((p, i) => {
    const parsed = PolicyInput.safeParse(policyInputOf(p, s.settings.currency));
    if (!parsed.success) for (const x of fieldIssues(parsed.error)) issue(["policies", i, ...x.path.split(".")], x.message, x.code);
  });
}

/** A scenario policy in the format of `dunwell policy apply` (its id is the policy key; bare fee amounts are in `currency`). */
export const policyInputOf = (p: Scenario["policies"][number], currency: string): unknown => {
  const { id, name, steps, ...rest } = p;
  return { key: id, name: name ?? id, ...rest, steps: steps.map(({ fee, ...step }) => (fee ? { ...step, fee: feeInputOf(fee, currency) } : step)) };
};

function eventCurrency(e: ScenarioEvent, customers: Map<string, { currency: string }>, invoices: Map<string, { currency: string }>): string | undefined {
  if ("currency" in e && e.currency) return e.currency;
  if ("invoice" in e && e.invoice) return invoices.get(e.invoice)?.currency;
  if ("customer" in e && e.customer) return customers.get(e.customer)?.currency;
  return undefined;
}
