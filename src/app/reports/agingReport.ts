import { z } from "zod";
import { agingBuckets, bucketThresholds, type AgingBucket } from "../../domain/aging/agingBuckets.js";
import { fail } from "../../domain/errors.js";
import { agingByCustomer, agingTotals, type AgingCell } from "../../store/reports/aging.js";
import type { Actor, AppDeps } from "../deps.js";
import { zIsoDate } from "../inputs/fields.js";
import { parseInput } from "../inputs/validate.js";
import { getTenantById } from "../tenants/findTenant.js";
import { amountText } from "../views/money.js";
import { asOfOrToday } from "./asOfDate.js";

export const AgingQuery = z.object({
  asOf: zIsoDate.optional(),
  by: z.enum(["customer"]).optional(),
  /** Upper bounds of the past-due buckets in days, e.g. "30,60,90,120". */
  buckets: z
    .string()
    .regex(/^\d+(,\d+)*$/, "expected days such as 30,60,90,120")
    .transform((s) => s.split(",").map(Number))
    .optional(),
});

export interface AgingRow {
  currency: string;
  buckets: string[];
  total: string;
  items: number;
}

export interface AgingReport {
  asOf: string;
  buckets: AgingBucket[];
  totals: AgingRow[];
  customers?: (AgingRow & { customerId: string; externalId: string; legalName: string })[];
}

/** Open A/R by days past due at any date; each currency's total is exactly its open items' sum. */
export async function agingReport(deps: AppDeps, actor: Actor, query: unknown): Promise<AgingReport> {
  const q = parseInput(AgingQuery, query, "aging query");
  const tenant = await getTenantById(deps, actor.tenantId);
  const boundaries = q.buckets ?? tenant.agingBuckets;
  const buckets = agingBuckets(boundaries);
  if (!buckets.ok) return fail(buckets.error.code, buckets.error.message, { path: "buckets" });
  const asOf = asOfOrToday(deps, tenant, q.asOf);
  const params = { tenantId: actor.tenantId, asOf, thresholds: bucketThresholds(boundaries) };
  const width = buckets.value.length;

  if (q.by !== "customer") {
    return { asOf, buckets: buckets.value, totals: pivot(await agingTotals(deps.db, params), width, (c) => c.currency).map((g) => g.row) };
  }
  const cells = await agingByCustomer(deps.db, params);
  const customers = pivot(cells, width, (c) => `${c.customer_id}|${c.currency}`).map(({ first, row }) => ({
    customerId: first.customer_id,
    externalId: first.external_id,
    legalName: first.legal_name,
    ...row,
  }));
  return { asOf, buckets: buckets.value, totals: pivot(cells, width, (c) => c.currency).map((g) => g.row), customers };
}

/** Folds (group, bucket, amount) cells into one row per group with a column per bucket. */
function pivot<C extends AgingCell>(cells: readonly C[], width: number, groupOf: (c: C) => string): { first: C; row: AgingRow }[] {
  const groups = new Map<string, { first: C; amounts: bigint[]; items: number }>();
  for (const cell of cells) {
    const key = groupOf(cell);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { first: cell, amounts: new Array<bigint>(width).fill(0n), items: 0 }));
    group.amounts[cell.bucket]! += cell.amount;
    group.items += Number(cell.items);
  }
  return [...groups.values()].map(({ first, amounts, items }) => ({
    first,
    row: {
      currency: first.currency,
      buckets: amounts.map((a) => amountText(a, first.currency)),
      total: amountText(amounts.reduce((s, a) => s + a, 0n), first.currency),
      items,
    },
  }));
}
