import { describe, expect, it } from "vitest";
import {
  BUILTIN_LANGUAGES,
  builtinCatalog,
  chooseTemplate,
  previewContext,
  renderTemplate,
  SMS_KEY,
  TASK_KEYS,
  TONE_LADDER,
  validateTemplate,
  type MessageContext,
  type MessageTemplate,
} from "../../../src/domain/templates/index.js";

// The total of the preview context (1730.50 EUR) as each language writes it; Intl's no-break spaces made plain.
const TOTAL: Record<string, string> = { en: "€1,730.50", de: "1.730,50 €", fr: "1 730,50 €", es: "1730,50 €", nl: "€ 1.730,50" };
const plain = (s: string) => s.replace(/\s/g, " ");

const expectedTemplates = [
  ...TONE_LADDER.flatMap(({ key, channels }) => channels.map((channel) => `${key}/${channel}`)),
  `${SMS_KEY}/sms`,
  ...TASK_KEYS.map((key) => `${key}/task`),
];

// GSM 03.38: one septet per basic character, two for the extension table (€ among them).
const GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
const GSM_EXTENSION = "^{}\\[~]|€";
function gsmSeptets(text: string): number {
  let septets = 0;
  for (const char of text) {
    if (GSM_BASIC.includes(char)) septets += 1;
    else if (GSM_EXTENSION.includes(char)) septets += 2;
    else throw new Error(`${JSON.stringify(char)} is not in the GSM 7-bit alphabet: ${text}`);
  }
  return septets;
}

const builtin = (key: string, language: string, channel: MessageTemplate["channel"]) => {
  const found = chooseTemplate(builtinCatalog, key, [language], channel);
  if (found?.language !== language) throw new Error(`no built-in ${key}/${channel} in ${language}`);
  return found;
};

describe("built-in templates", () => {
  it("cover the whole tone ladder, the SMS and the tasks in every shipped language", () => {
    expect(BUILTIN_LANGUAGES).toEqual(["en", "de", "fr", "es", "nl"]);
    for (const language of BUILTIN_LANGUAGES) {
      const mine = builtinCatalog.filter((t) => t.language === language).map((t) => `${t.key}/${t.channel}`);
      expect(mine.sort(), language).toEqual([...expectedTemplates].sort());
    }
  });

  it("all pass validation", () => {
    for (const template of builtinCatalog) {
      const result = validateTemplate(template);
      expect(result.ok ? "ok" : result.error, `${template.key}/${template.language}/${template.channel}`).toBe("ok");
    }
  });

  it.each(BUILTIN_LANGUAGES)("render in %s with the amounts, dates and numbers of the message", (language) => {
    const context = previewContext(language);
    for (const template of builtinCatalog.filter((t) => t.language === language)) {
      const where = `${template.key}/${template.channel}`;
      const { subject, text, html } = renderTemplate(template, context);
      for (const part of [subject, text, html ?? ""]) expect(part, where).not.toMatch(/undefined|\[object|NaN|\{\{|\}\}/);
      expect(plain(`${subject}\n${text}`), where).toContain(TOTAL[language]);
      if (template.channel !== "sms") expect(subject.length, where).toBeGreaterThan(5);
      if (template.channel === "email" || template.channel === "task") {
        expect(text, where).toContain("INV-2025-0017");
        expect(text, where).toContain("INV-2025-0042");
      }
      if (template.channel === "email") {
        expect(html, where).toContain("<td");
        expect(html, where).toContain(`href="${context.payLink}"`);
        expect(html, where).toContain("GB33BUKB20201555555555");
        expect(html, where).toContain(`lang="${language}"`);
        expect(text, where).toContain(context.paymentReference);
      }
      if (template.channel === "letter") expect(text, where).toContain(context.paymentReference);
    }
  });

  it("HTML-escape a customer name in email HTML but leave the text part as written", () => {
    const name = `<script>alert("x")</script> Müller & Söhne`;
    for (const language of BUILTIN_LANGUAGES) {
      const context: MessageContext = { ...previewContext(language), customer: { name, number: "C-7" } };
      const { text, html } = renderTemplate(builtin("reminder.overdue", language, "email"), context);
      expect(text, language).toContain(name);
      expect(html, language).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Müller &amp; Söhne");
      expect(html, language).not.toContain("<script>");
    }
  });

  it("greet generically when the contact's name is unknown, and sign in the tenant's name alone without a collector", () => {
    const context: MessageContext = { ...previewContext("de"), contact: { name: "" }, sender: { name: "" } };
    const { text } = renderTemplate(builtin("notice.final", "de", "email"), context);
    expect(text.startsWith("Sehr geehrte Damen und Herren,")).toBe(true);
    expect(text.trimEnd().endsWith("Mit freundlichen Grüßen\nNorthwind Supplies Ltd")).toBe(true);
  });

  it("mention the late fee in the second reminder only when the step charges one", () => {
    const withFee = renderTemplate(builtin("reminder.second", "en", "email"), previewContext("en")).text;
    const { fee: _fee, ...noFee } = previewContext("en");
    const without = renderTemplate(builtin("reminder.second", "en", "email"), noFee).text;
    expect(withFee).toContain("late-payment fee of €40.00");
    expect(without).not.toContain("fee");
  });

  it("show days overdue once the money is late, not before", () => {
    const context: MessageContext = { ...previewContext("en"), items: previewContext("en").items.map((item) => ({ ...item, daysOverdue: -5 })) };
    expect(renderTemplate(builtin("reminder.upcoming", "en", "email"), context).html).not.toContain("Days overdue");
    expect(renderTemplate(builtin("reminder.overdue", "en", "email"), previewContext("en")).text).toContain("31 days overdue");
  });

  it("mark disputed items and pluralise a single invoice", () => {
    const base = previewContext("fr");
    const context: MessageContext = { ...base, items: [{ ...base.items[0]!, disputed: true }], totals: { ...base.totals, count: 1 } };
    const { text } = renderTemplate(builtin("reminder.overdue", "fr", "email"), context);
    expect(text).toContain("(contestée)");
    expect(text).toContain("de la facture ci-dessous");
  });

  it("keep letters free of loops: the letter renderer draws the items table", () => {
    const letters = builtinCatalog.filter((t) => t.channel === "letter");
    expect(letters.length).toBe(BUILTIN_LANGUAGES.length * 2);
    for (const letter of letters) expect(letter.text).not.toContain("{{#each");
  });

  it("keep the SMS to one 160-septet GSM 7-bit message with typical values", () => {
    for (const language of BUILTIN_LANGUAGES) {
      const base = previewContext(language);
      for (const context of [base, { ...base, totals: { ...base.totals, count: 1 } }]) {
        const { text } = renderTemplate(builtin(SMS_KEY, language, "sms"), context);
        expect(gsmSeptets(text), `${language}: ${text}`).toBeLessThanOrEqual(160);
        expect(text).toContain(context.paymentReference);
      }
    }
  });
});
