import { sql } from "kysely";
import { copyField as f, copyTextArray } from "../engine/copy.js";
import type { Db } from "../schema.js";
import { copyLines } from "./stagingTables.js";

export interface StagedContact {
  id: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  language: string | null;
  /** CONTACT_FIELDS bits of the fields the file gave. */
  present: number;
}

export interface StagedCustomer {
  row: number;
  id: string;
  externalId: string;
  legalName: string;
  taxId: string | null;
  country: string | null;
  currency: string;
  language: string | null;
  segment: string | null;
  tags: string[] | null;
  parentExternalId: string | null;
  creditLimit: bigint | null;
  doNotDun: boolean | null;
  /** CUSTOMER_FIELDS bits; fields the file did not give keep their value on update. */
  present: number;
  /** The primary contact, when the row has contact fields. */
  contact: StagedContact | null;
}

export const CUSTOMER_FIELDS = { taxId: 1, country: 2, language: 4, segment: 8, tags: 16, parent: 32, creditLimit: 64, doNotDun: 128 } as const;
export const CONTACT_FIELDS = { name: 1, email: 2, phone: 4, language: 8 } as const;

const COLUMNS = ["row", "id", "external_id", "legal_name", "tax_id", "country", "currency", "language", "segment", "tags", "parent_external_id", "credit_limit", "do_not_dun", "present", "contact_id", "contact_name", "contact_email", "contact_phone", "contact_language", "contact_present"];

export async function createCustomerStaging(db: Db): Promise<void> {
  await sql`
    create temp table import_customers (
      row integer not null, id uuid not null, external_id text not null, legal_name text not null, tax_id text, country text,
      currency text not null, language text, segment text, tags text[], parent_external_id text, credit_limit bigint,
      do_not_dun boolean, present integer not null,
      contact_id uuid, contact_name text, contact_email text, contact_phone text, contact_language text, contact_present integer
    ) on commit drop`.execute(db);
}

export async function copyCustomers(db: Db, rows: readonly StagedCustomer[]): Promise<void> {
  const lines = rows.map((r) => {
    const c = r.contact;
    const contact = c ? `${c.id}\t${f(c.name)}\t${f(c.email)}\t${f(c.phone)}\t${f(c.language)}\t${c.present}` : "\\N\t\\N\t\\N\t\\N\t\\N\t\\N";
    return `${r.row}\t${r.id}\t${f(r.externalId)}\t${f(r.legalName)}\t${f(r.taxId)}\t${f(r.country)}\t${r.currency}\t${f(r.language)}\t${f(r.segment)}\t${r.tags ? copyTextArray(r.tags) : "\\N"}\t${f(r.parentExternalId)}\t${f(r.creditLimit)}\t${f(r.doNotDun)}\t${r.present}\t${contact}`;
  });
  await copyLines(db, "import_customers", COLUMNS, lines);
}

export interface CustomerProblem {
  row: number;
  problem: "currency_changed" | "unknown_parent";
  externalId: string;
  parentExternalId: string | null;
}

/** An existing customer whose currency would change, or a parent that is neither in the ledger nor in the file. */
export async function findCustomerProblems(db: Db, tenantId: string): Promise<CustomerProblem[]> {
  const result = await sql<CustomerProblem>`
    select s.row, 'currency_changed' as problem, s.external_id as "externalId", s.parent_external_id as "parentExternalId"
    from import_customers s join customers c on c.tenant_id = ${tenantId} and c.external_id = s.external_id
    where c.currency <> s.currency
    union all
    select s.row, 'unknown_parent', s.external_id, s.parent_external_id
    from import_customers s
    where s.parent_external_id is not null
      and not exists (select 1 from customers c where c.tenant_id = ${tenantId} and c.external_id = s.parent_external_id)
      and not exists (select 1 from import_customers o where o.external_id = s.parent_external_id)
    order by 1`.execute(db);
  return result.rows;
}

const rowsOf = (result: { rows: { row: number }[] }): number[] => result.rows.map((r) => r.row);

/**
 * Upserts the staged customers by external id, then links parents (which may be earlier or later in
 * the same file) and upserts primary contacts. Returns the rows inserted and the rows that changed.
 */
export async function upsertCustomers(db: Db, tenantId: string): Promise<{ inserted: number[]; changed: number[] }> {
  const F = CUSTOMER_FIELDS;
  const updated = await sql<{ row: number }>`
    update customers c set legal_name = n.legal_name, tax_id = n.tax_id, country = n.country, language = n.language,
      segment = n.segment, tags = n.tags, credit_limit = n.credit_limit, do_not_dun = n.do_not_dun, updated_at = now()
    from (
      select o.id, s.row, s.legal_name,
        case when s.present & ${F.taxId} <> 0 then s.tax_id else o.tax_id end as tax_id,
        case when s.present & ${F.country} <> 0 then s.country else o.country end as country,
        case when s.present & ${F.language} <> 0 then s.language else o.language end as language,
        case when s.present & ${F.segment} <> 0 then s.segment else o.segment end as segment,
        case when s.present & ${F.tags} <> 0 then coalesce(s.tags, '{}') else o.tags end as tags,
        case when s.present & ${F.creditLimit} <> 0 then s.credit_limit else o.credit_limit end as credit_limit,
        case when s.present & ${F.doNotDun} <> 0 then coalesce(s.do_not_dun, false) else o.do_not_dun end as do_not_dun
      from import_customers s join customers o on o.tenant_id = ${tenantId} and o.external_id = s.external_id
    ) n
    where c.tenant_id = ${tenantId} and c.id = n.id
      and (c.legal_name, c.tax_id, c.country, c.language, c.segment, c.tags, c.credit_limit, c.do_not_dun)
          is distinct from (n.legal_name, n.tax_id, n.country, n.language, n.segment, n.tags, n.credit_limit, n.do_not_dun)
    returning n.row`.execute(db);
  await sql`
    insert into customers (tenant_id, id, external_id, legal_name, tax_id, country, currency, language, segment, tags, credit_limit, do_not_dun)
    select ${tenantId}, s.id, s.external_id, s.legal_name, s.tax_id, s.country, s.currency, s.language, s.segment,
      coalesce(s.tags, '{}'), s.credit_limit, coalesce(s.do_not_dun, false)
    from import_customers s
    where not exists (select 1 from customers c where c.tenant_id = ${tenantId} and c.external_id = s.external_id)
    on conflict (tenant_id, external_id) do nothing`.execute(db);
  // only customers inserted just now carry the staged id
  const inserted = await sql<{ row: number }>`
    select s.row from import_customers s join customers c on c.tenant_id = ${tenantId} and c.id = s.id`.execute(db);
  const parents = await sql<{ row: number }>`
    update customers c set parent_id = p.id, updated_at = now()
    from import_customers s left join customers p on p.tenant_id = ${tenantId} and p.external_id = s.parent_external_id
    where c.tenant_id = ${tenantId} and c.external_id = s.external_id and s.present & ${F.parent} <> 0
      and c.parent_id is distinct from p.id
    returning s.row`.execute(db);
  const contacts = await upsertPrimaryContacts(db, tenantId);
  return { inserted: rowsOf(inserted), changed: [...rowsOf(updated), ...rowsOf(parents), ...contacts] };
}

/**
 * The primary contact of each staged customer that has contact fields: the customer's contact with
 * the same email if there is one (it becomes primary), else its current primary contact, else a new one.
 */
async function upsertPrimaryContacts(db: Db, tenantId: string): Promise<number[]> {
  const F = CONTACT_FIELDS;
  const result = await sql<{ row: number }>`
    with target as (
      select distinct on (c.id) s.row, c.id as customer_id, s.contact_id as new_id, ct.id as contact_id,
        case when s.contact_present & ${F.name} <> 0 then coalesce(s.contact_name, '') else coalesce(ct.name, '') end as name,
        case when s.contact_present & ${F.email} <> 0 then s.contact_email else ct.email end as email,
        case when s.contact_present & ${F.phone} <> 0 then s.contact_phone else ct.phone end as phone,
        case when s.contact_present & ${F.language} <> 0 then s.contact_language else ct.language end as language
      from import_customers s
      join customers c on c.tenant_id = ${tenantId} and c.external_id = s.external_id
      left join contacts ct on ct.tenant_id = ${tenantId} and ct.customer_id = c.id
        and (ct.is_primary or lower(ct.email) = lower(s.contact_email))
      where s.contact_present is not null
      order by c.id, (lower(ct.email) = lower(s.contact_email)) desc nulls last, ct.is_primary desc nulls last
    ),
    changed as (
      update contacts ct set name = t.name, email = t.email, phone = t.phone, language = t.language, is_primary = true, updated_at = now()
      from target t
      where ct.tenant_id = ${tenantId} and ct.id = t.contact_id
        and (ct.name, ct.email, ct.phone, ct.language, ct.is_primary) is distinct from (t.name, t.email, t.phone, t.language, true)
      returning t.row
    ),
    demoted as (
      update contacts ct set is_primary = false, updated_at = now()
      from target t
      where ct.tenant_id = ${tenantId} and ct.customer_id = t.customer_id and ct.is_primary and ct.id is distinct from t.contact_id
      returning t.row
    ),
    added as (
      insert into contacts (tenant_id, id, customer_id, name, email, phone, roles, language, is_primary)
      select ${tenantId}, t.new_id, t.customer_id, t.name, t.email, t.phone, '{accounts_payable}', t.language, true
      from target t where t.contact_id is null
      returning customer_id
    )
    select row from changed
    union select row from demoted
    union select t.row from added a join target t on t.customer_id = a.customer_id`.execute(db);
  return rowsOf(result);
}
