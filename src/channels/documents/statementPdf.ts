import { renderBusinessDocument, type Party } from "../pdf/businessDocument.js";
import type { PdfOptions } from "../pdf/pdfDocument.js";
import type { TableContent } from "../pdf/table.js";

/** A statement of account: the customer's open items on a day, mapped from the ledger by the caller. */
export interface StatementContent {
  sender: Party;
  recipient: Party;
  date: string;
  place?: string;
  /** e.g. "Statement of account" */
  title: string;
  /** e.g. "As of 31 March 2025"; printed in the information block. */
  asOf: string;
  /** Further information lines, e.g. "Customer no. 10023". */
  references?: string[];
  intro?: string[];
  /** Open items with their totals per currency; continues over pages with its header repeated. */
  items: TableContent;
  /** Paragraphs after the table, e.g. how to pay. */
  notes?: string[];
  footer?: string[];
}

export function renderStatementPdf(statement: StatementContent, options: PdfOptions): Promise<Buffer> {
  const paragraph = (text: string) => ({ kind: "paragraph" as const, text });
  return renderBusinessDocument(
    {
      sender: statement.sender,
      recipient: statement.recipient,
      date: statement.date,
      place: statement.place,
      infoLines: [statement.asOf, ...(statement.references ?? [])],
      blocks: [
        { kind: "heading", text: statement.title },
        ...(statement.intro ?? []).map(paragraph),
        { kind: "table", table: statement.items },
        ...(statement.notes ?? []).map(paragraph),
      ],
      footer: statement.footer,
    },
    { ...options, title: statement.title },
  );
}
