import { fail } from "../../domain/errors.js";
import type { EmailSettings, SmsSettings } from "./channelSettings.js";

/**
 * Secrets (the SMTP password, the SMS provider's header values, which carry its API key) never leave
 * Dunwell: views show this mask instead. A change that sends the mask back keeps the stored secret,
 * so a settings form can round-trip what it was shown.
 */
export const SECRET_MASK = "********";

export function maskEmail(settings: EmailSettings | null): EmailSettings | null {
  if (settings === null || !("password" in settings) || settings.password === undefined) return settings;
  return { ...settings, password: SECRET_MASK };
}

export function maskSms(settings: SmsSettings | null): SmsSettings | null {
  if (settings === null || !("headers" in settings) || settings.headers === undefined) return settings;
  return { ...settings, headers: Object.fromEntries(Object.keys(settings.headers).map((name) => [name, SECRET_MASK])) };
}

/** The new email settings with a masked password replaced by the stored one. */
export function keepEmailSecret(next: EmailSettings, stored: EmailSettings | null): EmailSettings {
  if (!("password" in next) || next.password !== SECRET_MASK) return next;
  const kept = stored !== null && "password" in stored ? stored.password : undefined;
  return { ...next, password: kept ?? fail("VALIDATION_FAILED", "email.password: there is no stored password to keep; send the password itself", { path: "email.password" }) };
}

/** The new SMS settings with masked header values replaced by the stored ones of the same header. */
export function keepSmsSecrets(next: SmsSettings, stored: SmsSettings | null): SmsSettings {
  if (!("headers" in next) || next.headers === undefined) return next;
  const storedHeaders = stored !== null && "headers" in stored ? (stored.headers ?? {}) : {};
  const headers = Object.fromEntries(
    Object.entries(next.headers).map(([name, value]) => {
      if (value !== SECRET_MASK) return [name, value];
      return [name, storedHeaders[name] ?? fail("VALIDATION_FAILED", `sms.headers.${name}: there is no stored value to keep; send the value itself`, { path: `sms.headers.${name}` })];
    }),
  );
  return { ...next, headers };
}
