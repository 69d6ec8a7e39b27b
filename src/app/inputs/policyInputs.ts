import { z } from "zod";
import { CHANNELS } from "../../domain/collections/policy.js";
import { defaultTemplate, type PolicyStep } from "../../domain/collections/policy.js";
import type { PolicyDraft } from "../../domain/collections/shippedPolicies.js";
import { currency, formatAmount, parseAmount } from "../../domain/money/index.js";
import { zDecimal } from "./fields.js";

/** `{"EUR": "50.00"}`: a minimum amount per currency, each checked against its currency's decimals. */
const zMinimums = z.record(z.string().regex(/^[A-Z]{3}$/, "expected an ISO 4217 code such as EUR"), zDecimal).superRefine((minimums, ctx) => {
  for (const [code, value] of Object.entries(minimums)) {
    const parsed = parseAmount(value, currency(code));
    if (!parsed.ok) ctx.addIssue({ code: "custom", path: [code], message: parsed.error.message, params: { code: parsed.error.code } });
  }
});

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
    fee: z.unknown().optional(),
    interest: z.unknown().optional(),
  })
  .meta({ description: "One step of a collections policy" });

/** A policy as written in a file or sent to the API: amounts as decimal strings, defaults filled in. */
export const PolicyInput = z
  .strictObject({
    key: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,62}$/, "lowercase letters, digits, '-' and '_'"),
    name: z.string().min(1).max(200),
    minimumOverdue: zMinimums.default({}),
    businessDaysOnly: z.boolean().default(true),
    promiseGraceDays: z.number().int().min(0).max(60).default(3),
    steps: z.array(zStep).min(1).max(50),
  })
  .meta({ id: "PolicyInput" });
export type PolicyInput = z.output<typeof PolicyInput>;

const toMinimums = (m: Record<string, string> | undefined): Record<string, bigint> | undefined => {
  if (!m) return undefined;
  return Object.fromEntries(Object.entries(m).map(([code, value]) => [code, unwrap(parseAmount(value, currency(code)))]));
};
const unwrap = <T>(r: { ok: true; value: T } | { ok: false }): T => {
  if (!r.ok) throw new Error("amount was validated by the schema");
  return r.value;
};

export function policyDraft(input: PolicyInput): PolicyDraft {
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
  };
}

const fromMinimums = (m: Readonly<Record<string, bigint>>): Record<string, string> => Object.fromEntries(Object.entries(m).map(([code, v]) => [code, formatAmount(v, currency(code))]));

/** The stored and displayed form of a policy: the input format with every default written out. */
export function policyDocument(draft: PolicyDraft): PolicyInput {
  return {
    key: draft.key,
    name: draft.name,
    minimumOverdue: fromMinimums(draft.minimumOverdue),
    businessDaysOnly: draft.businessDaysOnly,
    promiseGraceDays: draft.promiseGraceDays,
    steps: draft.steps.map((s) => {
      const charges = s.charges as { fee?: unknown; interest?: unknown } | undefined;
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
  };
}
