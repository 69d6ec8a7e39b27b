import { header } from "../channels/smtpSink.js";

/** RFC 2047 encoded words (=?UTF-8?Q?…?= and =?UTF-8?B?…?=) decoded; adjacent words join without the space between them. */
export function decodeWords(text: string): string {
  return text.replace(/\?=\s+=\?/g, "?==?").replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g, (_m, _charset: string, encoding: string, data: string) =>
    encoding.toUpperCase() === "B" ? Buffer.from(data, "base64").toString("utf8") : decodeQuotedPrintable(data.replace(/_/g, " ")),
  );
}

/** Quoted-printable (RFC 2045) to UTF-8 text; soft line breaks removed. */
export function decodeQuotedPrintable(text: string): string {
  const bytes = text.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => `%${hex}`);
  return decodeURIComponent(bytes.replace(/%(?![0-9A-F]{2})/gi, "%25"));
}

/** The decoded Subject header of a raw message. */
export const subjectOf = (raw: string): string => decodeWords(header(raw, "subject") ?? "");

/** The decoded body of the first text/plain part, with "\n" line ends. */
export function plainTextOf(raw: string): string {
  return plainBody(raw).replace(/\r\n/g, "\n");
}

function plainBody(raw: string): string {
  const start = raw.search(/Content-Type: text\/plain/i);
  if (start < 0) return "";
  const headerEnd = raw.indexOf("\r\n\r\n", start);
  const partHeaders = raw.slice(start, headerEnd);
  const bodyEnd = raw.indexOf("\r\n--", headerEnd);
  const body = raw.slice(headerEnd + 4, bodyEnd < 0 ? undefined : bodyEnd);
  if (/Content-Transfer-Encoding: base64/i.test(partHeaders)) return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (/Content-Transfer-Encoding: quoted-printable/i.test(partHeaders)) return decodeQuotedPrintable(body);
  return body;
}

/** Attachment file names and decoded contents of a raw message. */
export function attachmentsOf(raw: string): { filename: string; content: Buffer }[] {
  const found: { filename: string; content: Buffer }[] = [];
  for (const match of raw.matchAll(/Content-Disposition: attachment;\s*filename="?([^"\r\n;]+)"?[\s\S]*?\r\n\r\n([\s\S]*?)\r\n--/gi)) {
    found.push({ filename: match[1]!, content: Buffer.from(match[2]!.replace(/\s+/g, ""), "base64") });
  }
  return found;
}
