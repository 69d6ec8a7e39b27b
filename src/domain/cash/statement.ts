import type { Currency } from "../money/currency.js";

/**
 * A bank file as Dunwell reads it, whatever the bank sent (camt.053/054, MT940, BAI2, CSV): statements
 * of one account each, holding booked entries, each with one or more transactions. Plain values only,
 * so the parsers (src/adapters/bank) and the matching rules (src/domain) share one shape.
 *
 * Amounts are bigint minor units of the currency next to them; dates are ISO `YYYY-MM-DD` strings.
 * Fields a format does not carry are absent, never guessed; docs/bank-files.md says which format fills which.
 */
export type BankFileFormat = "camt.053" | "camt.054" | "mt940" | "bai2" | "csv";

export const BANK_FILE_FORMATS: readonly BankFileFormat[] = ["camt.053", "camt.054", "mt940", "bai2", "csv"];

export interface BankFile {
  format: BankFileFormat;
  statements: Statement[];
}

export interface BankAccount {
  iban?: string;
  /** Account number when the bank gives no IBAN (BBAN, BAI2 account, MT940 `:25:` text). */
  number?: string;
  bic?: string;
  currency?: Currency;
}

/** A dated balance; `amount` is signed: negative is a debit (overdrawn) balance. */
export interface Balance {
  amount: bigint;
  currency: Currency;
  date: string;
}

export interface Statement {
  /** The bank's statement or notification id, or one derived from the file when the format has none. */
  id: string;
  account: BankAccount;
  /** The account-servicing bank (BIC or the bank's identifier in the file). */
  servicer?: string;
  createdAt?: string;
  /** Electronic sequence or MT940 `:28C:` statement number, when given. */
  sequence?: string;
  openingBalance?: Balance;
  closingBalance?: Balance;
  entries: Entry[];
}

export type Direction = "credit" | "debit";

/** One booking on the account. A batch booking carries its individual transactions in `details`. */
export interface Entry {
  /** The bank's reference for the booking (camt AcctSvcrRef or NtryRef, MT940 `//` bank reference, BAI2 bank reference); null when the bank gives none. */
  ref: string | null;
  /** The account owner's reference (MT940 `:61:` reference for the account owner, BAI2 customer reference); not unique per booking. */
  customerRef?: string;
  bookingDate: string;
  valueDate: string;
  /** Never negative; the sign is `direction`. */
  amount: bigint;
  currency: Currency;
  /** The effect on the account: a reversal of a credit is a debit with `reversal: true`. */
  direction: Direction;
  reversal: boolean;
  /** camt status (BOOK, PDNG, INFO); absent where the format only reports booked entries. */
  status?: string;
  /** camt domain/family/sub-family (PMNT/RCDT/ESCT) or the proprietary code; MT940 transaction type with the German GVC (NTRF/166); BAI2 type code. */
  bankTxCode?: string;
  /** The bank's own description of the booking (camt AddtlNtryInf, MT940 supplementary details and booking text). */
  additionalInfo?: string;
  /** For batch bookings: how many transactions the bank says it holds (they may not all be detailed). */
  batchSize?: number;
  /** At least one; a batch booking has one per transaction the bank details. */
  details: TxDetail[];
  /** The line of the file where the entry starts, for messages about it. */
  line?: number;
}

export interface StructuredRemittance {
  /** ISO 11649 RF reference or another creditor reference (national, QR, ISR) as the payer sent it. */
  creditorReference?: string;
  /** SCOR for ISO creditor references, else the proprietary type the bank names (QRR, ISR Reference). */
  referenceType?: string;
  /** Referred commercial invoices (camt RfrdDocInf CINV and similar). */
  invoiceNumbers?: string[];
  /** Referred credit notes (camt RfrdDocInf CREN). */
  creditNoteNumbers?: string[];
}

export interface Remittance {
  /** Free-text lines as the bank gave them, runs of whitespace collapsed, empty ones dropped. */
  unstructured: string[];
  structured: StructuredRemittance;
}

export interface Counterparty {
  name?: string;
  iban?: string;
  account?: string;
  bic?: string;
}

/** The payer's amount before conversion, when the bank converted it. */
export interface ForeignExchange {
  instructedAmount: bigint;
  instructedCurrency: Currency;
  /** Exchange rate as printed by the bank (a decimal string; never used for arithmetic here). */
  rate?: string;
}

/** One transaction inside an entry. */
export interface TxDetail {
  /** Only when the entry holds several transactions, or the bank states it. */
  amount?: bigint;
  currency?: Currency;
  endToEndId?: string;
  instructionId?: string;
  mandateId?: string;
  remittance: Remittance;
  /** The other side: the payer of a credit, the payee of a debit. */
  counterparty: Counterparty;
  /** ISO purpose code (camt Purp/Cd). */
  purpose?: string;
  fx?: ForeignExchange;
}

/** A transaction with nothing known about it but its entry: what a batch without details holds. */
export const emptyTxDetail = (): TxDetail => ({ remittance: { unstructured: [], structured: {} }, counterparty: {} });
