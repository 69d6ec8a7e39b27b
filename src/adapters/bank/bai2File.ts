import { emptyTxDetail, type BankFile, type Direction, type Entry, type Statement, type TxDetail } from "../../domain/cash/statement.js";
import type { Currency } from "../../domain/money/index.js";
import { bai2Amount, bai2Records, readFunds, type Bai2Record } from "./bai2Records.js";
import { bankCurrency, cleanText, refuse, shortDate, type FileLocation } from "./bankValues.js";

export interface Bai2Options {
  /** Refuse files whose 49/98/99 trailers do not match the amounts and record counts (default true). */
  checkControlTotals?: boolean;
}

const at = (record: Bai2Record): FileLocation => ({ line: record.line, path: `${record.code} record` });

/** Credit and debit ranges of BAI2 detail type codes, standard (100–699) and customized (920–999). */
function direction(typeCode: string, where: FileLocation): Direction {
  const code = Number(typeCode);
  if ((code >= 100 && code <= 399) || (code >= 920 && code <= 959)) return "credit";
  if ((code >= 400 && code <= 699) || (code >= 960 && code <= 999)) return "debit";
  return refuse("MALFORMED_BANK_FILE", `type code "${typeCode}" is neither a credit (100–399, 920–959) nor a debit (400–699, 960–999) detail`, where);
}

// "KEY: value" continuation lines some banks send (Goldman Sachs): end-to-end id, remittance, and the parties
const PAYER_KEYS = { name: "DBNM", account: "DACT", bic: "DBIC" } as const;
const PAYEE_KEYS = { name: "CRNM", account: "CACT", bic: "CBIC" } as const;

function detail(text: string | undefined, continuations: string[], side: Direction): TxDetail {
  const tx = emptyTxDetail();
  const keyed = new Map<string, string>();
  for (const line of [text, ...continuations]) {
    const cleaned = cleanText(line);
    if (cleaned === undefined) continue;
    const pair = /^([A-Z]{4}): ?(.*)$/.exec(cleaned);
    if (pair && !pair[2]) continue;
    if (pair && !keyed.has(pair[1]!)) keyed.set(pair[1]!, pair[2]!);
    tx.remittance.unstructured.push(pair?.[1] === "REMI" ? pair[2]! : cleaned);
  }
  const endToEndId = keyed.get("EREF");
  if (endToEndId) tx.endToEndId = endToEndId;
  const keys = side === "credit" ? PAYER_KEYS : PAYEE_KEYS;
  for (const [field, key] of Object.entries(keys) as [keyof typeof keys, string][]) {
    const value = keyed.get(key);
    if (value) tx.counterparty[field] = value;
  }
  return tx;
}

interface OpenAccount {
  statement: Statement;
  header: Bai2Record;
  computed: bigint;
  records: number;
}

interface OpenGroup {
  header: Bai2Record;
  originator: string;
  asOf: string;
  currency: string;
  computed: bigint;
  accounts: number;
  records: number;
  seen: Map<string, number>;
}

function checkTrailer(options: Bai2Options, record: Bai2Record, what: string, expected: { total: bigint; records: number; count?: number; countName?: string }): void {
  if (options.checkControlTotals === false) return;
  const where = at(record);
  const total = bai2Amount(record.fields[0] ?? "", where, true);
  if (total !== expected.total) refuse("CONTROL_TOTAL_MISMATCH", `${what}: the control total is ${total} but the amounts add up to ${expected.total}`, where);
  const countField = expected.count === undefined ? 1 : 2;
  if (expected.count !== undefined && Number(record.fields[1]) !== expected.count) {
    refuse("CONTROL_TOTAL_MISMATCH", `${what}: the trailer says ${record.fields[1]} ${expected.countName} but there are ${expected.count}`, where);
  }
  if (Number(record.fields[countField]) !== expected.records) {
    refuse("CONTROL_TOTAL_MISMATCH", `${what}: the trailer says ${record.fields[countField]} records but there are ${expected.records}`, where);
  }
}

function openAccount(record: Bai2Record, group: OpenGroup): OpenAccount {
  const [number = "", currencyCode = ""] = record.fields.map((f) => f.trim());
  const currency: Currency = bankCurrency(currencyCode || group.currency || "USD", { ...at(record), path: "03 record, currency" });
  const statement: Statement = { id: "", account: { number, currency }, servicer: group.originator, entries: [] };
  const occurrence = (group.seen.get(number) ?? 0) + 1;
  group.seen.set(number, occurrence);
  statement.id = `${group.originator}/${group.asOf}/${number}${occurrence > 1 ? `#${occurrence}` : ""}`;
  let computed = 0n;
  // groups of type code, amount, item count, funds type (and its fields); banks pad status groups with
  // extra empty fields or send empty groups, so empty fields between groups are skipped
  for (let i = 2; i < record.fields.length; ) {
    if (record.fields[i]!.trim() === "") {
      i++;
      continue;
    }
    const [typeCode = "", amountText = ""] = record.fields.slice(i, i + 2).map((f) => f.trim());
    i = readFunds(record.fields, i + 3, at(record)).next;
    const amount = amountText === "" ? 0n : bai2Amount(amountText, at(record), true);
    computed += amount;
    if (typeCode === "010") statement.openingBalance = { amount, currency, date: group.asOf };
    if (typeCode === "015") statement.closingBalance = { amount, currency, date: group.asOf };
  }
  return { statement, header: record, computed, records: record.physical };
}

function entry(record: Bai2Record, account: OpenAccount, group: OpenGroup): Entry {
  const where = at(record);
  const fields = record.fields;
  const typeCode = (fields[0] ?? "").trim();
  const amount = bai2Amount(fields[1] ?? "", where, false);
  const { funds, next } = readFunds(fields, 2, where);
  const bankRef = fields[next]?.trim();
  const customerRef = fields[next + 1]?.trim();
  const side = direction(typeCode, where);
  const result: Entry = {
    ref: bankRef ? bankRef : null,
    bookingDate: group.asOf,
    valueDate: funds.valueDate ?? group.asOf,
    amount,
    currency: account.statement.account.currency!,
    direction: side,
    reversal: false,
    bankTxCode: typeCode,
    details: [detail(fields.slice(next + 2).join(","), record.continuations, side)],
    line: record.line,
  };
  if (customerRef) result.customerRef = customerRef;
  return result;
}

/** BAI2 cash-management files: one Statement per account record (03 … 49) of each group. */
export function bai2BankFile(text: string, options: Bai2Options = {}): BankFile {
  const records = bai2Records(text);
  const statements: Statement[] = [];
  const first = records[0];
  if (first?.code !== "01") refuse("MALFORMED_BANK_FILE", "a BAI2 file starts with a file header (01)", { line: first?.line ?? 1 });
  const version = first.fields[7]?.trim();
  if (version && version !== "2") refuse("UNSUPPORTED_BANK_FORMAT", `BAI version ${version}; Dunwell reads BAI2`, at(first));
  let group: OpenGroup | undefined;
  let account: OpenAccount | undefined;
  let fileTotal = 0n;
  let groups = 0;
  let fileRecords = 0;
  let ended = false;

  for (const record of records) {
    fileRecords += record.physical;
    if (ended) refuse("MALFORMED_BANK_FILE", "records after the file trailer (99)", at(record));
    if (group) group.records += record.physical;
    if (account && record.code !== "03") account.records += record.physical;
    const misplaced: (what: string) => never = (what) => refuse("MALFORMED_BANK_FILE", `${record.code} record ${what}`, at(record));
    switch (record.code) {
      case "01":
        if (record !== first) misplaced("after the start of the file");
        break;
      case "02": {
        if (group) misplaced("before the previous group's trailer (98)");
        const [, originator = "", , asOfDate = ""] = record.fields.map((f) => f.trim());
        const asOf = shortDate(asOfDate, { ...at(record), path: "02 record, as-of date" });
        group = { header: record, originator, asOf, currency: (record.fields[5] ?? "").trim(), computed: 0n, accounts: 0, records: record.physical, seen: new Map() };
        break;
      }
      case "03":
        if (!group || account) misplaced(group ? "before the previous account's trailer (49)" : "outside a group");
        account = openAccount(record, group);
        break;
      case "16":
        if (!account || !group) misplaced("outside an account");
        account.statement.entries.push(entry(record, account, group));
        account.computed += account.statement.entries.at(-1)!.amount;
        break;
      case "49":
        if (!account || !group) misplaced("without an account");
        checkTrailer(options, record, `account ${account.statement.account.number}`, { total: account.computed, records: account.records });
        statements.push(account.statement);
        group.computed += account.computed;
        group.accounts++;
        account = undefined;
        break;
      case "98":
        if (!group || account) misplaced(group ? "before the account trailer (49)" : "without a group");
        checkTrailer(options, record, `group ${group.originator} ${group.asOf}`, { total: group.computed, records: group.records, count: group.accounts, countName: "accounts" });
        fileTotal += group.computed;
        groups++;
        group = undefined;
        break;
      case "99":
        if (group) misplaced("before the group trailer (98)");
        checkTrailer(options, record, "file", { total: fileTotal, records: fileRecords, count: groups, countName: "groups" });
        ended = true;
        break;
    }
  }
  if (!ended) refuse("MALFORMED_BANK_FILE", "the file ends without a file trailer (99); it may be cut off", { line: records.at(-1)!.line });
  return { format: "bai2", statements };
}
