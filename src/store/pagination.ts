import { fail } from "../domain/errors.js";

/** Keyset cursors: the sort key of the last row, opaque to clients. */
export const encodeCursor = (key: readonly string[]): string => Buffer.from(JSON.stringify(key)).toString("base64url");

/** The sort key inside a cursor; INVALID_CURSOR for anything this API did not issue. */
export function decodeCursor(cursor: string | undefined, parts: number): string[] | undefined {
  if (!cursor) return undefined;
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    key = null;
  }
  if (Array.isArray(key) && key.length === parts && key.every((k) => typeof k === "string")) return key as string[];
  return fail("INVALID_CURSOR", "the cursor is not one this API issued", { path: "cursor" });
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Fetch limit+1 rows; the extra row only says whether there is a next page. */
export function toPage<T>(rows: T[], limit: number, keyOf: (row: T) => string[]): Page<T> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(keyOf(last)) : null };
}
