import type { ErrorCode } from "../../../domain/errors.js";
import { CONTACT_FIELDS, CUSTOMER_FIELDS, type StagedContact, type StagedCustomer } from "../../../store/imports/customerStaging.js";
import { toMinor } from "../../inputs/fields.js";
import { ContactInput, CustomerInput, knownCurrency } from "../../inputs/ledgerInputs.js";
import { cell, parseFlag, splitList } from "../cellParsers.js";
import type { CsvRowContext, RowContext } from "../importKind.js";
import { checkRow, type CellIssue, type FieldCodes } from "../schemaRows.js";
import { CUSTOMER_FIELD_OF, type CustomerColumn } from "./customerColumns.js";

const FIELD_CODES: FieldCodes = { currency: "UNKNOWN_CURRENCY", country: "UNKNOWN_COUNTRY", creditLimit: "INVALID_AMOUNT" };

// CSV column ↔ CustomerInput field, and contact_* column ↔ ContactInput field.
const CONTACT_PREFIX = "primaryContact.";
const COLUMN_FIELDS = Object.entries(CUSTOMER_FIELD_OF) as [CustomerColumn, string][];
const COLUMN_OF_CUSTOMER_FIELD = new Map(COLUMN_FIELDS.filter(([, f]) => !f.startsWith(CONTACT_PREFIX)).map(([column, field]) => [field, column]));
const COLUMN_OF_CONTACT_FIELD = new Map(COLUMN_FIELDS.filter(([, f]) => f.startsWith(CONTACT_PREFIX)).map(([column, field]) => [field.slice(CONTACT_PREFIX.length), column]));
// cells copied as they are; tags, credit_limit and do_not_dun need converting first
const CONVERTED = new Set(["tags", "creditLimit", "doNotDun"]);

/** A CSV row becomes a CustomerInput (and a ContactInput) and is validated by the API's schemas. */
export function customerFromCsv(fields: readonly string[], row: number, ctx: CsvRowContext<CustomerColumn>): StagedCustomer | undefined {
  const { index, label } = ctx.header;
  const get = (column: CustomerColumn) => cell(fields, index[column]);
  let valid = true;
  const reject = (column: CustomerColumn, code: ErrorCode, message: string) => {
    ctx.run.reject(row, label(column), code, message);
    valid = false;
  };
  const customer: Record<string, unknown> = {};
  for (const [field, column] of COLUMN_OF_CUSTOMER_FIELD) {
    const value = CONVERTED.has(field) ? undefined : get(column);
    if (value !== undefined) customer[field] = value;
  }
  const tags = get("tags");
  if (tags !== undefined) customer.tags = splitList(tags);
  const limit = get("credit_limit");
  const currency = ctx.parsers.currency(get("currency") ?? "");
  if (limit !== undefined && currency.ok) {
    const amount = ctx.parsers.canonicalAmount(limit, currency.value);
    if (amount.ok) customer.creditLimit = amount.value;
    else reject("credit_limit", amount.error.code, amount.error.message);
  }
  const doNotDun = get("do_not_dun");
  if (doNotDun !== undefined) {
    const flag = parseFlag(doNotDun);
    if (flag === undefined) reject("do_not_dun", "VALIDATION_FAILED", `"${doNotDun}" is not yes/no (true/false, 1/0, ja/nein)`);
    else customer.doNotDun = flag;
  }
  let contact: Record<string, unknown> | undefined;
  for (const [field, column] of COLUMN_OF_CONTACT_FIELD) {
    const value = get(column);
    if (value !== undefined) (contact ??= {})[field] = value;
  }
  const labelOf = (issue: CellIssue, ofContact: boolean) => {
    const column = (ofContact ? COLUMN_OF_CONTACT_FIELD : COLUMN_OF_CUSTOMER_FIELD).get(issue.field);
    return column ? label(column) : issue.path;
  };
  const staged = stageCustomer(customer, contact, row, ctx, labelOf);
  if (!staged || !valid) return undefined;
  const inFile = (field: string, columns: Map<string, CustomerColumn>) => index[columns.get(field)!] !== undefined;
  staged.present = presentBits(CUSTOMER_BIT, (field) => inFile(field, COLUMN_OF_CUSTOMER_FIELD));
  if (staged.contact) staged.contact.present = presentBits(CONTACT_BIT, (field) => inFile(field, COLUMN_OF_CONTACT_FIELD));
  return staged;
}

/**
 * A JSON customer is a CustomerInput, optionally with a `primaryContact` in the ContactInput shape
 * (upserted as the customer's primary contact, like the contact_* CSV columns).
 */
export function customerFromJson(value: unknown, row: number, ctx: RowContext): StagedCustomer | undefined {
  const { primaryContact, ...customer } = (typeof value === "object" && value !== null ? value : {}) as Record<string, unknown>;
  const staged = stageCustomer(typeof value === "object" && value !== null ? customer : value, primaryContact, row, ctx, (issue, ofContact) => (ofContact ? `primaryContact.${issue.path}` : issue.path));
  if (!staged) return undefined;
  staged.present = presentBits(CUSTOMER_BIT, (field) => field in customer);
  if (staged.contact) staged.contact.present = presentBits(CONTACT_BIT, (field) => field in (primaryContact as object));
  return staged;
}

// Optional fields that an update leaves alone when the file does not give them.
const CUSTOMER_BIT: Record<string, number> = { taxId: CUSTOMER_FIELDS.taxId, country: CUSTOMER_FIELDS.country, language: CUSTOMER_FIELDS.language, segment: CUSTOMER_FIELDS.segment, tags: CUSTOMER_FIELDS.tags, parentExternalId: CUSTOMER_FIELDS.parent, creditLimit: CUSTOMER_FIELDS.creditLimit, doNotDun: CUSTOMER_FIELDS.doNotDun };
const CONTACT_BIT: Record<string, number> = { name: CONTACT_FIELDS.name, email: CONTACT_FIELDS.email, phone: CONTACT_FIELDS.phone, language: CONTACT_FIELDS.language };

const presentBits = (bits: Record<string, number>, given: (field: string) => boolean): number =>
  Object.entries(bits).reduce((acc, [field, bit]) => (given(field) ? acc | bit : acc), 0);

function stageCustomer(customer: unknown, contact: unknown, row: number, ctx: RowContext, labelOf: (issue: CellIssue, ofContact: boolean) => string): StagedCustomer | undefined {
  const checked = checkRow(CustomerInput, customer, FIELD_CODES);
  const checkedContact = contact === undefined ? undefined : checkRow(ContactInput, { ...(contact as object), isPrimary: true }, {});
  if (!checked.ok) for (const issue of checked.issues) ctx.run.reject(row, labelOf(issue, false), issue.code, issue.message);
  if (checkedContact && !checkedContact.ok) for (const issue of checkedContact.issues) ctx.run.reject(row, labelOf(issue, true), issue.code, issue.message);
  if (!checked.ok || (checkedContact && !checkedContact.ok)) return undefined;
  const input = checked.value;
  if (input.parentExternalId === input.externalId) {
    ctx.run.reject(row, labelOf({ path: "parentExternalId", field: "parentExternalId", code: "VALIDATION_FAILED", message: "" }, false), "VALIDATION_FAILED", "a customer cannot be its own parent");
    return undefined;
  }
  const c = checkedContact?.value;
  const staged: StagedContact | null = c ? { id: ctx.run.deps.newId(), name: c.name, email: c.email ?? null, phone: c.phone ?? null, language: c.language ?? null, present: 0 } : null;
  return {
    row,
    id: ctx.run.deps.newId(),
    externalId: input.externalId,
    legalName: input.legalName,
    taxId: input.taxId ?? null,
    country: input.country ?? null,
    currency: input.currency,
    language: input.language ?? null,
    segment: input.segment ?? null,
    tags: input.tags ?? null,
    parentExternalId: input.parentExternalId ?? null,
    creditLimit: input.creditLimit === undefined ? null : toMinor(input.creditLimit, knownCurrency(input.currency)),
    doNotDun: input.doNotDun ?? null,
    present: 0,
    contact: staged,
  };
}
