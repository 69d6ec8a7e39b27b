import { TYPE, continueOnNewPage, heightOf, pageBottom, useType, widthOf, writeText, type Pdf, type TypeStyle } from "./pdfDocument.js";

export type ColumnAlign = "left" | "right";

/** A table of pre-formatted strings (amounts and dates already in the reader's locale). */
export interface TableContent {
  /** Column titles, repeated at the top of every page the table continues on. */
  header?: string[];
  rows: string[][];
  /** Bold rows below a rule, e.g. the open total per currency. */
  totals?: string[][];
  /** Per column; default left. Right-align amounts so their decimal marks line up. */
  align?: ColumnAlign[];
}

/** "full" spans the text width (the extra space goes to the widest left-aligned column); "natural" is as wide as the content. */
export type TableFit = "full" | "natural";

const PAD_X = 4;
// pdfkit wraps a line that is exactly as wide as its column; a point of slack keeps measured cells on one line
const SLACK = 1;
const PAD_Y = 2.5;
const MIN_WRAPPED_WIDTH = 60;
const ZEBRA = "#f1f3f5";
const RULE = "#444444";

interface Geometry {
  xs: number[];
  widths: number[];
  align: ColumnAlign[];
}

/** Draws the table at doc.y across as many pages as it needs and leaves doc.y below it. */
export function drawTable(doc: Pdf, table: TableContent, fit: TableFit = "full"): void {
  const left = doc.page.margins.left;
  const geometry = columnGeometry(doc, table, left, doc.page.width - left - doc.page.margins.right, fit);
  const header = table.header;
  const headerHeight = header ? rowHeight(doc, header, geometry, TYPE.cellBold) : 0;
  let y = doc.y;

  const startPage = (onCurrentPage: boolean) => {
    if (!onCurrentPage) {
      continueOnNewPage(doc);
      y = doc.y;
    }
    if (!header) return;
    drawRow(doc, header, geometry, y, TYPE.cellBold);
    y += headerHeight;
    rule(doc, geometry, y, 0.75);
  };
  const fits = (height: number) => y + height <= pageBottom(doc);

  const firstRow = table.rows[0] ?? table.totals?.[0];
  startPage(!firstRow || fits(headerHeight + rowHeight(doc, firstRow, geometry, TYPE.cell)));
  table.rows.forEach((row, index) => {
    const height = rowHeight(doc, row, geometry, TYPE.cell);
    if (!fits(height)) startPage(false);
    if (index % 2 === 1) doc.rect(left, y, sum(geometry.widths), height).fill(ZEBRA).fillColor("black");
    drawRow(doc, row, geometry, y, TYPE.cell);
    y += height;
  });
  (table.totals ?? []).forEach((row, index) => {
    const height = rowHeight(doc, row, geometry, TYPE.cellBold);
    if (!fits(height)) startPage(false);
    if (index === 0) rule(doc, geometry, y, 0.75);
    drawRow(doc, row, geometry, y, TYPE.cellBold);
    y += height;
  });
  doc.x = left;
  doc.y = y;
}

function columnGeometry(doc: Pdf, table: TableContent, left: number, available: number, fit: TableFit): Geometry {
  const count = [table.header ?? [], ...table.rows, ...(table.totals ?? [])].reduce((most, row) => Math.max(most, row.length), 0);
  const align = Array.from({ length: count }, (_, i) => table.align?.[i] ?? "left");
  const natural = new Array<number>(count).fill(0);
  const measure = (rows: string[][], style: TypeStyle) => {
    useType(doc, style);
    for (const row of rows) row.forEach((cell, i) => (natural[i] = Math.max(natural[i]!, widthOf(doc, cell) + 2 * PAD_X + SLACK)));
  };
  measure(table.header ? [table.header] : [], TYPE.cellBold);
  measure(table.rows, TYPE.cell);
  measure(table.totals ?? [], TYPE.cellBold);

  const widths = [...natural];
  const wrappable = align.flatMap((a, i) => (a === "left" ? [i] : []));
  const total = sum(natural);
  if (total > available) {
    // Left-aligned text wraps; amounts and dates keep their width unless even that is too wide.
    const cap = wrapCap(wrappable.map((i) => natural[i]!), available - (total - sum(wrappable.map((i) => natural[i]!))));
    if (cap >= MIN_WRAPPED_WIDTH) {
      for (const i of wrappable) widths[i] = Math.min(natural[i]!, cap);
    } else {
      for (let i = 0; i < count; i++) widths[i] = (natural[i]! / total) * available;
    }
  } else if (fit === "full" && count > 0) {
    const candidates = wrappable.length > 0 ? wrappable : [count - 1];
    const widest = candidates.reduce((best, i) => (natural[i]! > natural[best]! ? i : best), candidates[0]!);
    widths[widest] = natural[widest]! + available - total;
  }
  const xs = widths.map((_, i) => left + sum(widths.slice(0, i)));
  return { xs, widths, align };
}

/**
 * The width limit for wrapping columns that makes them share `room`: narrow columns (a position number)
 * keep their width, the widest ones (descriptions) give up what is missing. 0 when nothing fits.
 */
function wrapCap(widths: number[], room: number): number {
  let remaining = room;
  let left = widths.length;
  for (const width of [...widths].sort((a, b) => a - b)) {
    if (width * left > remaining) return Math.max(0, remaining / left);
    remaining -= width;
    left--;
  }
  return Infinity;
}

function rowHeight(doc: Pdf, row: string[], geometry: Geometry, style: TypeStyle): number {
  useType(doc, style);
  const tallest = Math.max(doc.currentLineHeight(), ...row.map((cell, i) => heightOf(doc, cell, geometry.widths[i]! - 2 * PAD_X)));
  return tallest + 2 * PAD_Y;
}

function drawRow(doc: Pdf, row: string[], geometry: Geometry, y: number, style: TypeStyle): void {
  useType(doc, style);
  row.forEach((cell, i) => writeText(doc, cell, geometry.xs[i]! + PAD_X, y + PAD_Y, geometry.widths[i]! - 2 * PAD_X, { align: geometry.align[i] }));
}

function rule(doc: Pdf, geometry: Geometry, y: number, width: number): void {
  const left = geometry.xs[0] ?? doc.page.margins.left;
  doc.moveTo(left, y).lineTo(left + sum(geometry.widths), y).lineWidth(width).strokeColor(RULE).stroke();
}

const sum = (values: number[]): number => values.reduce((a, b) => a + b, 0);
