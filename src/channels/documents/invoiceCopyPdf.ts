import { renderBusinessDocument, type DocumentBlock, type Party } from "../pdf/businessDocument.js";
import type { PdfOptions } from "../pdf/pdfDocument.js";
import type { TableContent } from "../pdf/table.js";

/** A fact of the invoice with its label in the reader's language, both pre-formatted. */
export interface Labelled {
  label: string;
  value: string;
}

/** A copy of an invoice for an email attachment or the portal, mapped from the ledger by the caller. */
export interface InvoiceCopyContent {
  sender: Party;
  recipient: Party;
  date: string;
  place?: string;
  /** e.g. "Copy of invoice 2025-0042" */
  title: string;
  number: Labelled;
  issueDate: Labelled;
  dueDate: Labelled;
  customer: Labelled;
  terms: Labelled;
  paymentReference: Labelled;
  /** The amounts block, in this order: net (when known), tax, invoice amount, then the open amount in bold. */
  net?: Labelled;
  tax: Labelled;
  amount: Labelled;
  open: Labelled;
  /** The invoice lines, when the ledger has them. */
  lines?: TableContent;
  /** Paragraphs after the amounts, e.g. payment instructions with IBAN and reference. */
  notes?: string[];
  footer?: string[];
}

const pairs = (facts: (Labelled | undefined)[]): string[][] => facts.flatMap((fact) => (fact ? [[fact.label, fact.value]] : []));

export function renderInvoiceCopyPdf(invoice: InvoiceCopyContent, options: PdfOptions): Promise<Buffer> {
  const blocks: DocumentBlock[] = [
    { kind: "heading", text: invoice.title },
    {
      kind: "table",
      fit: "natural",
      table: { rows: pairs([invoice.number, invoice.issueDate, invoice.dueDate, invoice.customer, invoice.terms, invoice.paymentReference]) },
    },
    ...(invoice.lines ? [{ kind: "table" as const, table: invoice.lines }] : []),
    {
      kind: "table",
      fit: "natural",
      table: { rows: pairs([invoice.net, invoice.tax, invoice.amount]), totals: pairs([invoice.open]), align: ["left", "right"] },
    },
    ...(invoice.notes ?? []).map((text) => ({ kind: "paragraph" as const, text })),
  ];
  const { sender, recipient, date, place, footer } = invoice;
  return renderBusinessDocument({ sender, recipient, date, place, blocks, footer }, { ...options, title: invoice.title });
}
