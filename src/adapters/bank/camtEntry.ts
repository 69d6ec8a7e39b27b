import { emptyTxDetail, type Direction, type Entry } from "../../domain/cash/statement.js";
import { cleanText, isoDate, refuse } from "./bankValues.js";
import { camtAmount, camtTxDetail, foreignExchange } from "./camtTxDetails.js";
import { child, children, text, type XmlDocument, type XmlValue } from "./safeXml.js";

const DIRECTIONS: Record<string, Direction> = { CRDT: "credit", DBIT: "debit" };

/** CRDT/DBIT of an element, or a refusal naming it. */
export function camtDirection(doc: XmlDocument, owner: XmlValue, path: string): Direction {
  const indicator = text(owner, "CdtDbtInd");
  const direction = indicator === undefined ? undefined : DIRECTIONS[indicator];
  if (!direction) refuse("MALFORMED_BANK_FILE", `CdtDbtInd is "${indicator ?? ""}", expected CRDT or DBIT`, { line: doc.lineOf(owner), path: `${path}/CdtDbtInd` });
  return direction;
}

/** Dt or DtTm (date part) of a date choice such as BookgDt. */
export function camtDate(doc: XmlDocument, owner: XmlValue, name: string, path: string): string | undefined {
  const value = text(owner, name, "Dt") ?? text(owner, name, "DtTm");
  return value === undefined ? undefined : isoDate(value, { line: doc.lineOf(owner), path: `${path}/${name}` });
}

function bankTransactionCode(ntry: XmlValue): string | undefined {
  const code = child(ntry, "BkTxCd");
  const domain = [text(code, "Domn", "Cd"), text(code, "Domn", "Fmly", "Cd"), text(code, "Domn", "Fmly", "SubFmlyCd")].filter((c) => c !== undefined);
  return domain.length > 0 ? domain.join("/") : text(code, "Prtry", "Cd");
}

/** One Ntry: the booking, and its transactions (one per TxDtls; one empty one when the bank details none). */
export function camtEntry(doc: XmlDocument, ntry: XmlValue, path: string): Entry {
  const { amount, currency } = camtAmount(doc, child(ntry, "Amt"), `${path}/Amt`);
  const direction = camtDirection(doc, ntry, path);
  const reversalText = text(ntry, "RvslInd");
  const reversal = reversalText === "true" || reversalText === "1";
  const booked = camtDate(doc, ntry, "BookgDt", path);
  const value = camtDate(doc, ntry, "ValDt", path);
  const bookingDate = booked ?? value;
  if (bookingDate === undefined) refuse("MALFORMED_BANK_FILE", "the entry has neither BookgDt nor ValDt", { line: doc.lineOf(ntry), path });

  // the other side of a credit is its debtor; a reversal keeps the parties of the transaction it reverses
  const otherSide = (direction === "credit") !== reversal ? "Dbtr" : "Cdtr";
  const ctx = { doc, otherSide, entryCurrency: currency } as const;
  const entryDetails = children(ntry, "NtryDtls");
  const details = entryDetails.flatMap((d, i) => children(d, "TxDtls").map((tx, j) => camtTxDetail(ctx, tx, `${path}/NtryDtls[${i + 1}]/TxDtls[${j + 1}]`)));
  const batchSizes = entryDetails.map((d) => Number(text(d, "Btch", "NbOfTxs"))).filter((n) => Number.isInteger(n) && n > 0);
  if (details.length === 0) {
    const single = emptyTxDetail();
    const fx = foreignExchange(doc, ntry, currency, path);
    if (fx) single.fx = fx;
    details.push(single);
  }

  const entry: Entry = {
    ref: text(ntry, "AcctSvcrRef") ?? text(ntry, "NtryRef") ?? null,
    bookingDate,
    valueDate: value ?? bookingDate,
    amount,
    currency,
    direction,
    reversal,
    details,
  };
  const status = text(ntry, "Sts", "Cd") ?? text(ntry, "Sts");
  if (status !== undefined) entry.status = status;
  const code = bankTransactionCode(ntry);
  if (code !== undefined) entry.bankTxCode = code;
  const info = cleanText(text(ntry, "AddtlNtryInf"));
  if (info !== undefined) entry.additionalInfo = info;
  if (batchSizes.length > 0) entry.batchSize = batchSizes.reduce((a, b) => a + b, 0);
  const line = doc.lineOf(ntry);
  if (line !== undefined) entry.line = line;
  return entry;
}
