import type { MessageTemplate } from "../messageTemplate.js";
import { isBeforeDue, SMS_KEY, TASK_KEYS, TONE_LADDER, type NoticeKey, type TaskKey, type Tone } from "./toneLadder.js";

/**
 * Builds the shipped templates of one language from its wording. The wording lives in one file per
 * language; the structure (items list and table, payment details, signature, HTML styling) lives
 * here once, so the five languages cannot drift apart.
 */

export interface Greeting {
  /** Uses {{contact.name}}. */
  named: string;
  /** When no contact name is known. */
  generic: string;
}

/** Handlebars sources; paragraphs come before the items, closing paragraphs after the payment details. */
export interface Notice {
  subject: string;
  paragraphs: readonly string[];
  closing: readonly string[];
}

export interface Task {
  subject: string;
  intro: string;
  points: readonly string[];
}

/** Plain words (no Handlebars, no double quotes: some end up inside helper options). */
export interface Labels {
  invoice: string;
  dueDate: string;
  daysOverdue: string;
  open: string;
  total: string;
  disputed: string;
  /** Before a date in the text list: "due Mar 5, 2025". */
  due: string;
  /** "#" is the number of days. */
  dayOverdue: { one: string; other: string };
  payNow: string;
  payOnline: string;
  paymentReference: string;
  bankDetails: string;
  /** Before "name (number)" of the customer account the message is about. */
  customer: string;
  /** Between a label and its value: ": ", or " : " in French typography. */
  colon: string;
}

export interface LanguagePack {
  language: string;
  /** Informal for the friendly and courteous steps, formal from the first overdue reminder on. */
  greeting: { informal: Greeting; formal: Greeting };
  signOff: { informal: string; formal: string };
  labels: Labels;
  notices: Readonly<Record<NoticeKey, Notice>>;
  /** Kept under 160 characters with typical values (a test renders it). */
  sms: string;
  tasks: Readonly<Record<TaskKey, Task>>;
}

const FONT = "font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:1.5;color:#1f2933";
const PARAGRAPH = `<p style="margin:0 0 16px">`;
const CELL = "padding:6px 8px;border-bottom:1px solid #e4e7eb";
const HEAD = `${CELL};background:#f5f7fa;font-weight:bold`;
const LEFT = ";text-align:left";
const RIGHT = ";text-align:right;white-space:nowrap";
const BUTTON = "display:inline-block;padding:10px 20px;background:#1d4ed8;color:#ffffff;text-decoration:none;border-radius:4px;font-weight:bold";
const FOOTER = "margin:24px 0 0;font-size:12px;color:#6b7280";

const BANK = "{{#if tenant.bankAccount.holder}}{{tenant.bankAccount.holder}}, {{/if}}IBAN {{tenant.bankAccount.iban}}{{#if tenant.bankAccount.bic}}, BIC {{tenant.bankAccount.bic}}{{/if}}";
const CUSTOMER = "{{customer.name}} ({{customer.number}})";
const SIGNATURE_TEXT = "{{#if sender.name}}{{sender.name}}\n{{/if}}{{tenant.name}}";
const SIGNATURE_HTML = "{{#if sender.name}}{{sender.name}}<br>{{/if}}{{tenant.name}}";

const greetingFor = (pack: LanguagePack, tone: Tone): string => {
  const g = isBeforeDue(tone) ? pack.greeting.informal : pack.greeting.formal;
  return `{{#if contact.name}}${g.named}{{else}}${g.generic}{{/if}}`;
};
const signOffFor = (pack: LanguagePack, tone: Tone): string => (isBeforeDue(tone) ? pack.signOff.informal : pack.signOff.formal);

const daysOverdueText = (l: Labels): string => `{{plural daysOverdue one="${l.dayOverdue.one}" other="${l.dayOverdue.other}"}}`;

function itemsText(l: Labels, withDaysOverdue: boolean): string {
  const late = withDaysOverdue ? ` · ${daysOverdueText(l)}` : "";
  return `{{#each items}}\n- ${l.invoice} {{number}} · ${l.due} {{date dueDate}}${late} · {{money open}}{{#if disputed}} (${l.disputed}){{/if}}\n{{/each}}\n${l.total}${l.colon}{{money totals.listed}}`;
}

const paymentText = (l: Labels): string =>
  `${l.customer}${l.colon}${CUSTOMER}\n{{#if payLink}}${l.payOnline}${l.colon}{{payLink}}\n{{/if}}${l.paymentReference}${l.colon}{{paymentReference}}{{#if tenant.bankAccount.iban}}\n${l.bankDetails}${l.colon}${BANK}{{/if}}`;

function itemsTable(l: Labels, withDaysOverdue: boolean): string {
  const heads = [`<th style="${HEAD}${LEFT}">${l.invoice}</th>`, `<th style="${HEAD}${LEFT}">${l.dueDate}</th>`];
  const cells = [`<td style="${CELL}">{{number}}{{#if disputed}} <em>(${l.disputed})</em>{{/if}}</td>`, `<td style="${CELL}">{{date dueDate}}</td>`];
  if (withDaysOverdue) {
    heads.push(`<th style="${HEAD}${RIGHT}">${l.daysOverdue}</th>`);
    cells.push(`<td style="${CELL}${RIGHT}">{{daysOverdue}}</td>`);
  }
  heads.push(`<th style="${HEAD}${RIGHT}">${l.open}</th>`);
  cells.push(`<td style="${CELL}${RIGHT}">{{money open}}</td>`);
  return [
    `<table style="border-collapse:collapse;width:100%;margin:0 0 16px">`,
    `<thead><tr>${heads.join("")}</tr></thead>`,
    "<tbody>",
    "{{#each items}}",
    `<tr>${cells.join("")}</tr>`,
    "{{/each}}",
    "</tbody>",
    `<tfoot><tr><td colspan="${heads.length - 1}" style="${CELL};font-weight:bold">${l.total}</td><td style="${CELL}${RIGHT};font-weight:bold">{{money totals.listed}}</td></tr></tfoot>`,
    "</table>",
  ].join("\n");
}

const paymentHtml = (l: Labels): string =>
  [
    "{{#if payLink}}",
    `${PARAGRAPH}<a href="{{payLink}}" style="${BUTTON}">${l.payNow}</a></p>`,
    "{{/if}}",
    `${PARAGRAPH}${l.customer}${l.colon}${CUSTOMER}<br>${l.paymentReference}${l.colon}<strong>{{paymentReference}}</strong>{{#if tenant.bankAccount.iban}}<br>${l.bankDetails}${l.colon}${BANK}{{/if}}</p>`,
  ].join("\n");

function emailTemplate(pack: LanguagePack, key: NoticeKey, tone: Tone): MessageTemplate {
  const notice = pack.notices[key];
  const overdue = !isBeforeDue(tone);
  const text = [
    greetingFor(pack, tone),
    ...notice.paragraphs,
    itemsText(pack.labels, overdue),
    paymentText(pack.labels),
    ...notice.closing,
    `${signOffFor(pack, tone)}\n${SIGNATURE_TEXT}`,
  ].join("\n\n");
  const html = [
    "<!DOCTYPE html>",
    `<html lang="{{language}}">`,
    `<head><meta charset="utf-8"></head>`,
    `<body style="margin:0;padding:24px;background:#ffffff">`,
    `<div style="${FONT};max-width:640px">`,
    `${PARAGRAPH}${greetingFor(pack, tone)}</p>`,
    ...notice.paragraphs.map((p) => `${PARAGRAPH}${p}</p>`),
    itemsTable(pack.labels, overdue),
    paymentHtml(pack.labels),
    ...notice.closing.map((p) => `${PARAGRAPH}${p}</p>`),
    `${PARAGRAPH}${signOffFor(pack, tone)}<br>${SIGNATURE_HTML}</p>`,
    `<p style="${FOOTER}">{{tenant.name}}{{#each tenant.address}} · {{this}}{{/each}}{{#if tenant.email}} · {{tenant.email}}{{/if}}{{#if tenant.phone}} · {{tenant.phone}}{{/if}}</p>`,
    "</div>",
    "</body>",
    "</html>",
  ].join("\n");
  return { key, language: pack.language, channel: "email", subject: notice.subject, text, html };
}

/**
 * Letter bodies hold no {{#each}}: the letter renderer lays out the paragraphs and draws the items
 * table itself from context.items, so the wording refers to "the invoices listed in this notice".
 */
function letterTemplate(pack: LanguagePack, key: NoticeKey, tone: Tone): MessageTemplate {
  const notice = pack.notices[key];
  const text = [greetingFor(pack, tone), ...notice.paragraphs, paymentText(pack.labels), ...notice.closing, `${signOffFor(pack, tone)}\n${SIGNATURE_TEXT}`].join("\n\n");
  return { key, language: pack.language, channel: "letter", subject: notice.subject, text };
}

function taskTemplate(pack: LanguagePack, key: TaskKey): MessageTemplate {
  const task = pack.tasks[key];
  const text = [task.intro, itemsText(pack.labels, true), task.points.map((point) => `- ${point}`).join("\n")].join("\n\n");
  return { key, language: pack.language, channel: "task", subject: task.subject, text };
}

export function languageTemplates(pack: LanguagePack): MessageTemplate[] {
  const notices = TONE_LADDER.flatMap(({ key, tone, channels }) =>
    channels.map((channel) => (channel === "email" ? emailTemplate(pack, key, tone) : letterTemplate(pack, key, tone))),
  );
  return [
    ...notices,
    { key: SMS_KEY, language: pack.language, channel: "sms", text: pack.sms },
    ...TASK_KEYS.map((key) => taskTemplate(pack, key)),
  ];
}
