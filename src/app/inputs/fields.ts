import { z } from "zod";
import { isCurrency, parseAmount, type Currency } from "../../domain/money/index.js";
import { parseIsoDate } from "../../domain/dates/plainDate.js";

/** Field schemas shared by the API, the CLI and the importers, so every edge validates the same way. */
export const zIsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date as YYYY-MM-DD")
  .refine((s) => parseIsoDate(s).ok, "not a calendar date")
  .meta({ format: "date", example: "2024-03-01" });

export const zCurrency = z
  .string()
  .transform((s) => s.trim().toUpperCase())
  .refine((s) => isCurrency(s), "not an ISO 4217 currency code")
  .meta({ example: "EUR" }) as unknown as z.ZodType<Currency, string>;

/** A decimal string such as "1250.00"; checked against its currency by refineAmount. */
export const zDecimal = z.string().regex(/^-?\d+(\.\d+)?$/, "expected a decimal string such as 1250.00").meta({ example: "1250.00" });

export const zUuid = z.uuid();

export const zTags = z.array(z.string().min(1).max(64)).max(50);

/** Adds an issue at `path` when `value` is not a valid amount of `currency` (too many decimals, negative). */
export function refineAmount(ctx: z.RefinementCtx, value: string | undefined, currency: string, path: string, allowNegative = false): void {
  if (value === undefined || !isCurrency(currency)) return;
  const parsed = parseAmount(value, currency, { allowNegative });
  if (!parsed.ok) ctx.addIssue({ code: "custom", path: [path], message: parsed.error.message, params: { code: parsed.error.code } });
}

/** Like refineAmount, and the amount must be above zero (money received, credit given). */
export function refinePositiveAmount(ctx: z.RefinementCtx, value: string, currency: string, path: string): void {
  if (!isCurrency(currency)) return;
  const parsed = parseAmount(value, currency);
  if (!parsed.ok) refineAmount(ctx, value, currency, path);
  else if (parsed.value === 0n) ctx.addIssue({ code: "custom", path: [path], message: "must be greater than zero", params: { code: "INVALID_AMOUNT" } });
}

/** Minor units of an amount already checked by refineAmount. */
export function toMinor(value: string, currency: Currency): bigint {
  const parsed = parseAmount(value, currency, { allowNegative: true });
  if (!parsed.ok) throw new Error(`unchecked amount ${value}`);
  return parsed.value;
}

export const zPageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  cursor: z.string().max(200).optional(),
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Ids from URLs are checked before they reach SQL, so a malformed id is "not found", not a database error. */
export const isUuid = (text: string): boolean => UUID.test(text);
