import type { ImportOptions } from "../importTypes.js";

export type Format = "csv" | "json";
export type Delimiter = "," | ";" | "\t";

/** Explicit option, then the file name's extension, then the first character of the content. */
export function sniffFormat(text: string, options: Pick<ImportOptions, "format" | "fileName">): Format {
  if (options.format) return options.format;
  const extension = options.fileName?.toLowerCase().match(/\.([a-z]+)$/)?.[1];
  if (extension === "json") return "json";
  if (extension === "csv" || extension === "tsv" || extension === "txt") return "csv";
  const first = /\S/.exec(text.slice(0, 4096))?.[0];
  return first === "[" || first === "{" ? "json" : "csv";
}

const CANDIDATES: readonly Delimiter[] = [",", ";", "\t"];

/**
 * The delimiter that occurs most often in the header line outside quotes (commas win ties, and a
 * one-column file is read as comma-separated). Header names rarely contain any of the three.
 */
export function sniffDelimiter(text: string): Delimiter {
  const counts = new Map<string, number>(CANDIDATES.map((d) => [d, 0]));
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best: Delimiter = ",";
  for (const d of CANDIDATES) if (counts.get(d)! > counts.get(best)!) best = d;
  return best;
}
