import type { RowError } from "./importTypes.js";

/** A canonical column of an import kind and the other names it goes by in real exports. */
export interface ColumnSpec<K extends string = string> {
  name: K;
  required?: boolean;
  aliases: readonly string[];
}

export interface MappedHeader<K extends string> {
  /** Field position of each column present in the file. */
  index: Partial<Record<K, number>>;
  /** The header as written, for error messages. */
  label: (column: K) => string;
  width: number;
  fields: readonly string[];
}

/**
 * "Invoice No", "invoice_number", "InvoiceNumber" and "Fälligkeits-Datum" all compare after this:
 * case, spaces, punctuation and the German umlaut spellings (ä/ae) do not matter.
 */
export function normalizeHeader(text: string): string {
  return text
    .normalize("NFC")
    .toLowerCase()
    .replace(/ä/g, "ae")
    .replace(/ö/g, "oe")
    .replace(/ü/g, "ue")
    .replace(/ß/g, "ss")
    .replace(/[\s_\-.:/#()°]+/g, "");
}

/** Lookup from every normalized name and alias to its canonical column. */
export function aliasTable<K extends string>(specs: readonly ColumnSpec<K>[]): Map<string, K> {
  const table = new Map<string, K>();
  for (const spec of specs) {
    for (const name of [spec.name, ...spec.aliases]) {
      const key = normalizeHeader(name);
      const taken = table.get(key);
      if (taken !== undefined && taken !== spec.name) throw new Error(`alias "${name}" names both ${taken} and ${spec.name}`);
      table.set(key, spec.name);
    }
  }
  return table;
}

/**
 * Maps the header line to canonical columns. Problems are file-level errors on line 1: a column
 * nobody knows (UNKNOWN_COLUMN, so a typo never drops data silently), two columns meaning the same
 * thing (DUPLICATE_IN_FILE), a required column missing (MISSING_COLUMN). Empty header cells are ignored.
 */
export function mapHeader<K extends string>(fields: readonly string[], specs: readonly ColumnSpec<K>[], aliases: Map<string, K>): { header: MappedHeader<K>; errors: RowError[] } {
  const index: Partial<Record<K, number>> = {};
  const errors: RowError[] = [];
  fields.forEach((raw, position) => {
    const written = raw.trim();
    if (written === "") return;
    const column = aliases.get(normalizeHeader(written));
    if (column === undefined) {
      errors.push({ line: 1, column: written, code: "UNKNOWN_COLUMN", message: `unknown column "${written}"; see docs/formats.md for the columns and their aliases` });
    } else if (index[column] !== undefined) {
      errors.push({ line: 1, column: written, code: "DUPLICATE_IN_FILE", message: `columns "${fields[index[column]!]!.trim()}" and "${written}" both mean ${column}` });
    } else {
      index[column] = position;
    }
  });
  for (const spec of specs) {
    if (spec.required && index[spec.name] === undefined) errors.push({ line: 1, column: spec.name, code: "MISSING_COLUMN", message: `required column "${spec.name}" is missing` });
  }
  const label = (column: K): string => {
    const position = index[column];
    return position === undefined ? column : fields[position]!.trim();
  };
  return { header: { index, label, width: fields.length, fields }, errors };
}
