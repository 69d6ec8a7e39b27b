import { BANK_FILE_FORMATS, type BankFile, type BankFileFormat } from "../../domain/cash/statement.js";
import { domainError, Failure, type DomainError } from "../../domain/errors.js";
import { err, ok, type Result } from "../../domain/result.js";
import { bai2BankFile } from "./bai2File.js";
import { checkSize, decodeBankFile, DEFAULT_MAX_BYTES } from "./bankFileText.js";
import { refuse } from "./bankValues.js";
import { camtBankFile, camtFormatOf } from "./camtDocument.js";
import { CsvMapping, type CsvMappingInput } from "./csvMapping.js";
import { csvBankFile } from "./csvStatement.js";
import { mt940BankFile } from "./mt940Statement.js";
import { parseSafeXml } from "./safeXml.js";

export interface ParseBankFileOptions {
  /** Skip sniffing; the file must then be of this format. */
  format?: BankFileFormat;
  /** How to read a CSV export; CSV is never sniffed, it needs a mapping (docs/bank-files.md). */
  csvMapping?: CsvMappingInput;
  /** Default 20 MiB. */
  maxBytes?: number;
  /** MT940: refuse statements whose closing balance is not opening ± entries (default true). */
  checkBalances?: boolean;
  /** BAI2: refuse files whose 49/98/99 control totals and record counts do not add up (default true). */
  checkControlTotals?: boolean;
}

const looksLikeXml = (text: string): boolean => /^\s*</.test(text);

/** Which format a file is, from its first lines; CSV only when a mapping was given. */
function sniff(text: string, hasCsvMapping: boolean): BankFileFormat | "xml" {
  if (looksLikeXml(text)) return "xml";
  const head = text.slice(0, 8192).replace(/^[\s\u0001]+/, "");
  if (/^01,/.test(head)) return "bai2";
  if (/^\{1:F/m.test(head) || (/^:20:/m.test(head) && /^:25:/m.test(head))) return "mt940";
  if (hasCsvMapping) return "csv";
  return refuse("UNSUPPORTED_BANK_FORMAT", "not a bank file Dunwell recognizes (camt.053, camt.054, MT940, BAI2; CSV needs a column mapping)", { line: 1 });
}

function camtFile(text: string, expected: BankFileFormat | undefined): BankFile {
  const doc = parseSafeXml(text);
  const found = camtFormatOf(doc, text);
  if (!found) refuse("UNSUPPORTED_BANK_FORMAT", "XML, but not a camt.053 statement or camt.054 notification (camt.052 reports are not read)", { line: 1 });
  if (expected !== undefined && expected !== found.format) refuse("UNSUPPORTED_BANK_FORMAT", `the file is ${found.format}, not ${expected}`, { line: 1 });
  return camtBankFile(doc, found.format, found.version);
}

function csvFile(text: string, mapping: CsvMappingInput | undefined): BankFile {
  if (mapping === undefined) return refuse("VALIDATION_FAILED", "a CSV bank file needs a column mapping", { path: "csvMapping" });
  const parsed = CsvMapping.safeParse(mapping);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({ path: ["csvMapping", ...issue.path].join("."), code: "VALIDATION_FAILED", message: issue.message }));
    throw new Failure(domainError("VALIDATION_FAILED", issues.map((i) => `${i.path}: ${i.message}`).join("; "), { path: issues[0]!.path, details: issues }));
  }
  return csvBankFile(text, parsed.data);
}

/**
 * Reads a bank file into statements. The whole file is refused at the first problem (Result error with
 * a code and the line or element at fault); a caller never receives part of a file. No I/O: the caller
 * reads the bytes.
 */
export function parseBankFile(content: Uint8Array | string, options: ParseBankFileOptions = {}): Result<BankFile, DomainError> {
  try {
    if (options.format !== undefined && !BANK_FILE_FORMATS.includes(options.format)) {
      refuse("UNSUPPORTED_BANK_FORMAT", `"${String(options.format)}" is not a bank file format (${BANK_FILE_FORMATS.join(", ")})`, { path: "format" });
    }
    checkSize(content, options.maxBytes ?? DEFAULT_MAX_BYTES);
    const text = decodeBankFile(content);
    const format = options.format ?? sniff(text, options.csvMapping !== undefined);
    switch (format) {
      case "xml":
      case "camt.053":
      case "camt.054":
        return ok(camtFile(text, format === "xml" ? undefined : format));
      case "mt940":
        return ok(mt940BankFile(text, { checkBalances: options.checkBalances }));
      case "bai2":
        return ok(bai2BankFile(text, { checkControlTotals: options.checkControlTotals }));
      case "csv":
        return ok(csvFile(text, options.csvMapping));
    }
  } catch (error) {
    if (error instanceof Failure) return err(error.error);
    throw error;
  }
}
