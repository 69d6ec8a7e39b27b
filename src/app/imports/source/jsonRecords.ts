import { fail } from "../../../domain/errors.js";
import type { ImportKind } from "../importTypes.js";

export interface JsonRecord {
  /** Line where the object starts in the file. */
  line: number;
  value: unknown;
}

/** The objects of a JSON import: a top-level array, or `{ "<kind>": [...] }`. */
export function readJsonRecords(text: string, kind: ImportKind): JsonRecord[] {
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch (error) {
    const position = Number(/position (\d+)/.exec(String(error))?.[1] ?? NaN);
    const line = Number.isNaN(position) ? 1 : lineAt(text, position);
    return fail("MALFORMED_FILE", `not valid JSON: ${(error as Error).message}`, { line });
  }
  const wrapped = !Array.isArray(root) && typeof root === "object" && root !== null;
  const items = Array.isArray(root) ? root : wrapped ? (root as Record<string, unknown>)[kind] : undefined;
  if (!Array.isArray(items)) return fail("MALFORMED_FILE", `expected a JSON array of ${kind}, or an object { "${kind}": [...] }`, { line: 1 });
  const lines = elementLines(text, wrapped ? memberValueStart(text, kind) : skipSpace(text, 0));
  return items.map((value, i) => ({ line: lines[i] ?? 1, value }));
}

/*
 * JSON.parse gives no positions, so a small scanner walks the (already valid) text to find where each
 * element of the array starts, which lets row errors name a line as they do for CSV.
 */

function elementLines(text: string, arrayStart: number): number[] {
  const lines: number[] = [];
  const counter = lineCounter(text);
  let pos = skipSpace(text, arrayStart + 1);
  while (text[pos] !== "]") {
    lines.push(counter(pos));
    pos = skipSpace(text, skipValue(text, pos));
    if (text[pos] === ",") pos = skipSpace(text, pos + 1);
  }
  return lines;
}

/** Offset of the value of `key` in the top-level object. */
function memberValueStart(text: string, key: string): number {
  let pos = skipSpace(text, skipSpace(text, 0) + 1);
  while (text[pos] === '"') {
    const keyEnd = skipValue(text, pos);
    const name = JSON.parse(text.slice(pos, keyEnd)) as string;
    const valueStart = skipSpace(text, skipSpace(text, keyEnd) + 1); // past the colon
    if (name === key) return valueStart;
    pos = skipSpace(text, skipValue(text, valueStart));
    if (text[pos] === ",") pos = skipSpace(text, pos + 1);
  }
  return pos;
}

/** Offset just past the value starting at `pos`. */
function skipValue(text: string, pos: number): number {
  const first = text[pos];
  if (first === '"') {
    for (let i = pos + 1; i < text.length; i++) {
      if (text[i] === "\\") i++;
      else if (text[i] === '"') return i + 1;
    }
    return text.length;
  }
  if (first === "[" || first === "{") {
    let depth = 0;
    for (let i = pos; i < text.length; i++) {
      const ch = text[i];
      if (ch === '"') i = skipValue(text, i) - 1;
      else if (ch === "[" || ch === "{") depth++;
      else if (ch === "]" || ch === "}") {
        depth--;
        if (depth === 0) return i + 1;
      }
    }
    return text.length;
  }
  let i = pos;
  while (i < text.length && !",]} \t\r\n".includes(text[i]!)) i++;
  return i;
}

function skipSpace(text: string, pos: number): number {
  while (pos < text.length && " \t\r\n".includes(text[pos]!)) pos++;
  return pos;
}

/** Line of increasing offsets, counting newlines only once. */
function lineCounter(text: string): (offset: number) => number {
  let line = 1;
  let at = 0;
  return (offset) => {
    for (let i = text.indexOf("\n", at); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) line++;
    at = offset;
    return line;
  };
}

const lineAt = (text: string, offset: number): number => lineCounter(text)(offset);
