import type { Counterparty, ForeignExchange, Remittance, TxDetail } from "../../domain/cash/statement.js";
import type { Currency } from "../../domain/money/index.js";
import { bankAmount, bankCurrency, cleanText, refuse } from "./bankValues.js";
import { attribute, child, children, text, type XmlDocument, type XmlValue } from "./safeXml.js";

/** An `<Amt Ccy="…">` (or any amount element with a Ccy attribute) in minor units. */
export function camtAmount(doc: XmlDocument, element: XmlValue | undefined, path: string): { amount: bigint; currency: Currency } {
  const at = { line: doc.lineOf(element), path };
  const value = text(element);
  const code = attribute(element, "Ccy");
  if (value === undefined) refuse("MALFORMED_BANK_FILE", "the amount is missing", at);
  if (code === undefined) refuse("MALFORMED_BANK_FILE", "the amount has no Ccy attribute", at);
  const currency = bankCurrency(code, at);
  return { amount: bankAmount(value, currency, at), currency };
}

// RfrdDocInf type codes that name something the payer owes us, and those that name a credit note
const INVOICE_TYPES = new Set(["CINV", "DNFA", "DEBN", "HIRI", "SBIN", "CMCN"]);
const CREDIT_NOTE_TYPES = new Set(["CREN", "CNFA"]);

function remittance(rmtInf: XmlValue | undefined): Remittance {
  const unstructured = children(rmtInf, "Ustrd").map((u) => cleanText(text(u))).filter((u) => u !== undefined);
  const result: Remittance = { unstructured, structured: {} };
  const invoices: string[] = [];
  const creditNotes: string[] = [];
  for (const strd of children(rmtInf, "Strd")) {
    for (const ref of children(strd, "CdtrRefInf")) {
      const value = text(ref, "Ref");
      if (value === undefined || result.structured.creditorReference !== undefined) continue;
      result.structured.creditorReference = value;
      const type = text(ref, "Tp", "CdOrPrtry", "Cd") ?? text(ref, "Tp", "CdOrPrtry", "Prtry");
      if (type !== undefined) result.structured.referenceType = type;
    }
    for (const doc of children(strd, "RfrdDocInf")) {
      const number = text(doc, "Nb");
      if (number === undefined) continue;
      // an untyped document is most often the invoice; purchase orders, dispatch advices and the like are not
      const type = text(doc, "Tp", "CdOrPrtry", "Cd");
      if (type !== undefined && CREDIT_NOTE_TYPES.has(type)) creditNotes.push(number);
      else if (type === undefined || INVOICE_TYPES.has(type)) invoices.push(number);
    }
    for (const info of children(strd, "AddtlRmtInf")) {
      const value = cleanText(text(info));
      if (value !== undefined) unstructured.push(value);
    }
  }
  if (invoices.length > 0) result.structured.invoiceNumbers = invoices;
  if (creditNotes.length > 0) result.structured.creditNoteNumbers = creditNotes;
  return result;
}

// camt.053.001.08 and later wrap the party in <Pty> (Party40Choice); earlier versions do not
const partyName = (party: XmlValue | undefined): string | undefined => cleanText(text(party, "Pty", "Nm") ?? text(party, "Nm"));

function counterparty(tx: XmlValue | undefined, side: "Dbtr" | "Cdtr"): Counterparty {
  const parties = child(tx, "RltdPties");
  const account = child(parties, `${side}Acct`, "Id");
  const found: Counterparty = {
    name: partyName(child(parties, side)),
    iban: text(account, "IBAN")?.replace(/\s+/g, ""),
    account: text(account, "Othr", "Id"),
    bic: text(tx, "RltdAgts", `${side}Agt`, "FinInstnId", "BICFI") ?? text(tx, "RltdAgts", `${side}Agt`, "FinInstnId", "BIC"),
  };
  return Object.fromEntries(Object.entries(found).filter(([, v]) => v !== undefined)) as Counterparty;
}

/** The amount the payer instructed in another currency than was booked, with the bank's rate. */
export function foreignExchange(doc: XmlDocument, owner: XmlValue | undefined, bookedCurrency: Currency, path: string): ForeignExchange | undefined {
  const details = child(owner, "AmtDtls");
  const instructed = child(details, "InstdAmt", "Amt");
  if (instructed === undefined) return undefined;
  const { amount, currency } = camtAmount(doc, instructed, `${path}/AmtDtls/InstdAmt/Amt`);
  if (currency === bookedCurrency) return undefined;
  const rate = text(details, "TxAmt", "CcyXchg", "XchgRate") ?? text(details, "InstdAmt", "CcyXchg", "XchgRate") ?? text(details, "CntrValAmt", "CcyXchg", "XchgRate");
  return { instructedAmount: amount, instructedCurrency: currency, ...(rate !== undefined && { rate }) };
}

export interface TxContext {
  doc: XmlDocument;
  /** Debtor for credits and reversed debits, creditor otherwise. */
  otherSide: "Dbtr" | "Cdtr";
  entryCurrency: Currency;
}

/** One TxDtls element. */
export function camtTxDetail(ctx: TxContext, tx: XmlValue, path: string): TxDetail {
  const amountElement = child(tx, "Amt") ?? child(tx, "AmtDtls", "TxAmt", "Amt");
  const amount = amountElement === undefined ? undefined : camtAmount(ctx.doc, amountElement, `${path}/Amt`);
  const endToEndId = text(tx, "Refs", "EndToEndId");
  const detail: TxDetail = {
    remittance: remittance(child(tx, "RmtInf")),
    counterparty: counterparty(tx, ctx.otherSide),
  };
  if (amount) Object.assign(detail, amount);
  if (endToEndId !== undefined && endToEndId !== "NOTPROVIDED") detail.endToEndId = endToEndId;
  const instructionId = text(tx, "Refs", "InstrId");
  if (instructionId !== undefined && instructionId !== "NOTPROVIDED") detail.instructionId = instructionId;
  const mandateId = text(tx, "Refs", "MndtId");
  if (mandateId !== undefined) detail.mandateId = mandateId;
  const purpose = text(tx, "Purp", "Cd");
  if (purpose !== undefined) detail.purpose = purpose;
  const fx = foreignExchange(ctx.doc, tx, amount?.currency ?? ctx.entryCurrency, path);
  if (fx) detail.fx = fx;
  return detail;
}
