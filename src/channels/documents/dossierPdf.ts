import { renderBusinessDocument, type DocumentBlock, type Party } from "../pdf/businessDocument.js";
import type { PdfOptions } from "../pdf/pdfDocument.js";
import type { TableContent } from "../pdf/table.js";

/**
 * A case file handed to a collection agency or lawyer, mapped from the case by the caller: every
 * string pre-formatted. It opens with the cover (creditor as letterhead, debtor in the address
 * field, the case's facts and the claim per currency) in the shared business-document layout; the
 * sections follow, each a heading with paragraphs or a table, over as many pages as they need, the
 * pages numbered "2/7" and each carrying the footer.
 */
export interface DossierContent {
  /** e.g. "Hand-off case file"; also the PDF's title. */
  title: string;
  creditor: Party;
  debtor: Party;
  date: string;
  /** Information block beside the debtor's address: customer number, "as of" date, hand-off date. */
  infoLines: string[];
  /** Label and value pairs of the cover: creditor, debtor, hand-off. */
  facts: [label: string, value: string][];
  /** The amount claimed per currency. */
  claimed: TableContent;
  sections: DossierSection[];
  /** Small lines at the bottom of every page, e.g. which case and day the page belongs to. */
  footer?: string[];
}

export interface DossierSection {
  heading: string;
  /** Before the table: an explanation, or "None." when the section is empty. */
  paragraphs?: string[];
  table?: TableContent;
}

export function renderDossierPdf(dossier: DossierContent, options: PdfOptions): Promise<Buffer> {
  const paragraph = (text: string): DocumentBlock => ({ kind: "paragraph", text });
  const blocks: DocumentBlock[] = [
    { kind: "heading", text: dossier.title },
    { kind: "table", fit: "natural", table: { rows: dossier.facts } },
    { kind: "table", table: dossier.claimed },
    ...dossier.sections.flatMap((section): DocumentBlock[] => [
      { kind: "heading", text: section.heading },
      ...(section.paragraphs ?? []).map(paragraph),
      ...(section.table ? [{ kind: "table" as const, table: section.table }] : []),
    ]),
  ];
  return renderBusinessDocument(
    { sender: dossier.creditor, recipient: dossier.debtor, date: dossier.date, infoLines: dossier.infoLines, blocks, footer: dossier.footer },
    { ...options, title: dossier.title },
  );
}
