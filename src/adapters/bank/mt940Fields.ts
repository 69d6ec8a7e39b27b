import { splitLines } from "./bankFileText.js";

/** One MT940 field: its tag (20, 25, 28C, 60F, 61, 86, 62F…), the text after the tag and its continuation lines. */
export interface Mt940Field {
  tag: string;
  /** First line (after `:tag:`) and the continuation lines, line ends removed, otherwise as in the file. */
  lines: string[];
  /** Physical line of the tag, 1-based. */
  line: number;
}

export interface Mt940StatementFields {
  fields: Mt940Field[];
  /** BIC of the sender from the SWIFT basic header block {1:F01BANKBICXAXXX…}, when the file has one. */
  sender?: string;
}

const TAG = /^:(\d{2,3}[A-Z]?):(.*)$/;

/**
 * Splits an MT940 file into statements (each starting at `:20:`) of fields, keeping line numbers.
 * Transmission framing is dropped: SOH/ETX bytes, SWIFT blocks {1:}{2:}{3:}{4: … -}{5:}, bank header
 * lines before the first field (ABN AMRO's "ABNANL2A / 940"), "-" message ends and blank lines.
 */
export function mt940Statements(text: string): Mt940StatementFields[] {
  const statements: Mt940StatementFields[] = [];
  let current: Mt940StatementFields | undefined;
  let field: Mt940Field | undefined;
  let sender: string | undefined;

  splitLines(text).forEach((raw, index) => {
    let line = raw.replace(/[\u0001\u0003]/g, "");
    const lineNumber = index + 1;
    if (line.startsWith("{")) {
      sender = /\{1:F\d{2}([A-Z0-9]{8})/.exec(line)?.[1] ?? sender;
      const block4 = line.indexOf("{4:");
      if (block4 === -1) return;
      line = line.slice(block4 + 3);
    }
    if (/^-(\}.*)?$/.test(line.trim())) {
      field = undefined; // end of message
      return;
    }
    const tag = TAG.exec(line);
    if (tag) {
      field = { tag: tag[1]!, lines: [tag[2]!], line: lineNumber };
      if (field.tag === "20") {
        current = { fields: [], ...(sender !== undefined && { sender }) };
        statements.push(current);
      }
      if (current) current.fields.push(field);
      else field = undefined; // a field before any :20: (Rabobank's ":940:" header) belongs to no statement
      return;
    }
    if (field && line.trim() !== "") field.lines.push(line);
  });
  return statements;
}
