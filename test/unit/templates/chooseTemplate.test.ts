import { describe, expect, it } from "vitest";
import { builtinCatalog, chooseTemplate, preferenceOrder, type MessageTemplate } from "../../../src/domain/templates/index.js";

const t = (key: string, language: string, channel: MessageTemplate["channel"] = "email"): MessageTemplate => ({ key, language, channel, subject: `${key} ${language}`, text: "x" });

const catalog = [t("reminder.overdue", "de"), t("reminder.overdue", "fr"), t("reminder.overdue", "en"), t("notice.final", "en"), t("notice.final", "en", "letter"), t("reminder.due", "nl")];

const languageOf = (found: MessageTemplate | undefined) => found?.language;

describe("chooseTemplate", () => {
  it("takes the contact's language first, then the customer's, then the tenant's", () => {
    expect(languageOf(chooseTemplate(catalog, "reminder.overdue", ["fr", "de", "en"]))).toBe("fr");
    expect(languageOf(chooseTemplate(catalog, "reminder.overdue", [null, "de", "fr"]))).toBe("de");
    expect(languageOf(chooseTemplate(catalog, "reminder.overdue", ["it", undefined, "fr"]))).toBe("fr");
  });

  it("falls back to English when none of the languages has the template", () => {
    expect(languageOf(chooseTemplate(catalog, "reminder.overdue", ["it", "pt"]))).toBe("en");
    expect(languageOf(chooseTemplate(catalog, "reminder.overdue", []))).toBe("en");
  });

  it("matches a regional tag to its language, but prefers a regional template when there is one", () => {
    expect(languageOf(chooseTemplate(catalog, "reminder.overdue", ["de-AT"]))).toBe("de");
    expect(languageOf(chooseTemplate([t("reminder.overdue", "de-AT"), ...catalog], "reminder.overdue", ["de-at"]))).toBe("de-AT");
    expect(languageOf(chooseTemplate(catalog, "reminder.overdue", ["FR_be"]))).toBe("fr");
  });

  it("prefers the contact's base language over the customer's language", () => {
    expect(languageOf(chooseTemplate(catalog, "reminder.overdue", ["de-CH", "fr"]))).toBe("de");
  });

  it("returns nothing for a key no language has, even in English", () => {
    expect(chooseTemplate(catalog, "reminder.unknown", ["en"])).toBeUndefined();
    expect(chooseTemplate(catalog, "reminder.due", ["de"])).toBeUndefined();
  });

  it("tells apart the channels of a key", () => {
    expect(chooseTemplate(catalog, "notice.final", ["en"], "letter")?.channel).toBe("letter");
    expect(chooseTemplate(catalog, "notice.final", ["en"], "email")?.channel).toBe("email");
    expect(chooseTemplate(catalog, "notice.final", ["en"], "sms")).toBeUndefined();
  });

  it("lets a tenant's template listed before the built-ins override them", () => {
    const own = t("reminder.overdue", "de");
    expect(chooseTemplate([own, ...builtinCatalog], "reminder.overdue", ["de"], "email")).toBe(own);
    expect(chooseTemplate([own, ...builtinCatalog], "reminder.overdue", ["fr"], "email")?.language).toBe("fr");
  });
});

describe("preferenceOrder", () => {
  it("lists each tag, then its parents, once each, English last", () => {
    expect(preferenceOrder(["zh-Hant-TW", "de-AT", null, "de", "EN"])).toEqual(["zh-hant-tw", "zh-hant", "zh", "de-at", "de", "en"]);
  });
});
