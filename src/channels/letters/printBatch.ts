import { drawBusinessDocument, type PageRange } from "../pdf/businessDocument.js";
import { PAPER_LAYOUTS } from "../pdf/paperLayouts.js";
import { openPdf, pdfBuffer, type PdfOptions } from "../pdf/pdfDocument.js";
import { letterDocument, type LetterContent } from "./letterPdf.js";

export interface PrintBatch {
  pdf: Buffer;
  /** Where each letter sits in the batch, in input order, for the print shop's job sheet. */
  letters: PageRange[];
}

/**
 * The day's letters as one PDF for the print shop, each starting on a new page. With `duplex`, a letter
 * with an odd page count is followed by a blank page, so the next one starts on the front of a new sheet.
 */
export async function renderPrintBatch(letters: { content: LetterContent }[], options: PdfOptions & { duplex: boolean }): Promise<PrintBatch> {
  const doc = openPdf({ ...options, title: "Print batch" });
  const layout = PAPER_LAYOUTS[options.paper];
  const ranges = letters.map(({ content }, index) => {
    const range = drawBusinessDocument(doc, layout, letterDocument(content));
    if (options.duplex && range.pageCount % 2 === 1 && index < letters.length - 1) doc.addPage({ size: layout.size });
    return range;
  });
  return { pdf: await pdfBuffer(doc), letters: ranges };
}
