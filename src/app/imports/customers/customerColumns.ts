import type { ColumnSpec } from "../header.js";

export type CustomerColumn =
  | "external_id"
  | "legal_name"
  | "tax_id"
  | "country"
  | "currency"
  | "language"
  | "segment"
  | "tags"
  | "parent_external_id"
  | "credit_limit"
  | "do_not_dun"
  | "contact_name"
  | "contact_email"
  | "contact_phone"
  | "contact_language";

/** Canonical customer columns (docs/formats.md) and the names ERP exports give them. */
export const CUSTOMER_COLUMNS: readonly ColumnSpec<CustomerColumn>[] = [
  { name: "external_id", required: true, aliases: ["customer id", "customer external id", "customer number", "customer no", "customer ref", "account number", "debtor id", "client id", "Kundennummer", "Kundennr", "Debitorennummer", "Debitorennr", "numéro client"] },
  { name: "legal_name", required: true, aliases: ["name", "company", "company name", "customer name", "customer", "legal entity", "Firma", "Firmenname", "Name 1", "Kunde", "raison sociale"] },
  { name: "tax_id", aliases: ["vat id", "vat number", "vat no", "tax number", "tax no", "USt-IdNr", "USt-ID", "UStId", "Steuernummer", "numéro TVA"] },
  { name: "country", aliases: ["country code", "Land", "Länderkennzeichen", "pays"] },
  { name: "currency", required: true, aliases: ["ccy", "currency code", "Währung", "devise"] },
  { name: "language", aliases: ["lang", "language code", "Sprache", "langue"] },
  { name: "segment", aliases: ["customer group", "group", "category", "Kundengruppe", "Segment"] },
  { name: "tags", aliases: ["labels", "Schlagworte"] },
  { name: "parent_external_id", aliases: ["parent", "parent id", "parent customer", "parent customer id", "parent account", "group parent", "Konzern", "Muttergesellschaft"] },
  { name: "credit_limit", aliases: ["limit", "credit line", "Kreditlimit", "Kreditlinie", "limite de crédit"] },
  { name: "do_not_dun", aliases: ["no dunning", "dunning block", "dunning blocked", "Mahnsperre"] },
  { name: "contact_name", aliases: ["contact", "contact person", "Ansprechpartner", "Kontakt"] },
  { name: "contact_email", aliases: ["email", "e-mail", "contact e-mail", "email address", "E-Mail-Adresse"] },
  { name: "contact_phone", aliases: ["phone", "telephone", "phone number", "Telefon", "Telefonnummer", "Tel", "téléphone"] },
  { name: "contact_language", aliases: ["contact lang"] },
];

/** The CustomerInput / ContactInput field behind each column. */
export const CUSTOMER_FIELD_OF: Record<CustomerColumn, string> = {
  external_id: "externalId",
  legal_name: "legalName",
  tax_id: "taxId",
  country: "country",
  currency: "currency",
  language: "language",
  segment: "segment",
  tags: "tags",
  parent_external_id: "parentExternalId",
  credit_limit: "creditLimit",
  do_not_dun: "doNotDun",
  contact_name: "primaryContact.name",
  contact_email: "primaryContact.email",
  contact_phone: "primaryContact.phone",
  contact_language: "primaryContact.language",
};
