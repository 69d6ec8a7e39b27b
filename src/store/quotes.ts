import { sql, type RawBuilder } from "kysely";
import type { Db, InvoiceKind } from "./schema.js";
import { openItemsAsOf } from "./reports/openItemsAsOf.js";

/** An invoice of kind compensation (migration 0012) is a charge like a fee. */
export type ItemKind = InvoiceKind | "compensation";

/** A reduction of an item's principal: the net of its allocations applied on one day. */
export interface PrincipalReduction {
  on: string;
  amount: bigint;
}

/** One line of a payoff quote: an open item, or an ordinary item settled late whose interest may still be owed. */
export interface QuoteItemRow {
  invoice_id: string;
  installment_seq: number | null;
  number: string;
  kind: ItemKind;
  /** For a charge: the invoice (and installment) it belongs to. */
  charge_of: string | null;
  charge_of_seq: number | null;
  due_date: string;
  currency: string;
  /** The whole invoice, installments together: the size of the debt for the UK compensation bands. */
  invoice_amount: bigint;
  /** The item's own amount (the installment's for an installment). */
  amount: bigint;
  /** Open on the quote date; 0 for a late-settled item. */
  open: bigint;
  /** Set on late-settled items only: the day the last allocation brought it to zero. */
  settled_on: string | null;
  /** Ordinary items only, by date, up to the quote date. */
  reductions: PrincipalReduction[];
}

export interface QuoteItemsQuery {
  tenantId: string;
  customerId: string;
  asOf: string;
  /** Include items settled after their due date by the quote date, those settled on or after `since` (null: all); null leaves them out. */
  lateSettled: { since: string | null } | null;
}

type RawItem = Omit<QuoteItemRow, "reductions"> & { reductions: { on: string; amount: string }[] | null };

/**
 * The customer's items for a payoff quote in one round trip: everything open on the date (ordinary
 * items and charges) and, when asked, the ordinary items settled late, each ordinary item with its
 * dated principal reductions. Late-settled rows come from the settled_on cache, through the
 * customer's index.
 */
export async function quoteItems(db: Db, q: QuoteItemsQuery): Promise<QuoteItemRow[]> {
  const asOf = sql`${q.asOf}::date`;
  const lateSettled = (settledOn: RawBuilder<unknown>, dueDate: RawBuilder<unknown>) =>
    sql`${settledOn} > ${dueDate} and ${settledOn} <= ${asOf} ${q.lateSettled?.since ? sql`and ${settledOn} >= ${q.lateSettled.since}::date` : sql``}`;
  const settledBranches = q.lateSettled
    ? sql`
    union all
    select i.id, null::smallint, i.number, i.kind, null::uuid, null::smallint, i.due_date, i.currency, i.amount, i.amount, 0::bigint, i.settled_on
    from invoices i
    where i.tenant_id = ${q.tenantId} and i.customer_id = ${q.customerId} and i.kind = 'invoice' and not i.has_installments
      and ${lateSettled(sql`i.settled_on`, sql`i.due_date`)}
    union all
    select n.invoice_id, n.seq, i.number, i.kind, null::uuid, null::smallint, n.due_date, i.currency, i.amount, n.amount, 0::bigint, n.settled_on
    from invoices i join invoice_installments n on n.tenant_id = i.tenant_id and n.invoice_id = i.id
    where i.tenant_id = ${q.tenantId} and i.customer_id = ${q.customerId} and i.kind = 'invoice' and i.has_installments
      and ${lateSettled(sql`n.settled_on`, sql`n.due_date`)}`
    : sql``;
  const result = await sql<RawItem>`
    select q.*,
      case when q.kind = 'invoice' then (
        select json_agg(json_build_object('on', d.applied_on, 'amount', d.amount::text) order by d.applied_on)
        from (select a.applied_on, sum(a.amount) as amount from allocations a
              where a.tenant_id = ${q.tenantId} and a.invoice_id = q.invoice_id and a.installment_seq is not distinct from q.installment_seq
                and a.applied_on <= ${asOf}
              group by a.applied_on) d) end as reductions
    from (
      select o.invoice_id, o.installment_seq, i.number, i.kind, i.charge_of, i.charge_of_seq, o.due_date, i.currency,
        i.amount as invoice_amount, coalesce(n.amount, i.amount) as amount, o.open, null::date as settled_on
      from (${openItemsAsOf(q.tenantId, q.asOf, q.customerId)}) o
      join invoices i on i.tenant_id = ${q.tenantId} and i.id = o.invoice_id
      left join invoice_installments n on n.tenant_id = ${q.tenantId} and n.invoice_id = o.invoice_id and n.seq = o.installment_seq
      where o.open <> 0
      ${settledBranches}
    ) q
    order by q.currency, q.due_date, q.number, q.installment_seq`.execute(db);
  return result.rows.map(({ reductions, ...row }) => ({ ...row, reductions: (reductions ?? []).map((r) => ({ on: r.on, amount: BigInt(r.amount) })) }));
}

/** Charges posted for one item, per kind: how much was charged by the date and how much of it is still open. */
export interface PostedChargeRow {
  invoice_id: string;
  installment_seq: number | null;
  kind: Exclude<ItemKind, "invoice">;
  amount: bigint;
  open: bigint;
}

/** The customer's charges linked to an item, issued by the date, summed per item and kind (paid ones too). */
export async function postedCharges(db: Db, q: { tenantId: string; customerId: string; asOf: string }): Promise<PostedChargeRow[]> {
  const result = await sql<PostedChargeRow>`
    select c.charge_of as invoice_id, c.charge_of_seq as installment_seq, c.kind, sum(c.amount)::bigint as amount,
      sum(c.amount - coalesce((select sum(a.amount) from allocations a
        where a.tenant_id = c.tenant_id and a.invoice_id = c.id and a.applied_on <= ${q.asOf}::date), 0))::bigint as open
    from invoices c
    where c.tenant_id = ${q.tenantId} and c.customer_id = ${q.customerId} and c.charge_of is not null and c.issue_date <= ${q.asOf}::date
    group by c.charge_of, c.charge_of_seq, c.kind`.execute(db);
  return result.rows;
}
