import { z } from "zod";
import { agingBuckets, bucketThresholds, type AgingBucket } from "../../domain/aging/agingBuckets.js";
import { fail } from "../../domain/errors.js";
import { agingByCustomer, agingTotals, type AgingRowData } from "../../store/reports/aging.js";
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
  if (q.by !== "customer") return { asOf, buckets: buckets.value, totals: (await agingTotals(deps.db, params)).map(agingRow) };
  const rows = await agingByCustomer(deps.db, params);
  const customers = rows.map((r) => ({ customerId: r.customer_id, externalId: r.external_id, legalName: r.legal_name, ...agingRow(r) }));
  return { asOf, buckets: buckets.value, totals: sumByCurrency(rows).map(agingRow), customers };
}

const agingRow = (r: AgingRowData): AgingRow => ({
  currency: r.currency,
  buckets: r.amounts.map((a) => amountText(a, r.currency)),
  total: amountText(r.amounts.reduce((s, a) => s + a, 0n), r.currency),
  items: Number(r.items),
});

/** Currency totals from the per-customer rows, so both views of one report agree to the unit. */
function sumByCurrency(rows: readonly AgingRowData[]): AgingRowData[] {
  const totals = new Map<string, AgingRowData>();
  for (const r of rows) {
    const t = totals.get(r.currency);
    if (!t) totals.set(r.currency, { currency: r.currency, amounts: [...r.amounts], items: r.items });
    else {
      r.amounts.forEach((a, i) => (t.amounts[i]! += a));
      t.items += r.items;
    }
  }
  return [...totals.values()].sort((a, b) => a.currency.localeCompare(b.currency));
}
