import { inflateSync } from "node:zlib";

// WinAnsi codes 0x80–0x9F that differ from Latin-1 (the rest of WinAnsi is Latin-1).
const WIN_ANSI_HIGH: Record<number, string> = { 0x80: "€", 0x84: "„", 0x85: "…", 0x91: "‘", 0x92: "’", 0x93: "“", 0x94: "”", 0x96: "–", 0x97: "—", 0x8a: "Š", 0x9a: "š", 0x8c: "Œ", 0x9c: "œ" };

const decodeHex = (hex: string): string =>
  (hex.match(/../g) ?? [])
    .map((pair) => {
      const code = parseInt(pair, 16);
      return WIN_ANSI_HIGH[code] ?? String.fromCharCode(code);
    })
    .join("");

/** A line of text as drawn: its text, left edge and baseline in points from the page's top-left corner. */
export interface TextRun {
  text: string;
  x: number;
  y: number;
}

export interface PdfPage {
  width: number;
  height: number;
  runs: TextRun[];
  /** All runs' text, one per line, for substring checks. */
  text: string;
}

/**
 * The pages of a pdfkit PDF in order, read from the real (compressed) file: page tree → content stream
 * → inflated → each `Tm` position and the TJ/Tj operand after it, decoded from WinAnsi.
 */
export function readPdf(pdf: Buffer): PdfPage[] {
  const file = pdf.toString("latin1");
  const object = (id: string) => {
    const start = file.indexOf(`\n${id} 0 obj`);
    if (start < 0) throw new Error(`object ${id} missing`);
    return file.slice(start, file.indexOf("endobj", start));
  };
  const pagesRef = /\/Pages (\d+) 0 R/.exec(file)![1]!;
  const kids = [.../\/Kids \[([^\]]*)\]/.exec(object(pagesRef))![1]!.matchAll(/(\d+) 0 R/g)].map((m) => m[1]!);
  return kids.map((kid) => {
    const page = object(kid);
    const [, , width, height] = /\/MediaBox \[([^\]]*)\]/.exec(page)![1]!.trim().split(/\s+/).map(Number) as [number, number, number, number];
    const contents = object(/\/Contents (\d+) 0 R/.exec(page)![1]!);
    const raw = contents.slice(contents.indexOf("stream\n") + 7, contents.lastIndexOf("\nendstream"));
    const stream = contents.includes("/FlateDecode") ? inflateSync(Buffer.from(raw, "latin1")).toString("latin1") : raw;
    const runs = [...stream.matchAll(/1 0 0 1 ([-\d.]+) ([-\d.]+) Tm\s+(?:\/F\d+ [\d.]+ Tf\s+)?(?:\[((?:<[0-9a-f]*>|[-\d.\s])*)\] TJ|<([0-9a-f]*)> Tj)/gi)].map((m) => ({
      text: m[3] !== undefined ? [...m[3].matchAll(/<([0-9a-f]*)>/gi)].map((h) => decodeHex(h[1]!)).join("") : decodeHex(m[4]!),
      x: Number(m[1]),
      y: height - Number(m[2]),
    }));
    return { width, height, runs, text: runs.map((r) => r.text).join("\n") };
  });
}
