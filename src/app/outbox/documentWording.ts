/**
 * The fixed words of the PDFs a message carries (invoice copies, statements, the items table of a
 * letter), in the languages Dunwell ships templates for. Other languages print in English.
 */
export interface DocumentWording {
  copyOfInvoice: string;
  invoiceNumber: string;
  issueDate: string;
  dueDate: string;
  customer: string;
  terms: string;
  paymentReference: string;
  net: string;
  tax: string;
  invoiceAmount: string;
  openAmount: string;
  statement: string;
  asOf: string;
  invoice: string;
  amount: string;
  daysOverdue: string;
  total: string;
  bankDetails: string;
  /** File names: ASCII, no spaces. */
  invoiceFile: string;
  statementFile: string;
}

const WORDING: Readonly<Record<string, DocumentWording>> = {
  en: {
    copyOfInvoice: "Copy of invoice",
    invoiceNumber: "Invoice number",
    issueDate: "Issue date",
    dueDate: "Due date",
    customer: "Customer",
    terms: "Terms",
    paymentReference: "Payment reference",
    net: "Net amount",
    tax: "Tax",
    invoiceAmount: "Invoice amount",
    openAmount: "Open amount",
    statement: "Statement of account",
    asOf: "As of",
    invoice: "Invoice",
    amount: "Amount",
    daysOverdue: "Days overdue",
    total: "Total",
    bankDetails: "Bank details",
    invoiceFile: "invoice",
    statementFile: "statement",
  },
  de: {
    copyOfInvoice: "Kopie der Rechnung",
    invoiceNumber: "Rechnungsnummer",
    issueDate: "Rechnungsdatum",
    dueDate: "Fällig am",
    customer: "Kunde",
    terms: "Zahlungsbedingungen",
    paymentReference: "Verwendungszweck",
    net: "Nettobetrag",
    tax: "Steuer",
    invoiceAmount: "Rechnungsbetrag",
    openAmount: "Offener Betrag",
    statement: "Kontoauszug",
    asOf: "Stand",
    invoice: "Rechnung",
    amount: "Betrag",
    daysOverdue: "Tage überfällig",
    total: "Summe",
    bankDetails: "Bankverbindung",
    invoiceFile: "rechnung",
    statementFile: "kontoauszug",
  },
  fr: {
    copyOfInvoice: "Copie de la facture",
    invoiceNumber: "Numéro de facture",
    issueDate: "Date de facture",
    dueDate: "Échéance",
    customer: "Client",
    terms: "Conditions de paiement",
    paymentReference: "Référence de paiement",
    net: "Montant HT",
    tax: "TVA",
    invoiceAmount: "Montant de la facture",
    openAmount: "Montant restant dû",
    statement: "Relevé de compte",
    asOf: "Au",
    invoice: "Facture",
    amount: "Montant",
    daysOverdue: "Jours de retard",
    total: "Total",
    bankDetails: "Coordonnées bancaires",
    invoiceFile: "facture",
    statementFile: "releve",
  },
  es: {
    copyOfInvoice: "Copia de la factura",
    invoiceNumber: "Número de factura",
    issueDate: "Fecha de emisión",
    dueDate: "Vencimiento",
    customer: "Cliente",
    terms: "Condiciones de pago",
    paymentReference: "Referencia de pago",
    net: "Base imponible",
    tax: "Impuestos",
    invoiceAmount: "Importe de la factura",
    openAmount: "Importe pendiente",
    statement: "Extracto de cuenta",
    asOf: "A fecha de",
    invoice: "Factura",
    amount: "Importe",
    daysOverdue: "Días de retraso",
    total: "Total",
    bankDetails: "Datos bancarios",
    invoiceFile: "factura",
    statementFile: "extracto",
  },
  nl: {
    copyOfInvoice: "Kopie van factuur",
    invoiceNumber: "Factuurnummer",
    issueDate: "Factuurdatum",
    dueDate: "Vervaldatum",
    customer: "Klant",
    terms: "Betalingsvoorwaarden",
    paymentReference: "Betalingskenmerk",
    net: "Nettobedrag",
    tax: "Btw",
    invoiceAmount: "Factuurbedrag",
    openAmount: "Openstaand bedrag",
    statement: "Rekeningoverzicht",
    asOf: "Per",
    invoice: "Factuur",
    amount: "Bedrag",
    daysOverdue: "Dagen achterstallig",
    total: "Totaal",
    bankDetails: "Bankgegevens",
    invoiceFile: "factuur",
    statementFile: "rekeningoverzicht",
  },
};

/** The wording for a BCP 47 tag: its base language ("de-AT" → German), else English. */
export const documentWording = (language: string): DocumentWording => WORDING[language.toLowerCase().split("-")[0]!] ?? WORDING.en!;
