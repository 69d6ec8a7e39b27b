import PDFDocument from "pdfkit";
import type { Paper } from "./paperLayouts.js";
import { toWinAnsi } from "./winAnsiText.js";

export type Pdf = PDFKit.PDFDocument;

export interface PdfOptions {
  paper: Paper;
}

/** A document with no page yet; pages stay buffered so page numbers ("2/3") can be written at the end. */
export function openPdf(options: PdfOptions & { title: string; author?: string }): Pdf {
  return new PDFDocument({
    autoFirstPage: false,
    bufferPages: true,
    // metadata strings are written as UTF-16, so they need no mapping to WinAnsi
    info: { Title: options.title, ...(options.author === undefined ? {} : { Author: options.author }) },
  });
}

/** Ends the document and returns the whole file. */
export function pdfBuffer(doc: Pdf): Promise<Buffer> {
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  doc.end();
  return done;
}

/** The type sizes of all Dunwell documents: standard fonts only, so no font file ships or embeds. */
export const TYPE = {
  body: { font: "Helvetica", size: 10 },
  heading: { font: "Helvetica-Bold", size: 11 },
  cell: { font: "Helvetica", size: 9 },
  cellBold: { font: "Helvetica-Bold", size: 9 },
  info: { font: "Helvetica", size: 9 },
  senderName: { font: "Helvetica-Bold", size: 13 },
  small: { font: "Helvetica", size: 7.5 },
} as const;
export type TypeStyle = (typeof TYPE)[keyof typeof TYPE];

export function useType(doc: Pdf, style: TypeStyle, size: number = style.size): Pdf {
  return doc.font(style.font).fontSize(size);
}

// Every string reaches pdfkit through these, mapped to what the standard fonts can show.

export const widthOf = (doc: Pdf, text: string): number => doc.widthOfString(toWinAnsi(text));

export const heightOf = (doc: Pdf, text: string, width: number, lineGap = 0): number => doc.heightOfString(toWinAnsi(text), { width, lineGap });

/** Wrapped text in a column; pdfkit continues it on a new page when it reaches the bottom margin. */
export function writeText(doc: Pdf, text: string, x: number, y: number, width: number, options: { align?: "left" | "right"; lineGap?: number } = {}): void {
  doc.text(toWinAnsi(text), x, y, { width, align: options.align ?? "left", lineGap: options.lineGap ?? 0 });
}

/**
 * One line that never wraps or breaks the page (margin notes, footers, page numbers), cut with "…"
 * when it is wider than `width`, aligned within [x, x + width].
 */
export function writeLine(doc: Pdf, text: string, x: number, y: number, width: number, align: "left" | "center" | "right" = "left"): void {
  let line = toWinAnsi(text);
  if (doc.widthOfString(line) > width) {
    while (line.length > 0 && doc.widthOfString(`${line}…`) > width) line = line.slice(0, -1);
    line = `${line.trimEnd()}…`;
  }
  const free = width - doc.widthOfString(line);
  const offset = align === "right" ? free : align === "center" ? free / 2 : 0;
  doc.text(line, x + offset, y, { lineBreak: false });
}

/** The vertical limit for content on the current page. */
export const pageBottom = (doc: Pdf): number => doc.page.height - doc.page.margins.bottom;

/** A new page of the same size and margins, with doc.y at its top margin. */
export function continueOnNewPage(doc: Pdf): void {
  doc.addPage({ size: [doc.page.width, doc.page.height], margins: doc.page.margins });
}

/** Continues on a new page when `height` does not fit below doc.y. */
export function ensureRoom(doc: Pdf, height: number): void {
  if (doc.y + height > pageBottom(doc)) continueOnNewPage(doc);
}
