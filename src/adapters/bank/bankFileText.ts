import { refuse } from "./bankValues.js";

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

/** Refuses files over the limit before decoding anything, so an oversized upload costs no parsing. */
export function checkSize(content: Uint8Array | string, maxBytes: number): void {
  // a string has at least as many UTF-8 bytes as UTF-16 units: the cheap test first
  const tooLarge = typeof content === "string" ? content.length > maxBytes || Buffer.byteLength(content, "utf8") > maxBytes : content.byteLength > maxBytes;
  if (tooLarge) refuse("FILE_TOO_LARGE", `the bank file is larger than the limit of ${maxBytes} bytes`, {});
}

const utf8 = new TextDecoder("utf-8", { fatal: true });
const windows1252 = new TextDecoder("windows-1252");

/**
 * The file as text. UTF-8 (with or without BOM) first; XML that declares another encoding is decoded as
 * declared; anything else that is not valid UTF-8 is read as Windows-1252, the encoding German and
 * Dutch banks still use for MT940 and CSV exports (every byte is defined there, so nothing is lost).
 */
export function decodeBankFile(content: Uint8Array | string): string {
  if (typeof content === "string") return content.replace(/^\uFEFF/, "");
  const head = new TextDecoder("latin1").decode(content.subarray(0, 200));
  const declared = /^(?:\uFEFF|\xEF\xBB\xBF)?\s*<\?xml[^>]*encoding=["']([A-Za-z0-9_-]+)["']/.exec(head)?.[1]?.toLowerCase();
  if (declared && declared !== "utf-8" && declared !== "utf8") {
    try {
      return new TextDecoder(declared).decode(content).replace(/^\uFEFF/, "");
    } catch {
      refuse("MALFORMED_BANK_FILE", `the XML declares the encoding "${declared}", which Dunwell cannot read`, { line: 1 });
    }
  }
  try {
    return utf8.decode(content).replace(/^\uFEFF/, "");
  } catch {
    if (declared) refuse("MALFORMED_BANK_FILE", "the XML declares UTF-8 but is not valid UTF-8", { line: 1 });
    return windows1252.decode(content);
  }
}

/** Maps character offsets to 1-based line numbers (CRLF, LF or CR line ends). */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) this.starts.push(i + 1);
    }
  }

  lineAt(offset: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  }
}

/** Physical lines with their 1-based numbers; the line ends are dropped. */
export const splitLines = (text: string): string[] => text.split(/\r\n|\n|\r/);
