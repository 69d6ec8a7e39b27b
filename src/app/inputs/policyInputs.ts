import { z } from "zod";
import { CHANNELS, defaultTemplate, parsePolicyInterest, type PolicyCharges, type PolicyInterest, type PolicyStep } from "../../domain/collections/policy.js";
import type { PolicyDraft } from "../../domain/collections/shippedPolicies.js";
import { feeCurrencyProblem, parseStepCharges } from "../../domain/fees/feePlan.js";
import { formatRateBp } from "../../domain/interest/timelines.js";
import { currency, formatAmount, parseAmount } from "../../domain/money/index.js";
import { zDecimal, zIsoDate } from "./fields.js";

/** `{"EUR": "50.00"}`: a minimum amount per currency, each checked against its currency's decimals. */
const zMinimums = z.record(z.string().regex(/^[A-Z]{3}$/, "expected an ISO 4217 code such as EUR"), zDecimal).superRefine((minimums, ctx) => {
  for (const [code, value] of Object.entries(minimums)) {
    const parsed = parseAmount(value, currency(code));
    if (!parsed.ok) ctx.addIssue({ code: "custom", path: [code], message: parsed.error.message, params: { code: parsed.error.code } });
  }
});

const zAmounts = z.record(z.string(), z.string());

/** A step's fee, checked by the fee rules themselves so codes (INVALID_FEE) and field names are the same everywhere. */
const zFee = z
  .strictObject({
    fixed: zAmounts.optional().meta({ description: "amount per currency: {\"EUR\": \"10.00\"}" }),
    percent: z.string().optional().meta({ description: "of the overdue principal, at most two decimals" }),
    min: zAmounts.optional(),
    max: zAmounts.optional(),
    per: z.string().optional().meta({ description: "invoice (default): one fee per overdue invoice; reminder: one for the message" }),
    chargeWhenSkipped: z.boolean().optional().meta({ description: "charge it also when a catch-up records the step as skipped" }),
    dueDays: z.number().int().optional().meta({ description: "the fee falls due this many days after the run (default 14)" }),
  })
  .meta({ description: "a fee the step charges as an open item of its own, once per invoice and step" });

const zStepInterest = z
  .strictObject({
    post: z.boolean().optional().meta({ description: "post the interest accrued so far (and the fixed compensation) as charges" }),
    dueDays: z.number().int().optional().meta({ description: "the charges fall due this many days after the run (default 14)" }),
  })
  .meta({ description: "what the step does with the policy's interest" });

const zStep = z
  .strictObject({
    id: z.string().min(1).max(63),
    offsetDays: z.number().int().min(-365).max(3650),
    offsetUnit: z.enum(["calendar", "business"]).default("calendar"),
    channel: z.enum(CHANNELS),
    template: z.string().regex(/^[a-z0-9_.-]{1,80}$/).optional(),
    conditions: z.strictObject({ minimumOverdue: zMinimums.optional(), segments: z.array(z.string().min(1)).optional() }).default({}),
    attachInvoiceCopy: z.boolean().default(false),
    attachStatement: z.boolean().default(false),
    noticeDays: z.number().int().min(0).max(365).default(0),
    fee: zFee.optional(),
    interest: zStepInterest.optional(),
  })
  .superRefine((step, ctx) => {
    const parsed = parseStepCharges({ ...(step.fee && { fee: step.fee }), ...(step.interest && { interest: step.interest }) });
    if (!parsed.ok) ctx.addIssue({ code: "custom", path: (parsed.error.path ?? "fee").split("."), message: parsed.error.message, params: { code: parsed.error.code } });
  })
  .meta({ description: "One step of a collections policy" });

/**
 * Late-payment interest for the policy's customers: exactly one of annualPercent, monthlyPercent or
 * statutory, checked by the interest rules themselves so the codes (INVALID_RATE, INVALID_INTEREST)
 * and field names are the same everywhere.
 */
const zInterest = z
  .strictObject({
    annualPercent: z.string().optional(),
    monthlyPercent: z.string().optional(),
    statutory: z.string().optional().meta({ description: "DE, FR, GB or EU" }),
    dayCount: z.string().optional().meta({ description: "act/365 (default) or act/360" }),
    graceDays: z.number().int().optional(),
    capAnnualPercent: z.string().optional().meta({ description: "usury limit: a higher rate is cut to it" }),
    stopAfterDays: z.number().int().optional(),
    stopAfterHandoff: z.boolean().optional().meta({ description: "stop accruing on the day of an agency or legal hand-off" }),
    from: zIsoDate.optional().meta({ description: "claim interest for days from this date only" }),
  })
  .superRefine((input, ctx) => {
    const parsed = parsePolicyInterest(input);
    if (!parsed.ok) {
      const path = parsed.error.path && parsed.error.path !== "interest" ? [parsed.error.path] : [];
      ctx.addIssue({ code: "custom", path, message: parsed.error.message, params: { code: parsed.error.code } });
    }
  })
  .meta({ description: "late-payment interest: {annualPercent} | {monthlyPercent} | {statutory}, with optional limits" });

/** A policy as written in a file or sent to the API: amounts as decimal strings, defaults filled in. */
export const PolicyInput = z
  .strictObject({
    key: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,62}$/, "lowercase letters, digits, '-' and '_'"),
    name: z.string().min(1).max(200),
    minimumOverdue: zMinimums.default({}),
    businessDaysOnly: z.boolean().default(true),
    promiseGraceDays: z.number().int().min(0).max(60).default(3),
    steps: z.array(zStep).min(1).max(50),
    interest: zInterest.optional(),
    compensation: z.boolean().optional().meta({ description: "fixed compensation per late invoice under the statutory rule; default: the tenant's setting" }),
  })
  .superRefine(feesInPolicyCurrencies)
  .meta({ id: "PolicyInput" });
export type PolicyInput = z.output<typeof PolicyInput>;

/** A policy that names its currencies (minimumOverdue) charges fees in exactly those. */
function feesInPolicyCurrencies(policy: { minimumOverdue: Record<string, string>; steps: { fee?: z.output<typeof zFee> | undefined }[] }, ctx: z.RefinementCtx): void {
  const currencies = Object.keys(policy.minimumOverdue);
  if (currencies.length === 0) return;
  policy.steps.forEach((step, i) => {
    const parsed = step.fee ? parseStepCharges({ fee: step.fee }) : undefined;
    const problem = parsed?.ok && parsed.value.fee ? feeCurrencyProblem(parsed.value.fee.rule, currencies) : undefined;
    if (problem) ctx.addIssue({ code: "custom", path: ["steps", i, "fee", ...problem.path.split(".")], message: problem.message, params: { code: "INVALID_FEE" } });
  });
}

const toMinimums = (m: Record<string, string> | undefined): Record<string, bigint> | undefined => {
  if (!m) return undefined;
  return Object.fromEntries(Object.entries(m).map(([code, value]) => [code, unwrap(parseAmount(value, currency(code)))]));
};
const unwrap = <T>(r: { ok: true; value: T } | { ok: false }): T => {
  if (!r.ok) throw new Error("amount was validated by the schema");
  return r.value;
};

/** Validated by zInterest, so parsing again cannot fail. */
const toInterest = (input: NonNullable<PolicyInput["interest"]>): PolicyInterest => unwrap(parsePolicyInterest(input));

/** The interest settings in their written form, every default spelled out. */
export function interestDocument(interest: PolicyInterest): NonNullable<PolicyInput["interest"]> {
  const { rule } = interest;
  const written =
    rule.kind === "statutory" ? { statutory: rule.jurisdiction } : rule.quoted === "monthly" ? { monthlyPercent: formatRateBp(rule.annualBp / 12) } : { annualPercent: formatRateBp(rule.annualBp) };
  return {
    ...written,
    dayCount: interest.dayCount,
    graceDays: interest.graceDays,
    ...(interest.capAnnualBp !== undefined ? { capAnnualPercent: formatRateBp(interest.capAnnualBp) } : {}),
    ...(interest.stopAfterDays !== undefined ? { stopAfterDays: interest.stopAfterDays } : {}),
    stopAfterHandoff: interest.stopAfterHandoff,
    ...(interest.from !== undefined ? { from: interest.from.toString() } : {}),
  };
}

export function policyDraft(input: PolicyInput): PolicyDraft & PolicyCharges {
  return {
    key: input.key,
    name: input.name,
    minimumOverdue: toMinimums(input.minimumOverdue) ?? {},
    businessDaysOnly: input.businessDaysOnly,
    promiseGraceDays: input.promiseGraceDays,
    steps: input.steps.map(
      (s): PolicyStep => ({
        id: s.id,
        offsetDays: s.offsetDays,
        offsetUnit: s.offsetUnit,
        channel: s.channel,
        template: s.template ?? defaultTemplate(s.channel, s.offsetDays),
        conditions: { ...(s.conditions.minimumOverdue ? { minimumOverdue: toMinimums(s.conditions.minimumOverdue)! } : {}), ...(s.conditions.segments ? { segments: s.conditions.segments } : {}) },
        attachInvoiceCopy: s.attachInvoiceCopy,
        attachStatement: s.attachStatement,
        noticeDays: s.noticeDays,
        ...(s.fee !== undefined || s.interest !== undefined ? { charges: { fee: s.fee, interest: s.interest } } : {}),
      }),
    ),
    ...(input.interest !== undefined ? { interest: toInterest(input.interest) } : {}),
    ...(input.compensation !== undefined ? { compensation: input.compensation } : {}),
  };
}

const fromMinimums = (m: Readonly<Record<string, bigint>>): Record<string, string> => Object.fromEntries(Object.entries(m).map(([code, v]) => [code, formatAmount(v, currency(code))]));

/** The stored and displayed form of a policy: the input format with every default written out. */
export function policyDocument(draft: PolicyDraft & PolicyCharges): PolicyInput {
  return {
    key: draft.key,
    name: draft.name,
    minimumOverdue: fromMinimums(draft.minimumOverdue),
    businessDaysOnly: draft.businessDaysOnly,
    promiseGraceDays: draft.promiseGraceDays,
    steps: draft.steps.map((s) => {
      // policyDraft keeps the step's charge settings in their written form
      const charges = s.charges as Pick<PolicyInput["steps"][number], "fee" | "interest"> | undefined;
      return {
        id: s.id,
        offsetDays: s.offsetDays,
        offsetUnit: s.offsetUnit,
        channel: s.channel,
        template: s.template,
        conditions: { ...(s.conditions.minimumOverdue ? { minimumOverdue: fromMinimums(s.conditions.minimumOverdue) } : {}), ...(s.conditions.segments ? { segments: [...s.conditions.segments] } : {}) },
        attachInvoiceCopy: s.attachInvoiceCopy,
        attachStatement: s.attachStatement,
        noticeDays: s.noticeDays,
        ...(charges?.fee !== undefined ? { fee: charges.fee } : {}),
        ...(charges?.interest !== undefined ? { interest: charges.interest } : {}),
      };
    }),
    ...(draft.interest !== undefined ? { interest: interestDocument(draft.interest) } : {}),
    ...(draft.compensation !== undefined ? { compensation: draft.compensation } : {}),
  };
}
