import { describe, expect, it } from "vitest";
import { isIban } from "../../../src/app/settings/channelSettings.js";
import { SECRET_MASK, keepEmailSecret, keepSmsSecrets, maskEmail, maskSms } from "../../../src/app/settings/secrets.js";
import { Failure } from "../../../src/domain/errors.js";

const smtp = { host: "smtp.example", port: 587, user: "ar", password: "s3cret", from: "ar@acme.example" };
const sms = { url: "https://sms.example/send", headers: { Authorization: "Bearer k3y", "X-Team": "ar" }, bodyFields: { to: "to", text: "text" } };

describe("settings secrets", () => {
  it("masks the SMTP password and every SMS header value", () => {
    expect(maskEmail(smtp)).toEqual({ ...smtp, password: SECRET_MASK });
    expect(maskSms(sms)).toEqual({ ...sms, headers: { Authorization: SECRET_MASK, "X-Team": SECRET_MASK } });
    expect(maskEmail({ provider: "log" })).toEqual({ provider: "log" });
    expect(maskEmail(null)).toBeNull();
  });

  it("puts the stored secret back where the mask comes back", () => {
    expect(keepEmailSecret({ ...smtp, host: "new.example", password: SECRET_MASK }, smtp)).toEqual({ ...smtp, host: "new.example" });
    expect(keepEmailSecret({ ...smtp, password: "changed" }, smtp)).toMatchObject({ password: "changed" });
    expect(keepSmsSecrets({ ...sms, headers: { Authorization: SECRET_MASK, "X-Team": "billing" } }, sms)).toMatchObject({ headers: { Authorization: "Bearer k3y", "X-Team": "billing" } });
  });

  it("refuses a mask with nothing stored behind it", () => {
    expect(() => keepEmailSecret({ ...smtp, password: SECRET_MASK }, null)).toThrow(Failure);
    expect(() => keepSmsSecrets({ ...sms, headers: { "X-Other": SECRET_MASK } }, sms)).toThrow(/X-Other/);
  });
});

describe("IBAN check", () => {
  it("accepts valid IBANs with or without spaces and refuses a wrong check digit", () => {
    expect(isIban("DE89 3704 0044 0532 0130 00")).toBe(true);
    expect(isIban("GB33BUKB20201555555555")).toBe(true);
    expect(isIban("DE88370400440532013000")).toBe(false);
    expect(isIban("not an iban")).toBe(false);
  });
});
