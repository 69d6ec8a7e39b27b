import { performance } from "node:perf_hooks";
import { todayIn } from "../../domain/dates/clock.js";
import { analyzeLedger, copyLedgerChunk, countOpenInvoices, deleteTenant, recomputeTenantBalances } from "../../store/bulkLoad.js";
import * as tenants from "../../store/tenants.js";
import { updateChannelSettings } from "../settings/updateChannelSettings.js";
import { createApiKey, type CreatedApiKey } from "../access/apiKeys.js";
import { audit } from "../audit.js";
import type { Actor, AppDeps } from "../deps.js";
import { tenantView, type TenantView } from "../tenants/tenantView.js";
import type { BookCounts } from "./bookTypes.js";
import { addCounts, countChunk, generateBookChunks } from "./generateBook.js";

export interface LoadDemoCommand {
  tenantSlug?: string | undefined;
  customers: number;
  months: number;
  seed: number;
  /** Exact invoice count (benchmarks); default follows the generated company sizes. */
  invoices?: number | undefined;
  onProgress?: ((progress: { customersLoaded: number; customers: number; invoicesLoaded: number }) => void) | undefined;
}

export interface LoadDemoResult {
  tenant: TenantView;
  /** An admin key for the new tenant; shown once. */
  apiKey: CreatedApiKey;
  counts: Omit<BookCounts, "installments">;
  openInvoices: number;
  durationMs: number;
  /** Where the time went: generating the book, COPYing it, and the closing statistics and balance recompute. */
  timings: { generateMs: number; copyMs: number; recomputeMs: number };
}

const DEMO_TENANT = { name: "Demo Trading GmbH", base_currency: "EUR", country: "DE", timezone: "Europe/Berlin", language: "en" } as const;
const DEMO_CHANNELS = {
  email: { provider: "log", from: "Demo Trading GmbH <ar@demo-trading.example>" },
  sms: { provider: "log" },
  senderAddress: ["Hafenstraße 12", "20457 Hamburg", "Germany"],
  bank: { iban: "DE89 3704 0044 0532 0130 00", bic: "COBADEFFXXX", holder: "Demo Trading GmbH" },
};
const NO_COUNTS: BookCounts = { customers: 0, contacts: 0, invoices: 0, installments: 0, creditNotes: 0, payments: 0, allocations: 0 };

/**
 * Creates the demo tenant with a generated book ending today (in the tenant's time zone). An existing
 * tenant with the same slug is replaced: its rows are deleted and the new book loaded in the same
 * transaction, so a failed load leaves the old demo in place. Never point it at a real tenant's slug.
 */
export async function loadDemo(deps: AppDeps, cmd: LoadDemoCommand): Promise<LoadDemoResult> {
  const started = performance.now();
  const slug = cmd.tenantSlug ?? "demo";
  const endDate = todayIn(deps.clock, DEMO_TENANT.timezone).toString();
  const timings = { generateMs: 0, copyMs: 0, recomputeMs: 0 };
  const tenantId = deps.newId();
  const actor: Actor = { tenantId, role: "admin", name: "demo" };

  const { counts, openInvoices, tenant } = await deps.db.transaction().execute(async (tx) => {
    const existing = await tenants.findTenantBySlug(tx, slug);
    if (existing) await deleteTenant(tx, existing.tenant_id);
    await tenants.insertTenant(tx, { tenant_id: tenantId, slug, ...DEMO_TENANT });

    let counts = NO_COUNTS;
    const chunks = generateBookChunks({ customers: cmd.customers, months: cmd.months, seed: cmd.seed, endDate, invoices: cmd.invoices });
    for (;;) {
      const before = performance.now();
      const next = chunks.next();
      timings.generateMs += performance.now() - before;
      if (next.done) break;
      const copying = performance.now();
      await copyLedgerChunk(tx, tenantId, next.value);
      timings.copyMs += performance.now() - copying;
      counts = addCounts(counts, countChunk(next.value));
      cmd.onProgress?.({ customersLoaded: counts.customers, customers: cmd.customers, invoicesLoaded: counts.invoices });
    }
    const recomputing = performance.now();
    await analyzeLedger(tx);
    await recomputeTenantBalances(tx, tenantId);
    timings.recomputeMs = performance.now() - recomputing;

    await audit(tx, deps, actor, existing ? "demo.replace" : "demo.load", "tenant", tenantId, { customers: cmd.customers, months: cmd.months, seed: cmd.seed, endDate });
    return { counts, openInvoices: await countOpenInvoices(tx, tenantId), tenant: tenantView((await tenants.findTenantById(tx, tenantId))!) };
  });

  const apiKey = await createApiKey(deps, actor, { name: "demo admin", role: "admin" });
  // Reminders of the demo go to the log, never to the demo's made-up addresses.
  await updateChannelSettings(deps, actor, DEMO_CHANNELS);
  const { installments: _installments, ...documents } = counts;
  const round = (ms: number) => Math.round(ms);
  return {
    tenant,
    apiKey,
    counts: documents,
    openInvoices,
    durationMs: round(performance.now() - started),
    timings: { generateMs: round(timings.generateMs), copyMs: round(timings.copyMs), recomputeMs: round(timings.recomputeMs) },
  };
}
