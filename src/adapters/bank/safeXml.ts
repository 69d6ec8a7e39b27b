import { XMLParser, XMLValidator } from "fast-xml-parser";
import { LineIndex } from "./bankFileText.js";
import { refuse } from "./bankValues.js";

/** An element as fast-xml-parser returns it: text, or an object of child elements, `#text` and `@_`-prefixed attributes. */
export type XmlValue = string | XmlNode | XmlValue[];
export interface XmlNode {
  [name: string]: XmlValue;
}

export interface XmlDocument {
  root: XmlNode;
  /** The line an element starts on; elements parsed as plain text (no attributes, no children) have none. */
  lineOf(node: XmlValue | undefined): number | undefined;
}

// Entities are never expanded by the parser (no billion laughs, no external entities); the five
// predefined ones and character references are decoded here when text is read.
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  removeNSPrefix: true,
  trimValues: true,
  captureMetaData: true,
});
const METADATA = XMLParser.getMetaDataSymbol() as unknown as symbol;

/**
 * Parses bank XML defensively: any DTD or entity declaration is refused before parsing (XML_DTD_FORBIDDEN),
 * malformed XML is refused with the line the validator names (MALFORMED_BANK_FILE).
 */
export function parseSafeXml(text: string): XmlDocument {
  const declaration = /<!(DOCTYPE|ENTITY)/i.exec(text);
  const lines = new LineIndex(text);
  if (declaration) {
    refuse("XML_DTD_FORBIDDEN", `<!${declaration[1]!.toUpperCase()}> found; bank files must not carry a DTD or entity declarations`, { line: lines.lineAt(declaration.index) });
  }
  const valid = XMLValidator.validate(text);
  if (valid !== true) refuse("MALFORMED_BANK_FILE", `malformed XML: ${valid.err.msg}`, { line: valid.err.line });
  const root = parser.parse(text) as XmlNode;
  return {
    root,
    lineOf: (node) => {
      const meta = node !== undefined && typeof node === "object" && !Array.isArray(node) ? ((node as Record<symbol, unknown>)[METADATA] as { startIndex?: number } | undefined) : undefined;
      return meta?.startIndex === undefined ? undefined : lines.lineAt(meta.startIndex);
    },
  };
}

const PREDEFINED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&(lt|gt|amp|quot|apos|#\d{1,7}|#x[0-9a-fA-F]{1,6});/g, (whole, name: string) => {
    if (name.startsWith("#x")) return safeCodePoint(parseInt(name.slice(2), 16), whole);
    if (name.startsWith("#")) return safeCodePoint(parseInt(name.slice(1), 10), whole);
    return PREDEFINED[name] ?? whole;
  });
}

const safeCodePoint = (code: number, fallback: string): string => (code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : fallback);

/** All elements of this name under `node` (an element that occurs once is a one-item list). */
export function children(node: XmlValue | undefined, name: string): XmlValue[] {
  if (node === undefined || typeof node !== "object" || Array.isArray(node)) return [];
  const value = node[name];
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** The first element along a path of names, e.g. child(ntry, "BookgDt", "Dt"). */
export function child(node: XmlValue | undefined, ...path: string[]): XmlValue | undefined {
  let current = node;
  for (const name of path) current = children(current, name)[0];
  return current;
}

/** The text of the first element along the path, entity-decoded and trimmed; undefined when absent or empty. */
export function text(node: XmlValue | undefined, ...path: string[]): string | undefined {
  const element = child(node, ...path);
  const raw = typeof element === "string" ? element : element !== undefined && !Array.isArray(element) && typeof element["#text"] === "string" ? element["#text"] : undefined;
  const decoded = raw === undefined ? undefined : decodeEntities(raw).trim();
  return decoded ? decoded : undefined;
}

export function attribute(node: XmlValue | undefined, name: string): string | undefined {
  if (node === undefined || typeof node !== "object" || Array.isArray(node)) return undefined;
  const value = node[`@_${name}`];
  return typeof value === "string" ? decodeEntities(value).trim() : undefined;
}
