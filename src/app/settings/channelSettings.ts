import { z } from "zod";
import { parseMailbox } from "../../channels/email/outgoingEmail.js";
import { SmtpSettingsSchema } from "../../channels/email/smtpSender.js";
import { HttpJsonSmsSettingsSchema } from "../../channels/sms/httpJsonSms.js";
import { ALLOCATION_ORDERS } from "../../domain/ledger/allocationOrder.js";

/**
 * How a tenant's messages leave Dunwell: its mail server (or a log for demos), its SMS provider (or a
 * log), the paper its letters are printed on, the sender address on them, the bank account and the
 * debtor-portal address the messages quote.
 */

const mailbox = z.string().refine((text) => parseMailbox(text) !== undefined, { message: "not an email address such as ar@acme.example" });

/** Demos and trials: messages are checked and logged, nothing is delivered. */
export const LogEmailSettingsSchema = z.strictObject({ provider: z.literal("log"), from: mailbox.optional() });
export const EmailSettingsSchema = z.union([LogEmailSettingsSchema, SmtpSettingsSchema]);
export type EmailSettings = z.output<typeof EmailSettingsSchema>;

export const LogSmsSettingsSchema = z.strictObject({ provider: z.literal("log") });
export const SmsSettingsSchema = z.union([LogSmsSettingsSchema, HttpJsonSmsSettingsSchema]);
export type SmsSettings = z.output<typeof SmsSettingsSchema>;

/** ISO 13616: country, two check digits, up to 30 letters and digits; the whole passes mod 97. */
export function isIban(text: string): boolean {
  const iban = text.replace(/\s+/g, "").toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  const digits = (iban.slice(4) + iban.slice(0, 4)).replace(/[A-Z]/g, (letter) => String(letter.charCodeAt(0) - 55));
  let remainder = 0;
  for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
  return remainder === 1;
}

export const BankAccountSchema = z.strictObject({
  iban: z
    .string()
    .refine(isIban, "not a valid IBAN (country, check digits and account, e.g. DE89 3704 0044 0532 0130 00)")
    .transform((s) => s.replace(/\s+/g, "").toUpperCase()),
  bic: z
    .string()
    .regex(/^[A-Za-z]{6}[A-Za-z0-9]{2}([A-Za-z0-9]{3})?$/, "expected a BIC of 8 or 11 characters")
    .transform((s) => s.toUpperCase())
    .optional(),
  holder: z.string().min(1).max(140).optional(),
});
export type BankAccount = z.output<typeof BankAccountSchema>;

/** A change of settings: omitted fields stay as they are, null clears one. */
export const ChannelSettingsInput = z.strictObject({
  email: EmailSettingsSchema.nullable().optional(),
  sms: SmsSettingsSchema.nullable().optional(),
  letterPaper: z.enum(["A4", "LETTER"]).optional(),
  /** The tenant's postal address as printed on letters and documents, one line each. */
  senderAddress: z.array(z.string().min(1).max(200)).max(6).optional(),
  bank: BankAccountSchema.nullable().optional(),
  /** Debtor-portal base URL; messages link to `<portalUrl>/c/<customer number>`. */
  portalUrl: z.url({ protocol: /^https?$/ }).nullable().optional(),
  defaultPolicy: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,62}$/, "expected a policy key such as standard").optional(),
  /** How a payment spreads over an item's costs, interest and principal (docs/fees-and-interest.md). */
  allocationOrder: z.enum(ALLOCATION_ORDERS).optional(),
  /** Fixed compensation per late invoice under a statutory interest rule, unless the policy says otherwise. */
  compensation: z.boolean().optional(),
});
export type ChannelSettingsInput = z.output<typeof ChannelSettingsInput>;

/** Stored settings as the dispatcher and the views use them. */
export interface ChannelSettings {
  email: EmailSettings | null;
  sms: SmsSettings | null;
  letterPaper: "A4" | "LETTER";
  senderAddress: string[];
  bank: BankAccount | null;
  portalUrl: string | null;
  defaultPolicy: string;
}

/**
 * Stored JSON is read back through the schemas: a row written by an older release that no longer
 * passes counts as absent, which the dispatcher reports as a misconfigured channel.
 */
export const storedEmail = (value: unknown): EmailSettings | null => (value == null ? null : (EmailSettingsSchema.safeParse(value).data ?? null));
export const storedSms = (value: unknown): SmsSettings | null => (value == null ? null : (SmsSettingsSchema.safeParse(value).data ?? null));
export const storedBank = (value: unknown): BankAccount | null => (value == null ? null : (BankAccountSchema.safeParse(value).data ?? null));

export const isLogProvider = (settings: EmailSettings | SmsSettings): settings is { provider: "log" } => "provider" in settings && settings.provider === "log";
