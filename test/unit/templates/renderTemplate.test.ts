import { describe, expect, it } from "vitest";
import { Failure } from "../../../src/domain/errors.js";
import { currency, money } from "../../../src/domain/money/index.js";
import { builtinCatalog, moneyValue, previewContext, renderTemplate, type MessageContext, type MessageTemplate } from "../../../src/domain/templates/index.js";

const template = (parts: Partial<MessageTemplate>): MessageTemplate => ({ key: "test.render", language: "en", channel: "email", subject: "s", text: "t", ...parts });

describe("renderTemplate", () => {
  it("renders every part with the context's values", () => {
    const rendered = renderTemplate(
      template({ subject: "{{money totals.overdue}} overdue", text: "{{#each items}}{{number}} {{date dueDate}}\n{{/each}}", html: "<b>{{customer.name}}</b>" }),
      previewContext("en"),
    );
    expect(rendered).toEqual({ subject: "€1,730.50 overdue", text: "INV-2025-0017 Feb 14, 2025\nINV-2025-0042 Mar 5, 2025\n", html: "<b>Contoso Retail</b>" });
  });

  it("escapes variables in HTML bodies only, never in subject or text", () => {
    const context: MessageContext = { ...previewContext("en"), customer: { name: `<script>alert("x")</script> O'Neil & Co`, number: "C-1" } };
    const rendered = renderTemplate(template({ subject: "{{customer.name}}", text: "{{customer.name}}", html: "<p>{{customer.name}}</p>" }), context);
    expect(rendered.subject).toBe(`<script>alert("x")</script> O'Neil & Co`);
    expect(rendered.text).toBe(`<script>alert("x")</script> O'Neil & Co`);
    expect(rendered.html).toBe("<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; O&#x27;Neil &amp; Co</p>");
  });

  it("formats for the context's language, not the template's", () => {
    const t = template({ text: "{{money totals.overdue}} {{date today style=\"long\"}}" });
    expect(renderTemplate(t, previewContext("de")).text.replace(/\s/g, " ")).toBe("1.730,50 € 17. März 2025");
  });

  it("leaves out what the context does not have: no fee, no contact name, no bank account", () => {
    const { fee: _fee, ...rest } = previewContext("en");
    const context: MessageContext = { ...rest, contact: { name: "" }, tenant: { name: "Northwind" } };
    const t = template({ text: "{{#if contact.name}}Dear {{contact.name}}{{else}}Dear Sir or Madam{{/if}}|{{#if fee}}fee {{money fee}}{{/if}}|{{money fee}}|{{tenant.bankAccount.iban}}" });
    expect(renderTemplate(t, context).text).toBe("Dear Sir or Madam|||");
  });

  it("gives channels without a subject an empty one", () => {
    expect(renderTemplate({ key: "sms.x", language: "en", channel: "sms", text: "Hi {{customer.name}}" }, previewContext("en"))).toEqual({ subject: "", text: "Hi Contoso Retail" });
  });

  it("refuses a template that never passed validation, with the validation code", () => {
    const broken = template({ text: "{{customer.nmae}}" });
    expect(() => renderTemplate(broken, previewContext("en"))).toThrow(Failure);
    try {
      renderTemplate(broken, previewContext("en"));
    } catch (error) {
      expect((error as Failure).error.code).toBe("TEMPLATE_UNKNOWN_VARIABLE");
    }
  });

  it("reports a context that breaks its own types instead of sending NaN", () => {
    const context = { ...previewContext("en"), totals: { ...previewContext("en").totals, overdue: { amount: "abc", currency: "EUR" } } };
    expect(() => renderTemplate(template({ text: "{{money totals.overdue}}" }), context)).toThrow(TypeError);
  });

  it("turns ledger money into the context's exact decimal form", () => {
    expect(moneyValue(money(125000n, currency("EUR")))).toEqual({ amount: "1250.00", currency: "EUR" });
    expect(moneyValue(money(1250n, currency("JPY")))).toEqual({ amount: "1250", currency: "JPY" });
  });

  it("renders 5,000 five-item emails well under a second", () => {
    const email = builtinCatalog.find((t) => t.key === "reminder.second" && t.language === "de" && t.channel === "email")!;
    const base = previewContext("de");
    const item = base.items[0]!;
    const eur = (amount: string) => ({ amount, currency: "EUR" });
    const contexts = Array.from({ length: 5_000 }, (_, i) => ({
      ...base,
      customer: { name: `Kunde ${i}`, number: `C-${i}` },
      // distinct amounts per message, so the formatting memo helps no more than in a real run
      items: Array.from({ length: 5 }, (_, n) => ({ ...item, number: `INV-${i}-${n}`, dueDate: `2025-0${1 + n}-${10 + (i % 18)}`, daysOverdue: 10 + n, open: eur(`${i * 7 + n}.${n}5`) })),
      totals: { ...base.totals, listed: eur(`${i * 35}.25`), overdue: eur(`${i * 35}.25`) },
    }));
    renderTemplate(email, contexts[0]!); // compile outside the measurement, as a run does once
    const started = performance.now();
    let bytes = 0;
    for (const context of contexts) bytes += renderTemplate(email, context).html!.length;
    const elapsed = performance.now() - started;
    console.log(`5,000 renders of a 5-item email (subject, text, html): ${elapsed.toFixed(0)} ms, ${(bytes / 1e6).toFixed(1)} MB of HTML`);
    expect(elapsed).toBeLessThan(2_000);
  });
});
