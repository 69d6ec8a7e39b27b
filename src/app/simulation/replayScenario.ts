import { addDays, compareDates, isoDate } from "../../domain/dates/plainDate.js";
import { Failure } from "../../domain/errors.js";
import { writeOff } from "../allocations/writeOff.js";
import { runCollections } from "../collections/runCollections.js";
import { createCreditNote } from "../creditNotes/createCreditNote.js";
import { addContact } from "../customers/contacts.js";
import { createCustomer } from "../customers/createCustomer.js";
import type { Actor, AppDeps } from "../deps.js";
import { createInvoice } from "../invoices/createInvoice.js";
import { resolveInvoice } from "../invoices/resolveInvoice.js";
import { openDispute, resolveDispute } from "../pauses/disputes.js";
import { placeHold, releaseHold } from "../pauses/holds.js";
import { recordPromise } from "../pauses/promises.js";
import { cancelPaymentPlan } from "../plans/cancelPaymentPlan.js";
import { createPaymentPlan } from "../plans/createPaymentPlan.js";
import { listCustomerPlans } from "../plans/listCustomerPlans.js";
import { resolveCustomer } from "../customers/resolveCustomer.js";
import { recordPayment } from "../payments/recordPayment.js";
import { applyPolicy } from "../policies/applyPolicy.js";
import { applySegment } from "../segments/segments.js";
import { createTenant } from "../tenants/createTenant.js";
import { setDefaultPolicy } from "../../store/collectionSettings.js";
import { activeHolds, findOpenDispute } from "../../store/pauses.js";
import { updateChannelSettings } from "../settings/updateChannelSettings.js";
import { discountTerms } from "./scenarioCharges.js";
import { policyInputOf, type Scenario, type ScenarioEvent } from "./scenarioSchema.js";
import { simulationResult, type SimulationResult } from "./simulationResult.js";

/**
 * Replays a scenario day by day through the real engine: each day's timeline events first, then the
 * daily run (unless the day says skipRun). The tenant is new; `deps` may be a throwaway database.
 */
export async function replayScenario(deps: AppDeps, scenario: Scenario, slug = "simulation"): Promise<SimulationResult> {
  const tenant = await createTenant(deps, { slug, name: scenario.settings.name ?? "Simulation", baseCurrency: scenario.settings.currency, country: scenario.settings.country, timezone: scenario.settings.timezone, language: scenario.settings.language ?? "en" });
  const actor: Actor = { tenantId: tenant.id, role: "admin", name: "simulation" };
  await setUp(deps, actor, scenario);
  const byDay = new Map<string, { event: ScenarioEvent; index: number }[]>();
  scenario.timeline.forEach((event, index) => byDay.set(event.date, [...(byDay.get(event.date) ?? []), { event, index }]));
  const last = isoDate(scenario.to);
  for (let day = isoDate(scenario.from); compareDates(day, last) <= 0; day = addDays(day, 1)) {
    const date = day.toString();
    const events = byDay.get(date) ?? [];
    for (const { event, index } of events) await atPath(`timeline[${index}]`, () => applyEvent(deps, actor, event, index));
    if (!events.some(({ event }) => event.type === "skipRun")) await runCollections(deps, actor, { asOf: date });
  }
  return simulationResult(deps, actor, scenario);
}

async function setUp(deps: AppDeps, actor: Actor, s: Scenario): Promise<void> {
  for (const [i, p] of s.policies.entries()) await atPath(`policies[${i}]`, () => applyPolicy(deps, actor, policyInputOf(p, s.settings.currency)));
  if (s.settings.allocation) await atPath("settings", () => updateChannelSettings(deps, actor, { allocationOrder: s.settings.allocation }));
  if (s.policies[0]) await setDefaultPolicy(deps.db, actor.tenantId, s.policies[0].id);
  for (const [i, segment] of s.segments.entries()) await atPath(`segments[${i}]`, () => applySegment(deps, actor, segment));
  for (const [i, c] of s.customers.entries()) {
    await atPath(`customers[${i}]`, async () => {
      const customer = await createCustomer(deps, actor, {
        externalId: c.id,
        legalName: c.name,
        currency: c.currency,
        country: c.country ?? s.settings.country,
        ...(c.language ? { language: c.language } : {}),
        ...(c.policy ? { policy: c.policy } : {}),
        ...(c.segment ? { segment: c.segment } : {}),
        ...(c.tags ? { tags: c.tags } : {}),
        ...(c.address ? { addressLines: c.address } : {}),
        ...(c.doNotDun ? { doNotDun: true } : {}),
      });
      if (c.email || c.phone) await addContact(deps, actor, customer.id, { name: c.name, ...(c.email ? { email: c.email } : {}), ...(c.phone ? { phone: c.phone } : {}), ...(c.language ? { language: c.language } : {}) });
    });
  }
  for (const [i, inv] of s.invoices.entries()) {
    await atPath(`invoices[${i}]`, () =>
      createInvoice(deps, actor, {
        number: inv.number,
        customerExternalId: inv.customer,
        currency: inv.currency,
        amount: inv.amount,
        issueDate: inv.issueDate,
        dueDate: inv.dueDate,
        ...(inv.installments ? { installments: inv.installments } : {}),
        ...(inv.doNotDun ? { doNotDun: true } : {}),
        ...(inv.discounts ? { terms: discountTerms(inv) } : {}),
      }),
    );
  }
}

async function applyEvent(deps: AppDeps, actor: Actor, e: ScenarioEvent, index: number): Promise<void> {
  switch (e.type) {
    case "payment": {
      const customer = await deps.db.selectFrom("customers").select("currency").where("tenant_id", "=", actor.tenantId).where("external_id", "=", e.customer).executeTakeFirstOrThrow();
      await recordPayment(deps, actor, { externalId: `SIM-PAY-${index + 1}`, customerExternalId: e.customer, receivedOn: e.date, currency: e.currency ?? customer.currency, amount: e.amount, ...(e.invoices ? { invoices: e.invoices } : {}), ...(e.reference ? { reference: e.reference } : {}) });
      return;
    }
    case "creditNote": {
      const invoice = await resolveInvoice(deps.db, actor.tenantId, { invoiceNumber: e.invoice });
      await createCreditNote(deps, actor, { number: `SIM-CN-${index + 1}`, invoiceNumber: e.invoice, issueDate: e.date, currency: invoice.currency, amount: e.amount });
      return;
    }
    case "writeOff": {
      const invoice = await resolveInvoice(deps.db, actor.tenantId, { invoiceNumber: e.invoice });
      await writeOff(deps, actor, { invoiceId: invoice.id, date: e.date, reason: e.reason ?? "scenario write-off", ...(e.amount ? { amount: e.amount } : {}) });
      return;
    }
    case "dispute":
      await openDispute(deps, actor, { invoiceNumber: e.invoice, reason: e.reason ?? "other", openedOn: e.date });
      return;
    case "resolveDispute": {
      const invoice = await resolveInvoice(deps.db, actor.tenantId, { invoiceNumber: e.invoice });
      const dispute = await findOpenDispute(deps.db, actor.tenantId, invoice.id);
      if (!dispute) throw new Failure({ code: "UNKNOWN_REFERENCE", message: `invoice "${e.invoice}" has no open dispute on ${e.date}`, path: "invoice" });
      await resolveDispute(deps, actor, dispute.id, { outcome: e.outcome ?? "rejected", resolvedOn: e.date });
      return;
    }
    case "promise":
      await recordPromise(deps, actor, { customerExternalId: e.customer, amount: e.amount, promisedDate: e.promisedDate, madeOn: e.date, ...(e.currency ? { currency: e.currency } : {}), ...(e.graceDays !== undefined ? { graceDays: e.graceDays } : {}) });
      return;
    case "hold":
      await placeHold(deps, actor, { ...(e.invoice ? { invoiceNumber: e.invoice } : { customerExternalId: e.customer }), reason: e.reason ?? "scenario hold", from: e.date, ...(e.until ? { until: e.until } : {}) });
      return;
    case "releaseHold":
      for (const hold of await activeHolds(deps.db, actor.tenantId, e.customer)) await releaseHold(deps, actor, hold.id, { on: e.date });
      return;
    case "plan":
      await createPaymentPlan(deps, actor, { customerExternalId: e.customer, startedOn: e.date, installments: e.installments, ...(e.currency ? { currency: e.currency } : {}), ...(e.graceDays !== undefined ? { graceDays: e.graceDays } : {}) });
      return;
    case "cancelPlan": {
      const customer = await resolveCustomer(deps.db, actor.tenantId, { customerExternalId: e.customer });
      const active = (await listCustomerPlans(deps, actor, customer.id)).filter((p) => p.status === "active" && (!e.currency || p.currency === e.currency));
      if (active.length === 0) throw new Failure({ code: "UNKNOWN_REFERENCE", message: `customer "${e.customer}" has no active payment plan on ${e.date}`, path: "customer" });
      for (const plan of active) await cancelPaymentPlan(deps, actor, plan.id, { on: e.date, reason: "scenario cancellation" });
      return;
    }
    case "skipRun":
      return;
  }
}

/** Errors from the use cases name fields of their own input; prefix them with the scenario's JSON path. */
async function atPath<T>(path: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof Failure) throw new Failure({ ...error.error, path: error.error.path ? `${path}.${error.error.path}` : path });
    throw error;
  }
}
