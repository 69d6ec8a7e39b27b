import { renderBusinessDocument, type BusinessDocument, type Party } from "../pdf/businessDocument.js";
import type { PdfOptions } from "../pdf/pdfDocument.js";
import type { TableContent } from "../pdf/table.js";

/** A dunning letter as the template step produced it: every string already in the reader's language. */
export interface LetterContent {
  sender: Party;
  /** Name, then street, postal code and city, country: the lines that show through the envelope window. */
  recipient: Party;
  /** Already formatted for the locale, e.g. "12. März 2025" or "March 12, 2025". */
  date: string;
  place?: string;
  subject: string;
  paragraphs: string[];
  /** The open items, e.g. header ["Invoice", "Due", "Days overdue", "Open"] with totals per currency. */
  items?: TableContent;
  /** Paragraphs after the items table ("If you have paid in the meantime, …"). */
  afterItems?: string[];
  /** "Kind regards\nAcme GmbH, Accounts Receivable"; "\n" breaks lines. */
  closing?: string;
  footer?: string[];
  /** A line for the information block, printed as given (e.g. "Customer no. 10023 · Ref. RF18 5390 0754 7034"). */
  reference?: string;
}

/** The letter as a document of the shared layout: subject, paragraphs, items, closing. */
export function letterDocument(letter: LetterContent): BusinessDocument {
  return {
    sender: letter.sender,
    recipient: letter.recipient,
    date: letter.date,
    place: letter.place,
    infoLines: letter.reference === undefined ? [] : [letter.reference],
    blocks: [
      { kind: "heading", text: letter.subject },
      ...letter.paragraphs.map((text) => ({ kind: "paragraph" as const, text })),
      ...(letter.items ? [{ kind: "table" as const, table: letter.items }] : []),
      ...(letter.afterItems ?? []).map((text) => ({ kind: "paragraph" as const, text })),
      ...(letter.closing === undefined ? [] : [{ kind: "paragraph" as const, text: letter.closing }]),
    ],
    footer: letter.footer,
  };
}

/** One letter as a PDF: A4 laid out for DIN 5008 form B window envelopes, US Letter for #10 window envelopes. */
export function renderLetterPdf(letter: LetterContent, options: PdfOptions): Promise<Buffer> {
  return renderBusinessDocument(letterDocument(letter), { ...options, title: letter.subject });
}
