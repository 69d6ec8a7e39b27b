import { describe, expect, it } from "vitest";
import type { DomainError } from "../../../src/domain/errors.js";
import { contextVariables, validateTemplate, type MessageTemplate } from "../../../src/domain/templates/index.js";

const email = (parts: Partial<MessageTemplate> = {}): MessageTemplate => ({
  key: "reminder.custom",
  language: "en",
  channel: "email",
  subject: "Reminder",
  text: "Hello",
  ...parts,
});

function rejection(template: MessageTemplate): DomainError {
  const result = validateTemplate(template);
  if (result.ok) throw new Error("expected the template to be rejected");
  return result.error;
}

const textError = (text: string) => rejection(email({ text }));

describe("validateTemplate accepts", () => {
  it("every kind of path the context offers, in the scope where it exists", () => {
    const text = [
      "{{#if contact.name}}Dear {{contact.name}},{{else}}Dear Sir or Madam,{{/if}}",
      "{{#each items}}",
      "{{@index}}. {{number}} {{date dueDate}} {{money open}} {{this.daysOverdue}} {{#if @first}}oldest{{/if}}{{#unless @last}},{{/unless}}",
      "{{../customer.name}} {{@root.paymentReference}} {{#if disputed}}(disputed){{/if}} {{open.currency}}",
      "{{/each}}",
      "{{#each tenant.address}}{{this}} {{/each}}",
      "{{#with tenant.bankAccount}}{{iban}} {{bic}} {{../tenant.name}}{{/with}}",
      "{{#if fee}}Fee {{money fee}}{{/if}} {{money totals.listed}} {{plural totals.count one=\"# invoice\" other=\"# invoices\"}}",
      "{{date today style=\"long\"}} {{daysOverdue}} {{#if daysOverdue includeZero=true}}x{{/if}} {{step.id}} {{sender.name}}",
      "{{!-- a comment is fine --}}",
    ].join("\n");
    expect(validateTemplate(email({ text, html: `<p>${text}</p>` }))).toEqual({ ok: true, value: expect.objectContaining({ text }) });
  });

  it("unescaped output in text parts, where nothing is escaped anyway", () => {
    expect(validateTemplate(email({ text: "{{{customer.name}}}" })).ok).toBe(true);
  });

  it("an SMS of text alone and a task with or without a title", () => {
    expect(validateTemplate({ key: "sms.x", language: "de-AT", channel: "sms", text: "{{money totals.overdue}}" }).ok).toBe(true);
    expect(validateTemplate({ key: "task.x", language: "fr", channel: "task", text: "Call {{customer.name}}" }).ok).toBe(true);
    expect(validateTemplate({ key: "task.x", language: "fr", channel: "task", subject: "Call", text: "Call" }).ok).toBe(true);
  });
});

describe("validateTemplate rejects at save time", () => {
  it("an unknown variable, naming it and the part it is in", () => {
    const error = rejection(email({ subject: "Invoice {{invoice.number}}" }));
    expect(error).toMatchObject({ code: "TEMPLATE_UNKNOWN_VARIABLE", path: "subject", line: 1 });
    expect(error.message).toContain("invoice.number");
    expect(error.message).toMatch(/^subject, line 1, column \d+:/);
  });

  it("a misspelt field, an item field outside the loop and a ../ above the top", () => {
    expect(textError("{{customer.nmae}}").code).toBe("TEMPLATE_UNKNOWN_VARIABLE");
    expect(textError("{{dueDate}}").code).toBe("TEMPLATE_UNKNOWN_VARIABLE");
    expect(textError("{{#each items}}{{customer.name}}{{/each}}").message).toContain("write ../customer.name");
    expect(textError("{{#each items}}{{../../customer.name}}{{/each}}").code).toBe("TEMPLATE_UNKNOWN_VARIABLE");
    expect(textError("{{@index}}").code).toBe("TEMPLATE_UNKNOWN_VARIABLE");
    expect(textError("{{@../index}}").code).toBe("TEMPLATE_UNKNOWN_VARIABLE");
    expect(textError("{{totals.overdue.cents}}").code).toBe("TEMPLATE_UNKNOWN_VARIABLE");
    expect(textError("{{constructor}}").code).toBe("TEMPLATE_UNKNOWN_VARIABLE");
  });

  it("a variable used only inside a branch that rarely runs", () => {
    expect(textError("{{#if fee}}{{money fees}}{{/if}}").message).toContain('"fees"');
    expect(textError("{{#if payLink}}x{{else}}{{paylink}}{{/if}}").message).toContain('"paylink"');
  });

  it("syntax errors, with the part, line and column", () => {
    const unclosed = rejection(email({ html: "<p>Hello</p>\n<p>{{customer.name}</p>" }));
    expect(unclosed).toMatchObject({ code: "TEMPLATE_SYNTAX", path: "html", line: 2 });
    expect(unclosed.message).toMatch(/^html, line 2, column \d+: syntax error/);
    const mismatched = textError("Hi\n{{#if fee}}x{{/each}}");
    expect(mismatched).toMatchObject({ code: "TEMPLATE_SYNTAX", line: 2 });
    expect(mismatched.message).toContain("if doesn't match each");
    expect(textError("{{#if fee}}never closed").code).toBe("TEMPLATE_SYNTAX");
  });

  it("unknown helpers, including Handlebars' own lookup and log", () => {
    for (const text of ["{{shout customer.name}}", '{{lookup items "0"}}', "{{log customer}}", "{{#items}}{{number}}{{/items}}", "{{#repeat 3}}x{{/repeat}}"]) {
      expect(textError(text).code, text).toBe("TEMPLATE_UNKNOWN_HELPER");
    }
  });

  it("helpers given the wrong kind or number of arguments", () => {
    for (const text of [
      "{{money customer.name}}",
      "{{money}}",
      "{{money totals.overdue totals.open}}",
      "{{date daysOverdue}}",
      '{{date today style="fancy"}}',
      "{{plural totals.count one=\"invoice\"}}",
      "{{plural customer.name other=\"x\"}}",
      "{{plural totals.count other=customer.name}}",
      "{{#each customer}}x{{/each}}",
      "{{#with customer.name}}x{{/with}}",
      "{{#if}}x{{/if}}",
      "{{#if fee fee}}x{{/if}}",
      "{{#each items sorted=true}}x{{/each}}",
    ]) {
      expect(textError(text).code, text).toBe("TEMPLATE_BAD_ARGUMENT");
    }
  });

  it("printing a money value, a list or an object as it is", () => {
    expect(textError("{{totals.overdue}}").message).toContain("{{money totals.overdue}}");
    expect(textError("{{items}}").code).toBe("TEMPLATE_NOT_PRINTABLE");
    expect(textError("{{customer}}").code).toBe("TEMPLATE_NOT_PRINTABLE");
    expect(textError("{{#each items}}{{this}}{{/each}}").code).toBe("TEMPLATE_NOT_PRINTABLE");
  });

  it("partials, decorators, block parameters, literal output and unescaped HTML", () => {
    expect(textError("{{> footer}}").code).toBe("TEMPLATE_NOT_ALLOWED");
    expect(textError("{{#> layout}}x{{/layout}}").code).toBe("TEMPLATE_NOT_ALLOWED");
    expect(textError("{{* inline}}").code).toBe("TEMPLATE_NOT_ALLOWED");
    expect(textError("{{#each items as |item|}}{{item.number}}{{/each}}").code).toBe("TEMPLATE_NOT_ALLOWED");
    expect(textError('{{"hello"}}').code).toBe("TEMPLATE_NOT_ALLOWED");
    expect(textError("{{if fee}}").code).toBe("TEMPLATE_NOT_ALLOWED");
    expect(textError("{{#money fee}}x{{/money}}").code).toBe("TEMPLATE_NOT_ALLOWED");
    expect(rejection(email({ html: "<p>{{{customer.name}}}</p>" }))).toMatchObject({ code: "TEMPLATE_NOT_ALLOWED", path: "html" });
    expect(rejection(email({ html: "<p>{{& customer.name}}</p>" })).code).toBe("TEMPLATE_NOT_ALLOWED");
  });

  it("parts that do not fit the channel", () => {
    const sms: MessageTemplate = { key: "sms.x", language: "en", channel: "sms", text: "x" };
    expect(rejection({ ...sms, subject: "Hi" })).toMatchObject({ code: "VALIDATION_FAILED", path: "subject" });
    expect(rejection({ ...sms, html: "<p>x</p>" })).toMatchObject({ code: "VALIDATION_FAILED", path: "html" });
    expect(rejection(email({ subject: undefined }))).toMatchObject({ code: "VALIDATION_FAILED", path: "subject" });
    expect(rejection(email({ text: "  " }))).toMatchObject({ code: "VALIDATION_FAILED", path: "text" });
    expect(rejection({ key: "notice.x", language: "en", channel: "letter", subject: "x", text: "x", html: "x" })).toMatchObject({ path: "html" });
    expect(rejection({ ...sms, channel: "fax" as "sms" })).toMatchObject({ code: "VALIDATION_FAILED", path: "channel" });
  });

  it("a malformed key or language", () => {
    expect(rejection(email({ key: "" }))).toMatchObject({ code: "VALIDATION_FAILED", path: "key" });
    expect(rejection(email({ key: "reminder overdue" }))).toMatchObject({ path: "key" });
    expect(rejection(email({ language: "german" }))).toMatchObject({ code: "VALIDATION_FAILED", path: "language" });
    expect(rejection(email({ language: "de_AT" }))).toMatchObject({ path: "language" });
  });

  it("reports every problem in details when there are several", () => {
    const error = rejection(email({ subject: "{{nope}}", text: "{{money customer.name}}\n{{shout customer.name}}", html: "{{> p}}" }));
    expect(error.code).toBe("TEMPLATE_UNKNOWN_VARIABLE");
    expect(error.details).toEqual([
      expect.objectContaining({ code: "TEMPLATE_UNKNOWN_VARIABLE", path: "subject", line: 1 }),
      expect.objectContaining({ code: "TEMPLATE_BAD_ARGUMENT", path: "text", line: 1 }),
      expect.objectContaining({ code: "TEMPLATE_UNKNOWN_HELPER", path: "text", line: 2 }),
      expect.objectContaining({ code: "TEMPLATE_NOT_ALLOWED", path: "html", line: 1 }),
    ]);
  });
});

describe("contextVariables", () => {
  it("lists every variable with its kind, list elements marked []", () => {
    const variables = contextVariables();
    expect(variables).toEqual(expect.arrayContaining(["customer.name: string", "items: list", "items[].dueDate: date", "items[].open: money", "fee: money", "tenant.address[]: string", "totals.count: number"]));
    expect(new Set(variables).size).toBe(variables.length);
  });
});
