import { CompiledQuery, type Kysely } from "kysely";

/**
 * Bulk load through COPY on either engine. Kysely has no COPY, so the statement travels as a
 * compiled query whose only parameter is a CopyPayload; both engine drivers recognise it and stream
 * the text to the server (pg-copy-streams on PostgreSQL, the /dev/blob device on PGlite). Because it
 * goes through Kysely, it runs on the caller's connection and inside the caller's transaction.
 */
export class CopyPayload {
  constructor(readonly text: string) {}
}

const IDENT = /^[a-z_][a-z0-9_]*$/;

export async function copyInto(db: Kysely<unknown>, table: string, columns: readonly string[], text: string): Promise<void> {
  for (const name of [table, ...columns]) if (!IDENT.test(name)) throw new Error(`bad identifier for COPY: ${name}`);
  if (text.length === 0) return;
  await db.executeQuery(CompiledQuery.raw(`copy ${table} (${columns.join(", ")}) from stdin`, [new CopyPayload(text)]));
}

export const isCopy = (parameters: readonly unknown[]): CopyPayload | undefined =>
  parameters.length === 1 && parameters[0] instanceof CopyPayload ? parameters[0] : undefined;

/** COPY text format: tab-separated, \N for null, backslash escapes. */
export function copyField(value: string | number | bigint | boolean | null | undefined): string {
  if (value === null || value === undefined) return "\\N";
  if (typeof value !== "string") return String(value);
  return /[\\\t\n\r]/.test(value) ? value.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r") : value;
}

/** A text[] literal for COPY. */
export function copyTextArray(values: readonly string[]): string {
  return copyField("{" + values.map((v) => '"' + v.replace(/\\/g, "\\\\").replace(/"/g, '\\"') + '"').join(",") + "}");
}
