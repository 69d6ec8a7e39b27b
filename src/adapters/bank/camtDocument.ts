import type { Balance, BankAccount, BankFile, Statement } from "../../domain/cash/statement.js";
import { bankCurrency, refuse } from "./bankValues.js";
import { camtDate, camtDirection, camtEntry } from "./camtEntry.js";
import { camtAmount } from "./camtTxDetails.js";
import { child, children, text, type XmlDocument, type XmlNode, type XmlValue } from "./safeXml.js";

export type CamtFormat = "camt.053" | "camt.054";

/** camt.053 reports statements (Stmt), camt.054 debit/credit notifications (Ntfctn); below that they are alike. */
const MESSAGES: Record<CamtFormat, { message: string; report: string }> = {
  "camt.053": { message: "BkToCstmrStmt", report: "Stmt" },
  "camt.054": { message: "BkToCstmrDbtCdtNtfctn", report: "Ntfctn" },
};

// .001.02 (2009) to .001.13: the elements Dunwell reads kept their names; the differences (Pty wrapper,
// Sts/Cd, BICFI, TxDtls/Amt) are handled where they are read
const FIRST_VERSION = 2;
const LAST_VERSION = 13;

/** The camt namespace the document declares, e.g. { format: "camt.053", version: 8 }. */
function camtNamespace(text: string): { format: CamtFormat; version: number } | undefined {
  const match = /urn:iso:std:iso:20022:tech:xsd:(camt\.05[34])\.001\.(\d{2})/.exec(text);
  return match ? { format: match[1] as CamtFormat, version: Number(match[2]) } : undefined;
}

/** Which camt message an XML document is: by its namespace, or by its message element when it declares none. */
export function camtFormatOf(doc: XmlDocument, text: string): { format: CamtFormat; version?: number } | undefined {
  const declared = camtNamespace(text);
  if (declared) return declared;
  const document = findDocument(doc.root);
  const format = (Object.keys(MESSAGES) as CamtFormat[]).find((f) => child(document, MESSAGES[f].message) !== undefined);
  return format && { format };
}

/** The Document element: the root, or one level down when a transport envelope (AppHdr + Document) wraps it. */
function findDocument(root: XmlNode): XmlValue | undefined {
  if (root["Document"] !== undefined) return child(root, "Document");
  for (const value of Object.values(root)) {
    const inner = children(value, "Document")[0];
    if (inner !== undefined) return inner;
  }
  return undefined;
}

function balance(doc: XmlDocument, bal: XmlValue, path: string): Balance {
  const { amount, currency } = camtAmount(doc, child(bal, "Amt"), `${path}/Amt`);
  const date = camtDate(doc, bal, "Dt", path);
  if (date === undefined) refuse("MALFORMED_BANK_FILE", "the balance has no date", { line: doc.lineOf(bal), path });
  return { amount: camtDirection(doc, bal, path) === "debit" ? -amount : amount, currency, date };
}

function balances(doc: XmlDocument, report: XmlValue, path: string): Pick<Statement, "openingBalance" | "closingBalance"> {
  const byType = new Map<string, Balance>();
  children(report, "Bal").forEach((bal, i) => {
    const type = text(bal, "Tp", "CdOrPrtry", "Cd") ?? text(bal, "Tp", "CdOrPrtry", "Prtry");
    if (type !== undefined && !byType.has(type)) byType.set(type, balance(doc, bal, `${path}/Bal[${i + 1}]`));
  });
  // OPBD is the opening booked balance; banks that send none give the previous closing (PRCD) instead
  const opening = byType.get("OPBD") ?? byType.get("PRCD");
  const closing = byType.get("CLBD");
  return { ...(opening && { openingBalance: opening }), ...(closing && { closingBalance: closing }) };
}

function account(doc: XmlDocument, report: XmlValue, path: string): { account: BankAccount; servicer?: string } {
  const acct = child(report, "Acct");
  const found: BankAccount = {};
  const iban = text(acct, "Id", "IBAN");
  if (iban !== undefined) found.iban = iban.replace(/\s+/g, "");
  const number = text(acct, "Id", "Othr", "Id");
  if (number !== undefined) found.number = number;
  const bic = text(acct, "Svcr", "FinInstnId", "BICFI") ?? text(acct, "Svcr", "FinInstnId", "BIC");
  if (bic !== undefined) found.bic = bic;
  const currency = text(acct, "Ccy");
  if (currency !== undefined) found.currency = bankCurrency(currency, { line: doc.lineOf(acct), path: `${path}/Acct/Ccy` });
  const servicer = bic ?? text(acct, "Svcr", "FinInstnId", "Nm");
  return { account: found, ...(servicer !== undefined && { servicer }) };
}

/** A parsed camt.053 or camt.054 document; the caller has checked the XML is safe and well formed. */
export function camtBankFile(doc: XmlDocument, format: CamtFormat, version: number | undefined): BankFile {
  if (version !== undefined && (version < FIRST_VERSION || version > LAST_VERSION)) {
    refuse("UNSUPPORTED_BANK_FORMAT", `${format}.001.${String(version).padStart(2, "0")} is not supported (versions .001.02 to .001.${LAST_VERSION} are)`, { line: 1 });
  }
  const { message: messageName, report: reportName } = MESSAGES[format];
  const message = child(findDocument(doc.root), messageName);
  if (message === undefined) refuse("MALFORMED_BANK_FILE", `no Document/${messageName} element: this is not a ${format} message`, { path: "Document" });
  const messageId = text(message, "GrpHdr", "MsgId");
  const reports = children(message, reportName);
  if (reports.length === 0) refuse("MALFORMED_BANK_FILE", `the message has no ${reportName} element`, { line: doc.lineOf(message), path: messageName });

  const statements = reports.map((report, i): Statement => {
    const path = `${reportName}[${i + 1}]`;
    const createdAt = text(report, "CreDtTm") ?? text(message, "GrpHdr", "CreDtTm");
    const sequence = text(report, "ElctrncSeqNb") ?? text(report, "LglSeqNb");
    const reported = balances(doc, report, path);
    const { account: acct, servicer } = account(doc, report, path);
    // balances are kept in the account's currency: they name it when Acct/Ccy is left out
    const currency = acct.currency ?? reported.closingBalance?.currency ?? reported.openingBalance?.currency;
    return {
      id: text(report, "Id") ?? `${messageId ?? format}/${i + 1}`,
      account: { ...acct, ...(currency !== undefined && { currency }) },
      ...(servicer !== undefined && { servicer }),
      ...(createdAt !== undefined && { createdAt }),
      ...(sequence !== undefined && { sequence }),
      ...reported,
      entries: children(report, "Ntry").map((ntry, j) => camtEntry(doc, ntry, `${path}/Ntry[${j + 1}]`)),
    };
  });
  return { format, statements };
}
