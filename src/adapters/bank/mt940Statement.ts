import { emptyTxDetail, type Balance, type BankAccount, type BankFile, type Direction, type Entry, type Statement } from "../../domain/cash/statement.js";
import { formatAmount, type Currency } from "../../domain/money/index.js";
import { bankAmount, bankCurrency, cleanText, looksLikeBic, looksLikeIban, refuse, shortDate, type FileLocation } from "./bankValues.js";
import { mt940Statements, type Mt940Field } from "./mt940Fields.js";
import { mt940Information } from "./mt940Information.js";

export interface Mt940Options {
  /** Refuse statements whose closing balance is not the opening balance plus the entries (default true). */
  checkBalances?: boolean;
}

const at = (field: Mt940Field): FileLocation => ({ line: field.line, path: `:${field.tag}:` });

/** :60F:, :60M:, :62F:, :62M:, :64: — "C110522EUR3236,28". */
function balance(field: Mt940Field): Balance {
  const match = /^([CD])(\d{6})([A-Z]{3})(\d[\d,]*)$/.exec(field.lines[0]!.trim());
  if (!match) refuse("MALFORMED_BANK_FILE", `"${field.lines[0]!.trim()}" is not a balance (C or D, YYMMDD, currency, amount)`, at(field));
  const currency = bankCurrency(match[3]!, at(field));
  const amount = bankAmount(match[4]!, currency, at(field), { decimalComma: true });
  return { amount: match[1] === "D" ? -amount : amount, currency, date: shortDate(match[2]!, at(field)) };
}

/** The entry date is MMDD; its year is the value date's, or the next or previous one across a year end. */
function entryDate(valueDate: string, monthDay: string, where: FileLocation): string {
  const year = Number(valueDate.slice(0, 4));
  const shift = Number(monthDay.slice(0, 2)) - Number(valueDate.slice(5, 7));
  const entryYear = shift < -6 ? year + 1 : shift > 6 ? year - 1 : year;
  return shortDate(`${String(entryYear % 100).padStart(2, "0")}${monthDay}`, where);
}

// value date, entry date, mark (RC/RD reverse a credit/debit; EC/ED are expected ones), funds code, amount, type, references
const STATEMENT_LINE = /^(\d{6})(\d{4})?(RC|RD|EC|ED|C|D)([A-Z])?(\d+(?:,\d*)?)([NFS][A-Z0-9]{3})(.*)$/;
const DIRECTION: Record<string, Direction> = { C: "credit", RD: "credit", EC: "credit", D: "debit", RC: "debit", ED: "debit" };

/** :61: with its supplementary-details line, and the :86: lines that follow it. */
function statementLine(field: Mt940Field, information: string[], currency: Currency): Entry {
  const match = STATEMENT_LINE.exec(field.lines[0]!.trim());
  if (!match) refuse("MALFORMED_BANK_FILE", `"${field.lines[0]!.trim()}" is not a statement line (value date, C/D/RC/RD, amount, type, reference)`, at(field));
  const [, value, monthDay, mark, , amountText, type, references] = match;
  const valueDate = shortDate(value!, at(field));
  // "ownerRef//bankRef"; without "//", a run of spaces ends the reference (Rabobank puts the counterparty name after it)
  const [ownerPart = "", bankPart] = references!.split(/\/\/(.*)/s);
  const [customerRef, afterOwner] = bankPart === undefined ? ownerPart.trim().split(/\s{2,}(.*)/s) : [ownerPart.trim()];
  const [bankRef, afterBank] = bankPart === undefined ? [] : bankPart.trim().split(/\s{2,}(.*)/s);
  const info = information.length > 0 ? mt940Information(information) : undefined;
  const supplementary = cleanText([afterOwner, afterBank, ...field.lines.slice(1)].filter((t) => t !== undefined).join(" "));
  const additionalInfo = [supplementary, info?.bookingText].filter((t) => t !== undefined).join("; ");

  const entry: Entry = {
    ref: bankRef ? bankRef : null,
    bookingDate: monthDay ? entryDate(valueDate, monthDay, at(field)) : valueDate,
    valueDate,
    amount: bankAmount(amountText!, currency, at(field), { decimalComma: true }),
    currency,
    direction: DIRECTION[mark!]!,
    reversal: mark === "RC" || mark === "RD",
    bankTxCode: info?.gvc ? `${type}/${info.gvc}` : type!,
    details: [info?.detail ?? emptyTxDetail()],
    line: field.line,
  };
  if (customerRef && customerRef !== "NONREF") entry.customerRef = customerRef;
  if (additionalInfo) entry.additionalInfo = additionalInfo;
  return entry;
}

function account(field: Mt940Field | undefined): BankAccount {
  const value = field?.lines[0]?.trim() ?? "";
  const withBic = /^([A-Z]{6}[A-Z0-9]{2}(?:[A-Z0-9]{3})?)\/(.+)$/.exec(value);
  if (withBic && looksLikeBic(withBic[1]!)) return { bic: withBic[1]!, ...account({ ...field!, lines: [withBic[2]!] }) };
  return looksLikeIban(value) ? { iban: value.replace(/\s+/g, "") } : { number: value };
}

function statement(fields: Mt940Field[], sender: string | undefined, options: Mt940Options): Statement {
  const find = (...tags: string[]) => fields.find((f) => tags.includes(f.tag));
  const reference = fields[0]!.lines[0]!.trim();
  const sequence = find("28C", "28")?.lines[0]?.trim();
  const id = sequence ? `${reference}/${sequence}` : reference;
  const openingField = find("60F", "60M");
  const closingField = find("62F", "62M");
  if (!find("25")) refuse("MALFORMED_BANK_FILE", `statement ${id} has no account (:25:)`, { line: fields[0]!.line, path: ":20:" });
  if (!openingField) refuse("MALFORMED_BANK_FILE", `statement ${id} has no opening balance (:60F: or :60M:)`, { line: fields[0]!.line, path: ":20:" });
  if (!closingField) refuse("MALFORMED_BANK_FILE", `statement ${id} has no closing balance (:62F: or :62M:)`, { line: fields[0]!.line, path: ":20:" });
  const opening = balance(openingField);
  const closing = balance(closingField);

  const entries: Entry[] = [];
  fields.forEach((field, i) => {
    if (field.tag !== "61") return;
    const information: string[] = [];
    for (let j = i + 1; fields[j]?.tag === "86"; j++) information.push(...fields[j]!.lines);
    entries.push(statementLine(field, information, opening.currency));
  });

  if (options.checkBalances !== false) {
    const moved = entries.reduce((sum, e) => sum + (e.direction === "credit" ? e.amount : -e.amount), 0n);
    if (closing.currency !== opening.currency || opening.amount + moved !== closing.amount) {
      refuse(
        "BALANCE_MISMATCH",
        `statement ${id}: opening balance ${formatAmount(opening.amount, opening.currency)} plus entries ${formatAmount(moved, opening.currency)} is ${formatAmount(opening.amount + moved, opening.currency)} ${opening.currency}, but the closing balance is ${formatAmount(closing.amount, closing.currency)} ${closing.currency}`,
        at(closingField),
      );
    }
  }
  return {
    id,
    account: { ...account(find("25")), currency: opening.currency },
    ...(sender !== undefined && { servicer: sender }),
    ...(sequence !== undefined && { sequence }),
    openingBalance: opening,
    closingBalance: closing,
    entries,
  };
}

/** SWIFT MT940 customer statements: one Statement per `:20:` … `:62F:`/`:62M:` block. */
export function mt940BankFile(text: string, options: Mt940Options = {}): BankFile {
  const blocks = mt940Statements(text);
  if (blocks.length === 0) refuse("MALFORMED_BANK_FILE", "no statement found (no :20: field)", { line: 1 });
  return { format: "mt940", statements: blocks.map((block) => statement(block.fields, block.sender, options)) };
}
