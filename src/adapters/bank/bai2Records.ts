import { splitLines } from "./bankFileText.js";
import { refuse, shortDate, type FileLocation } from "./bankValues.js";

/** A BAI2 record with its 88 continuations: fields of 01/02/03/49/98/99, or for 16 the head and the text lines. */
export interface Bai2Record {
  code: string;
  line: number;
  /** Physical records it spans (itself and its 88 continuations), for the record counts in the trailers. */
  physical: number;
  /** Fields, "/" end marker removed; for 03 the 88 continuations' fields are appended. */
  fields: string[];
  /** 88 continuation contents, "/" end marker removed; the text lines of a 16 record. */
  continuations: string[];
}

const RECORD_CODES = new Set(["01", "02", "03", "16", "49", "88", "98", "99"]);

// "/" ends a record (but many banks omit it on the last line or on 16 records); trailing blanks are padding
const withoutEndMarker = (content: string): string => content.replace(/\s+$/, "").replace(/\/$/, "").replace(/\s+$/, "");

/** Physical lines grouped into logical records; blank lines are ignored. */
export function bai2Records(text: string): Bai2Record[] {
  const records: Bai2Record[] = [];
  splitLines(text).forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === "") return;
    // "88:" for "88," occurs in the wild (moov-io/bai2 issue 113); nothing else reads it as a field separator
    const match = /^(\d{2})(?:,|(?<=88):)(.*)$/.exec(raw);
    if (!match || !RECORD_CODES.has(match[1]!)) refuse("MALFORMED_BANK_FILE", `"${raw.slice(0, 40)}" is not a BAI2 record (01, 02, 03, 16, 88, 49, 98 or 99)`, { line });
    const content = withoutEndMarker(match[2]!);
    if (match[1] === "88") {
      const previous = records[records.length - 1];
      if (!previous) refuse("MALFORMED_BANK_FILE", "a continuation record (88) before any record", { line, path: "88 record" });
      previous.physical++;
      previous.continuations.push(content);
      if (previous.code !== "16") previous.fields.push(...content.split(","));
      return;
    }
    records.push({ code: match[1]!, line, physical: 1, fields: content.split(","), continuations: [] });
  });
  return records;
}

/** How money becomes available: the funds type and, for value-dated funds (V), the value date. */
export interface Funds {
  type: string;
  valueDate?: string;
}

/**
 * Reads a funds type at `fields[at]` and the fields it brings: none for blank, Z, 0, 1, 2; value date and
 * time for V; three amounts for S (immediate, one-day, two-or-more-day); a count n and n day/amount pairs for D.
 * Returns the funds and the index of the first field after them.
 */
export function readFunds(fields: string[], at: number, where: FileLocation): { funds: Funds; next: number } {
  const type = (fields[at] ?? "").trim();
  switch (type) {
    case "":
    case "Z":
    case "0":
    case "1":
    case "2":
      return { funds: { type: type || "Z" }, next: at + 1 };
    case "V": {
      const date = (fields[at + 1] ?? "").trim();
      return { funds: { type, ...(date && { valueDate: shortDate(date, where) }) }, next: at + 3 };
    }
    case "S":
      return { funds: { type }, next: at + 4 };
    case "D": {
      const count = Number((fields[at + 1] ?? "").trim());
      if (!Number.isInteger(count) || count < 0) refuse("MALFORMED_BANK_FILE", `distributed funds (D) need a count, found "${fields[at + 1] ?? ""}"`, where);
      return { funds: { type }, next: at + 2 + 2 * count };
    }
    default:
      return refuse("MALFORMED_BANK_FILE", `"${type}" is not a BAI2 funds type (Z, 0, 1, 2, S, V or D)`, where);
  }
}

/** A BAI2 amount: digits without a decimal point, in minor units of the currency; signed where `signed`. */
export function bai2Amount(text: string, where: FileLocation, signed: boolean): bigint {
  const value = text.trim();
  if (!(signed ? /^[+-]?\d+$/ : /^\d+$/).test(value)) refuse("MALFORMED_BANK_FILE", `"${text}" is not a BAI2 amount (digits, implied decimals)`, where);
  return BigInt(value);
}
