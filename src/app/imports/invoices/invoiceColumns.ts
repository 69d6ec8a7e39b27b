import type { ColumnSpec } from "../header.js";

export type InvoiceColumn =
  | "number"
  | "customer_external_id"
  | "issue_date"
  | "due_date"
  | "terms"
  | "currency"
  | "amount"
  | "tax_amount"
  | "po_number"
  | "description";

/** Canonical invoice columns (docs/formats.md) and the names ERP exports give them. */
export const INVOICE_COLUMNS: readonly ColumnSpec<InvoiceColumn>[] = [
  { name: "number", required: true, aliases: ["invoice", "invoice number", "invoice no", "invoice nr", "invoice id", "inv no", "document number", "Rechnungsnummer", "Rechnungsnr", "Rechnung", "Belegnummer", "Belegnr", "numéro de facture", "numero facture"] },
  { name: "customer_external_id", required: true, aliases: ["customer", "customer id", "customer number", "customer no", "customer ref", "account", "account number", "debtor", "debtor id", "client id", "Kundennummer", "Kundennr", "Kunde", "Debitor", "Debitorennummer", "Debitorennr", "numéro client"] },
  { name: "issue_date", required: true, aliases: ["date", "invoice date", "issued", "issued on", "document date", "Rechnungsdatum", "Belegdatum", "Datum", "date de facture"] },
  { name: "due_date", aliases: ["due", "due on", "payment due", "payment due date", "Fälligkeitsdatum", "Fälligkeit", "fällig am", "Fällig", "date d'échéance", "échéance"] },
  { name: "terms", aliases: ["payment terms", "Zahlungsbedingungen", "Zahlungsbedingung", "Zahlungsziel", "conditions de paiement"] },
  { name: "currency", required: true, aliases: ["ccy", "currency code", "Währung", "devise"] },
  { name: "amount", required: true, aliases: ["total", "total amount", "gross", "gross amount", "invoice amount", "invoice total", "Betrag", "Bruttobetrag", "Brutto", "Rechnungsbetrag", "Gesamtbetrag", "montant", "montant TTC"] },
  { name: "tax_amount", aliases: ["tax", "vat", "vat amount", "tax total", "MwSt", "USt", "Steuer", "Steuerbetrag", "TVA", "montant TVA"] },
  { name: "po_number", aliases: ["po", "po no", "purchase order", "purchase order number", "order number", "Bestellnummer", "Bestellung", "bon de commande"] },
  { name: "description", aliases: ["text", "memo", "note", "notes", "Beschreibung", "Buchungstext", "Text", "libellé"] },
];

/** The InvoiceInput field behind each column, for messages that mention both. */
export const INVOICE_FIELD_OF: Record<InvoiceColumn, string> = {
  number: "number",
  customer_external_id: "customerExternalId",
  issue_date: "issueDate",
  due_date: "dueDate",
  terms: "terms",
  currency: "currency",
  amount: "amount",
  tax_amount: "taxAmount",
  po_number: "poNumber",
  description: "description",
};
