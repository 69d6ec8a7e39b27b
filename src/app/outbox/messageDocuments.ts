import { renderInvoiceCopyPdf, type InvoiceCopyContent } from "../../channels/documents/invoiceCopyPdf.js";
import { renderStatementPdf } from "../../channels/documents/statementPdf.js";
import type { EmailAttachment } from "../../channels/email/outgoingEmail.js";
import type { LetterContent } from "../../channels/letters/letterPdf.js";
import type { Party } from "../../channels/pdf/businessDocument.js";
import type { TableContent } from "../../channels/pdf/table.js";
import { daysBetween, isoDate } from "../../domain/dates/plainDate.js";
import { formatDateFor, formatMoneyFor, type RenderedMessage } from "../../domain/templates/index.js";
import type { OpenItemRow, ReminderFactsRow } from "../../store/outboxMessages.js";
import type { TenantChannels } from "../settings/tenantChannels.js";
import { moneyView } from "../views/money.js";
import { documentWording, type DocumentWording } from "./documentWording.js";
import type { ReminderContent } from "./messageContext.js";

/** Invoice copies per email at most: a reminder about 40 invoices attaches the statement instead. */
const MAX_INVOICE_COPIES = 10;

/** What every document of one reminder shares: parties, date, words and number formats of its language. */
interface DocumentFrame {
  sender: Party;
  recipient: Party;
  date: string;
  footer: string[];
  words: DocumentWording;
  money: (minor: bigint) => string;
  day: (iso: string) => string;
  paper: "A4" | "LETTER";
}

function documentFrame(facts: ReminderFactsRow, tenant: TenantChannels, content: ReminderContent): DocumentFrame {
  const language = content.context.language;
  const words = documentWording(language);
  const bank = tenant.settings.bank;
  const bankLine = bank ? `${words.bankDetails}: ${[bank.holder, `IBAN ${bank.iban}`, bank.bic && `BIC ${bank.bic}`].filter(Boolean).join(", ")}` : undefined;
  return {
    sender: { name: tenant.name, addressLines: tenant.settings.senderAddress },
    recipient: { name: facts.customer_name, addressLines: facts.address_lines },
    date: formatDateFor(language, facts.run_date, "long"),
    footer: [[tenant.name, ...tenant.settings.senderAddress].join(" · "), ...(bankLine ? [bankLine] : [])],
    words,
    money: (minor) => formatMoneyFor(language, moneyView(minor, facts.currency)),
    day: (iso) => formatDateFor(language, iso, "medium"),
    paper: tenant.settings.letterPaper,
  };
}

/** Open items with their due dates, days overdue and open amounts, totalled. */
function itemsTable(frame: DocumentFrame, items: readonly OpenItemRow[], runDate: string): TableContent {
  const w = frame.words;
  const daysOverdue = (item: OpenItemRow) => Math.max(0, daysBetween(isoDate(item.due_date), isoDate(runDate)));
  const total = items.reduce((sum, item) => sum + item.open, 0n);
  return {
    header: [w.invoice, w.issueDate, w.dueDate, w.daysOverdue, w.amount, w.openAmount],
    rows: items.map((item) => [item.number, frame.day(item.issue_date), frame.day(item.due_date), String(daysOverdue(item)), frame.money(item.amount), frame.money(item.open)]),
    totals: [[`${w.total} (${frame.day(runDate)})`, "", "", "", "", frame.money(total)]],
    align: ["left", "left", "left", "right", "right", "right"],
  };
}

/** A file name a mail client shows as is: letters, digits, dots, dashes. */
const fileName = (stem: string, id: string): string => `${stem}-${id.replace(/[^A-Za-z0-9._-]+/g, "_")}.pdf`;

/** The PDFs an email step asks for: a copy of each listed invoice, and/or a statement of the account. */
export async function emailAttachments(facts: ReminderFactsRow, tenant: TenantChannels, content: ReminderContent, wants: { invoiceCopies: boolean; statement: boolean }): Promise<EmailAttachment[]> {
  const frame = documentFrame(facts, tenant, content);
  const w = frame.words;
  const pdf = { paper: frame.paper };
  const attachments: EmailAttachment[] = [];
  if (wants.invoiceCopies) {
    for (const item of content.listed.slice(0, MAX_INVOICE_COPIES)) {
      const tax = item.tax_amount;
      const copy: InvoiceCopyContent = {
        sender: frame.sender,
        recipient: frame.recipient,
        date: frame.date,
        title: `${w.copyOfInvoice} ${item.number}`,
        number: { label: w.invoiceNumber, value: item.number },
        issueDate: { label: w.issueDate, value: frame.day(item.issue_date) },
        dueDate: { label: w.dueDate, value: frame.day(item.due_date) },
        customer: { label: w.customer, value: `${facts.customer_name} (${facts.customer_number})` },
        terms: { label: w.terms, value: item.terms ?? "" },
        paymentReference: { label: w.paymentReference, value: item.number },
        ...(tax > 0n && { net: { label: w.net, value: frame.money(item.amount - tax) } }),
        tax: { label: w.tax, value: frame.money(tax) },
        amount: { label: w.invoiceAmount, value: frame.money(item.amount) },
        open: { label: w.openAmount, value: frame.money(item.open) },
        footer: frame.footer,
      };
      attachments.push({ filename: fileName(w.invoiceFile, item.number), content: await renderInvoiceCopyPdf(copy, pdf), contentType: "application/pdf" });
    }
  }
  if (wants.statement) {
    const statement = await renderStatementPdf(
      {
        sender: frame.sender,
        recipient: frame.recipient,
        date: frame.date,
        title: w.statement,
        asOf: `${w.asOf} ${frame.date}`,
        references: [`${w.customer}: ${facts.customer_number}`],
        items: itemsTable(frame, content.account, facts.run_date),
        footer: frame.footer,
      },
      pdf,
    );
    attachments.push({ filename: fileName(w.statementFile, `${facts.customer_number}-${facts.run_date}`), content: statement, contentType: "application/pdf" });
  }
  return attachments;
}

/**
 * A letter from a rendered letter template: its blocks (separated by blank lines) are the paragraphs,
 * the items table follows them, and the last block (sign-off and signature) closes the letter.
 */
export function letterContent(facts: ReminderFactsRow, tenant: TenantChannels, content: ReminderContent, rendered: RenderedMessage): LetterContent {
  const frame = documentFrame(facts, tenant, content);
  const blocks = rendered.text.split(/\n[ \t]*\n/).map((block) => block.trim()).filter((block) => block !== "");
  const closing = blocks.length > 1 ? blocks.pop() : undefined;
  return {
    sender: frame.sender,
    recipient: frame.recipient,
    date: frame.date,
    subject: rendered.subject,
    paragraphs: blocks,
    items: itemsTable(frame, content.listed, facts.run_date),
    ...(closing !== undefined && { closing }),
    reference: `${frame.words.customer}: ${facts.customer_number}`,
    footer: frame.footer,
  };
}
