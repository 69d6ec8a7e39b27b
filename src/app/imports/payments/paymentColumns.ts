import type { ColumnSpec } from "../header.js";

export type PaymentColumn =
  | "payment_id"
  | "customer_external_id"
  | "received_on"
  | "currency"
  | "amount"
  | "method"
  | "payer_name"
  | "payer_account"
  | "reference"
  | "invoices";

/** Canonical payment columns (docs/formats.md) and the names bank and ERP exports give them. */
export const PAYMENT_COLUMNS: readonly ColumnSpec<PaymentColumn>[] = [
  { name: "payment_id", required: true, aliases: ["external id", "payment external id", "payment ref", "payment reference id", "transaction id", "transaction", "id", "Zahlungsnummer", "Zahlungs-ID", "Buchungsnummer", "Transaktions-ID"] },
  { name: "customer_external_id", aliases: ["customer", "customer id", "customer number", "customer no", "account number", "debtor", "debtor id", "client id", "Kundennummer", "Kundennr", "Kunde", "Debitor", "Debitorennummer", "numéro client"] },
  { name: "received_on", required: true, aliases: ["date", "received", "received date", "payment date", "value date", "booking date", "paid on", "Zahlungsdatum", "Zahlungseingang", "Eingangsdatum", "Valuta", "Valutadatum", "Buchungsdatum", "Datum", "date de paiement"] },
  { name: "currency", required: true, aliases: ["ccy", "currency code", "Währung", "devise"] },
  { name: "amount", required: true, aliases: ["paid", "paid amount", "payment amount", "amount paid", "Betrag", "Zahlbetrag", "Zahlungsbetrag", "montant"] },
  { name: "method", aliases: ["payment method", "type", "Zahlungsart", "Zahlweg", "mode de paiement"] },
  { name: "payer_name", aliases: ["payer", "name", "remitter", "Auftraggeber", "Zahler", "Name", "payeur"] },
  { name: "payer_account", aliases: ["iban", "account", "payer iban", "Konto", "Kontonummer", "IBAN Auftraggeber"] },
  { name: "reference", aliases: ["remittance", "remittance info", "remittance information", "purpose", "memo", "Verwendungszweck", "Referenz", "libellé"] },
  { name: "invoices", aliases: ["invoice", "invoice numbers", "invoice number", "invoice no", "applies to", "Rechnungen", "Rechnungsnummer", "Rechnungsnummern", "factures"] },
];

/** The PaymentInput field behind each column. */
export const PAYMENT_FIELD_OF: Record<PaymentColumn, string> = {
  payment_id: "externalId",
  customer_external_id: "customerExternalId",
  received_on: "receivedOn",
  currency: "currency",
  amount: "amount",
  method: "method",
  payer_name: "payerName",
  payer_account: "payerAccount",
  reference: "reference",
  invoices: "invoices",
};
