import { PAPER_LAYOUTS, type PaperLayout } from "./paperLayouts.js";
import { TYPE, ensureRoom, heightOf, openPdf, pdfBuffer, useType, writeLine, writeText, type Pdf, type PdfOptions } from "./pdfDocument.js";
import { drawTable, type TableContent, type TableFit } from "./table.js";

/** A sender or recipient as printed: name, then street, postal code and city, country. */
export interface Party {
  name: string;
  addressLines: string[];
}

/**
 * The shape shared by letters, invoice copies and statements: a first page laid out for a window
 * envelope, then blocks of content flowing over as many pages as needed. Every string is pre-formatted
 * in the reader's language (labels, dates, amounts); this module only places them.
 */
export interface BusinessDocument {
  sender: Party;
  recipient: Party;
  /** Printed as "place, date" at the top of the information block. */
  date: string;
  place?: string;
  /** Further lines of the information block: references, customer number, "as of" date. */
  infoLines?: string[];
  blocks: DocumentBlock[];
  /** Small centred lines at the bottom of every page (registered office, bank account, tax id). */
  footer?: string[];
}

export type DocumentBlock =
  | { kind: "heading"; text: string }
  /** Kept on one page when it fits on one; "\n" breaks lines. */
  | { kind: "paragraph"; text: string }
  | { kind: "table"; table: TableContent; fit?: TableFit };

/** Where one document sits in a PDF: first page (1-based) and number of pages. */
export interface PageRange {
  firstPage: number;
  pageCount: number;
}

const BODY_LINE_GAP = 2;
/** Line pitch of small type: letterhead address, footer. */
const SMALL_LINE = 9;
const RETURN_LINE_SIZE = 6.5;
const MM = 72 / 25.4;

/** Renders one document into its own PDF. */
export function renderBusinessDocument(document: BusinessDocument, options: PdfOptions & { title: string }): Promise<Buffer> {
  const doc = openPdf({ ...options, author: document.sender.name });
  drawBusinessDocument(doc, PAPER_LAYOUTS[options.paper], document);
  return pdfBuffer(doc);
}

/** Draws the document starting on a new page of `doc`, numbering its pages "1/3" when it has several. */
export function drawBusinessDocument(doc: Pdf, layout: PaperLayout, document: BusinessDocument): PageRange {
  const footer = document.footer ?? [];
  // Room for the footer lines and the page number above them; text flows to a new page before it.
  const bottom = layout.margins.bottom + (footer.length + 1) * SMALL_LINE + 4 * MM;
  doc.addPage({ size: layout.size, margins: { ...layout.margins, bottom } });
  const firstPage = pagesSoFar(doc) - 1;

  drawFoldMarks(doc, layout);
  drawLetterhead(doc, layout, document.sender);
  drawAddressField(doc, layout, document);
  drawInfoBlock(doc, layout, document);
  doc.x = layout.margins.left;
  doc.y = layout.firstBodyTop;
  for (const block of document.blocks) drawBlock(doc, block);

  const pageCount = pagesSoFar(doc) - firstPage;
  for (let page = 0; page < pageCount; page++) {
    doc.switchToPage(firstPage + page);
    drawFooter(doc, layout, footer, pageCount > 1 ? `${page + 1}/${pageCount}` : undefined);
  }
  return { firstPage: firstPage + 1, pageCount };
}

function pagesSoFar(doc: Pdf): number {
  const range = doc.bufferedPageRange();
  return range.start + range.count;
}

function drawBlock(doc: Pdf, block: DocumentBlock): void {
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const left = doc.page.margins.left;
  switch (block.kind) {
    case "heading": {
      useType(doc, TYPE.heading);
      // never the last line of a page: keep it with about three lines of what follows
      ensureRoom(doc, heightOf(doc, block.text, width) + 3 * (TYPE.body.size + BODY_LINE_GAP) * 1.2);
      writeText(doc, block.text, left, doc.y, width);
      doc.y += TYPE.body.size;
      return;
    }
    case "paragraph": {
      useType(doc, TYPE.body);
      const height = heightOf(doc, block.text, width, BODY_LINE_GAP);
      if (height < doc.page.height / 2) ensureRoom(doc, height);
      writeText(doc, block.text, left, doc.y, width, { lineGap: BODY_LINE_GAP });
      doc.y += TYPE.body.size * 0.8;
      return;
    }
    case "table": {
      drawTable(doc, block.table, block.fit);
      doc.y += TYPE.body.size * 1.2;
      return;
    }
  }
}

function drawFoldMarks(doc: Pdf, layout: PaperLayout): void {
  for (const y of layout.foldMarks) doc.moveTo(4 * MM, y).lineTo(8 * MM, y).lineWidth(0.4).strokeColor("#888888").stroke();
}

function drawLetterhead(doc: Pdf, layout: PaperLayout, sender: Party): void {
  const right = layout.size[0] - layout.margins.right;
  const width = right - layout.infoBlock.left;
  useType(doc, TYPE.senderName);
  writeLine(doc, sender.name, layout.infoBlock.left, layout.letterheadTop, width, "right");
  useType(doc, TYPE.small);
  sender.addressLines.forEach((line, i) => writeLine(doc, line, layout.infoBlock.left, layout.letterheadTop + 18 + i * SMALL_LINE, width, "right"));
}

/** The return address on one small line, then the recipient, sized down when a long address would overflow the window. */
function drawAddressField(doc: Pdf, layout: PaperLayout, document: BusinessDocument): void {
  const field = layout.addressField;
  const returnLine = [document.sender.name, ...document.sender.addressLines].join(" · ");
  const returnTop = field.top + field.returnZone - RETURN_LINE_SIZE - 4;
  useType(doc, TYPE.small, RETURN_LINE_SIZE);
  writeLine(doc, returnLine, field.left, returnTop, field.width);
  const ruleY = returnTop + RETURN_LINE_SIZE + 1.5;
  doc.moveTo(field.left, ruleY).lineTo(field.left + field.width, ruleY).lineWidth(0.3).strokeColor("#444444").stroke();

  const lines = [document.recipient.name, ...document.recipient.addressLines];
  const zone = field.height - field.returnZone - 2;
  const size = Math.max(7, Math.min(TYPE.body.size, zone / (lines.length * 1.2)));
  useType(doc, TYPE.body, size);
  lines.forEach((line, i) => writeLine(doc, line, field.left, field.top + field.returnZone + 2 + i * size * 1.2, field.width));
}

function drawInfoBlock(doc: Pdf, layout: PaperLayout, document: BusinessDocument): void {
  const block = layout.infoBlock;
  const lines = [document.place === undefined ? document.date : `${document.place}, ${document.date}`, ...(document.infoLines ?? [])];
  useType(doc, TYPE.info);
  lines.forEach((line, i) => writeLine(doc, line, block.left, block.top + i * TYPE.info.size * 1.35, block.width));
}

function drawFooter(doc: Pdf, layout: PaperLayout, footer: string[], pageNumber: string | undefined): void {
  const left = layout.margins.left;
  const width = layout.size[0] - left - layout.margins.right;
  const top = layout.size[1] - layout.margins.bottom - footer.length * SMALL_LINE;
  useType(doc, TYPE.small);
  footer.forEach((line, i) => writeLine(doc, line, left, top + i * SMALL_LINE, width, "center"));
  if (pageNumber !== undefined) {
    useType(doc, TYPE.info);
    writeLine(doc, pageNumber, left, top - SMALL_LINE - 4, width, "right");
  }
}
