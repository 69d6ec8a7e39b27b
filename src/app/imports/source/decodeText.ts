import { fail } from "../../../domain/errors.js";

const BOM = "\uFEFF";
// fatal: a file in Latin-1 or Windows-1252 is reported, not silently turned into replacement characters
const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

/** The file as text: UTF-8 with or without a byte-order mark (the decoder drops the mark). */
export function decodeText(content: Buffer | string): string {
  if (typeof content === "string") return content.startsWith(BOM) ? content.slice(1) : content;
  try {
    return utf8.decode(content);
  } catch {
    return fail("MALFORMED_FILE", "the file is not valid UTF-8; save it as UTF-8 (with or without BOM)", { line: 1 });
  }
}

/** Size in bytes, as the limit counts it, without copying the content. */
export const byteLength = (content: Buffer | string): number => (typeof content === "string" ? Buffer.byteLength(content, "utf8") : content.byteLength);
