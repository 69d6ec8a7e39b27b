import { emptyTxDetail, type TxDetail } from "../../domain/cash/statement.js";
import { cleanText, looksLikeBic, looksLikeIban } from "./bankValues.js";

/** What `:86:` tells about a `:61:` line: the transaction, and the bank's booking text and German GVC code. */
export interface Mt940Information {
  detail: TxDetail;
  bookingText?: string;
  gvc?: string;
}

const SUBFIELD_LENGTH = 27;
const SEPA_KEYS = ["EREF", "KREF", "MREF", "CRED", "DEBT", "SVWZ", "ABWA", "ABWE", "COAM", "OAMT", "IBAN", "BIC"] as const;
type SepaKey = (typeof SEPA_KEYS)[number] | "TEXT";
const SEPA_KEY = new RegExp(`^(${SEPA_KEYS.join("|")})\\+`);
// bank labels such as "MTLG:" start free text of their own, not a continuation of the key before them
const LABEL = /^[A-Z]{3,5}:/;

/**
 * German structured `:86:` (DFÜ-Abkommen): a 3-digit GVC, then `?nn` subfields — ?00 booking text,
 * ?20–?29 and ?60–?63 remittance, ?30 bank code or BIC, ?31 account or IBAN, ?32–?33 name, ?38 IBAN.
 * Lines of the field are joined without a separator: SWIFT wraps at 65 characters, even inside a word
 * or a `?nn` marker. SEPA keys (EREF+, KREF+, MREF+, SVWZ+ …) each start a subfield and run on until the next key.
 */
function germanStructured(gvc: string, body: string): Mt940Information {
  const detail = emptyTxDetail();
  const info: Mt940Information = { detail, gvc };
  const remittance: string[] = [];
  const name: string[] = [];
  for (const match of body.matchAll(/\?(\d{2})((?:(?!\?\d{2})[\s\S])*)/g)) {
    const code = Number(match[1]);
    const value = match[2]!;
    if (code === 0) info.bookingText = cleanText(value);
    else if ((code >= 20 && code <= 29) || (code >= 60 && code <= 63)) remittance.push(value);
    else if (code === 30 && looksLikeBic(value)) detail.counterparty.bic = value.trim();
    else if (code === 31 || code === 38) setAccount(detail, value);
    else if (code === 32 || code === 33) name.push(value);
  }
  const counterpartyName = cleanText(name.join(""));
  if (counterpartyName !== undefined) detail.counterparty.name = counterpartyName;

  if (!remittance.some((part) => SEPA_KEY.test(part))) {
    // subfields hold 27 characters: a full one was cut mid-text and runs on, a shorter one ended a line
    const joined = remittance.reduce((text, part, i) => text + (i > 0 && remittance[i - 1]!.length < SUBFIELD_LENGTH ? " " : "") + part, "");
    const text = cleanText(joined);
    if (text !== undefined) detail.remittance.unstructured.push(text);
    return info;
  }
  const segments: { key: SepaKey; value: string }[] = [];
  for (const part of remittance) {
    const key = SEPA_KEY.exec(part)?.[1] as SepaKey | undefined;
    if (key !== undefined) segments.push({ key, value: part.slice(key.length + 1) });
    else if (LABEL.test(part) || segments.length === 0) segments.push({ key: "TEXT", value: part });
    else segments[segments.length - 1]!.value += part;
  }
  for (const { key, value } of segments) {
    const cleaned = cleanText(value);
    if (cleaned === undefined) continue;
    if (key === "EREF" && cleaned !== "NOTPROVIDED" && cleaned !== "NONREF") detail.endToEndId = cleaned;
    else if (key === "KREF" && cleaned !== "NONREF") detail.instructionId = cleaned;
    else if (key === "MREF") detail.mandateId = cleaned;
    else if (key === "IBAN") setAccount(detail, cleaned);
    else if (key === "BIC" && looksLikeBic(cleaned)) detail.counterparty.bic = cleaned;
    else if (key === "SVWZ" || key === "TEXT") detail.remittance.unstructured.push(cleaned);
  }
  return info;
}

function setAccount(detail: TxDetail, value: string): void {
  const compact = value.replace(/\s+/g, "");
  if (compact === "") return;
  if (looksLikeIban(compact)) detail.counterparty.iban = compact.toUpperCase();
  else detail.counterparty.account ??= compact;
}

const DUTCH_KEYS = ["TRTP", "IBAN", "BIC", "NAME", "REMI", "EREF", "MARF", "CSID", "CNTP", "ORDP", "BENM", "ID", "ADDR", "RTRN", "PREF", "ULTC", "ULTD", "PURP", "SVCL"];
const DUTCH_KEY = new RegExp(`/(${DUTCH_KEYS.join("|")})/`, "g");

/**
 * Dutch SEPA `:86:` (ING, Rabobank, ABN AMRO since 2014): "/TRTP/SEPA OVERBOEKING/IBAN/NL…/BIC/…/NAME/…/REMI/…/EREF/…".
 * REMI is free text ("USTD//text") or a structured reference ("STRD/CUR/RF18…"); CNTP is "IBAN/BIC/name/city".
 */
function dutchStructured(text: string): Mt940Information {
  const detail = emptyTxDetail();
  const info: Mt940Information = { detail };
  const keys = [...text.matchAll(DUTCH_KEY)];
  keys.forEach((match, i) => {
    const start = match.index + match[0].length;
    const end = i + 1 < keys.length ? keys[i + 1]!.index : text.length;
    const value = text.slice(start, end).replace(/^\/+|\/+$/g, "").trim();
    if (value === "") return;
    switch (match[1]) {
      case "TRTP":
        info.bookingText = value;
        break;
      case "IBAN":
        setAccount(detail, value);
        break;
      case "BIC":
        detail.counterparty.bic = value;
        break;
      case "NAME":
        detail.counterparty.name = cleanText(value);
        break;
      case "EREF":
        if (value !== "NOTPROVIDED") detail.endToEndId = value;
        break;
      case "MARF":
        detail.mandateId = value;
        break;
      case "CNTP": {
        const [iban = "", bic = "", name = ""] = value.split("/");
        setAccount(detail, iban);
        if (bic) detail.counterparty.bic = bic;
        if (name.trim()) detail.counterparty.name = cleanText(name);
        break;
      }
      case "REMI":
        remittanceInformation(detail, value);
        break;
    }
  });
  return info;
}

function remittanceInformation(detail: TxDetail, value: string): void {
  const structured = /^STRD\/(?:CUR|ISO)\/(.+)$/.exec(value);
  if (structured) {
    detail.remittance.structured.creditorReference = structured[1]!.replace(/\/+$/, "").trim();
    return;
  }
  const text = cleanText(value.replace(/^USTD\/\//, ""));
  if (text !== undefined) detail.remittance.unstructured.push(text);
}

/** Reads the `:86:` lines of one transaction (several `:86:` fields of one `:61:` arrive concatenated). */
export function mt940Information(lines: string[]): Mt940Information {
  const joined = lines.join("");
  const german = /^\s*(\d{3})(\?\d{2}[\s\S]*)$/.exec(joined);
  if (german) return germanStructured(german[1]!, german[2]!);
  if (/^\s*\/[A-Z]{2,4}\//.test(joined)) return dutchStructured(joined);
  const detail = emptyTxDetail();
  // GVC 999 marks unstructured text in the German format ("999PN5477SCHECK-NR. …")
  const text = lines.map((line, i) => (i === 0 ? line.replace(/^\s*999/, "") : line));
  detail.remittance.unstructured = text.map((line) => cleanText(line)).filter((line) => line !== undefined);
  return { detail };
}
