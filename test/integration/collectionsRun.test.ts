import { describe, expect, it } from "vitest";
import { sql } from "kysely";
import { runCollections } from "../../src/app/collections/runCollections.js";
import { runDueTenants } from "../../src/app/collections/runDueTenants.js";
import { addUser } from "../../src/app/access/users.js";
import { applySegment } from "../../src/app/segments/segments.js";
import { appDeps, type AppDeps } from "../../src/app/deps.js";
import { getTenantById } from "../../src/app/tenants/findTenant.js";
import { fixedClock } from "../../src/domain/dates/clock.js";
import { addContact } from "../../src/app/customers/contacts.js";
import { recordPayment } from "../../src/app/payments/recordPayment.js";
import { actionsBetween } from "../../src/store/collections/actionsOfDay.js";
import { outboxOfTenant } from "../../src/store/outbox.js";
import { engineAvailable, useTestDatabase } from "../kit/database.js";
import { depsAt, newCustomer, newInvoice, newTenant } from "../kit/factories.js";

describe.skipIf(!engineAvailable())("daily collections run", () => {
  const t = useTestDatabase();

  it("sends one consolidated reminder per customer and currency, once, and stops when paid", async () => {
    const deps = depsAt(t());
    const actor = await newTenant(deps);
    const c = await newCustomer(deps, actor);
    await addContact(deps, actor, c.id, { name: "Ana", email: "ap@acme.example", roles: ["accounts_payable"] });
    const a = await newInvoice(deps, actor, c.id, { number: "A-1", issueDate: "2024-03-01", dueDate: "2024-03-31", amount: "100.00" });
    await newInvoice(deps, actor, c.id, { number: "A-2", issueDate: "2024-03-05", dueDate: "2024-04-04", amount: "50.00" });

    const first = await runCollections(deps, actor, { asOf: "2024-04-08" }); // Monday, +8 for A-1
    expect(first.performed).toEqual({ email: 1 });
    expect(first.skipped).toBe(2); // friendly and due-today, caught up
    const again = await runCollections(deps, actor, { asOf: "2024-04-08" });
    expect(again.performed).toEqual({});
    expect(again.skipped).toBe(0);

    const actions = await actionsBetween(deps.db, { tenantId: actor.tenantId, from: "2024-04-01", to: "2024-04-30" });
    expect(actions.filter((x) => x.status === "performed")).toMatchObject([{ step_id: "formal", channel: "email", invoices: ["A-1", "A-2"], overdue_amount: "15000" }]);
    const outbox = await outboxOfTenant(deps.db, actor.tenantId);
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ channel: "email", status: "pending", idempotency_key: `action:${actions.find((x) => x.status === "performed")!.id}` });

    await recordPayment(deps, actor, { externalId: "P1", customerId: c.id, receivedOn: "2024-04-09", currency: "EUR", amount: "150.00" });
    const afterPayment = await runCollections(deps, actor, { asOf: "2024-04-16" });
    expect(afterPayment.cleared).toBe(1);
    expect(afterPayment.performed).toEqual({});
    expect(a.number).toBe("A-1");
  });

  it("turns a reminder nobody can receive into a task to find a contact", async () => {
    const deps = depsAt(t());
    const actor = await newTenant(deps);
    const c = await newCustomer(deps, actor);
    await newInvoice(deps, actor, c.id, { issueDate: "2024-03-01", dueDate: "2024-03-31" });
    const summary = await runCollections(deps, actor, { asOf: "2024-04-08" });
    expect(summary.unreachable).toBe(1);
    expect(await outboxOfTenant(deps.db, actor.tenantId)).toEqual([]);
    const tasks = await deps.db.selectFrom("tasks").selectAll().where("tenant_id", "=", actor.tenantId).execute();
    expect(tasks).toMatchObject([{ kind: "no_contact", customer_id: c.id, status: "open" }]);
  });

  it("changes nothing on a dry run", async () => {
    const deps = depsAt(t());
    const actor = await newTenant(deps);
    const c = await newCustomer(deps, actor);
    await addContact(deps, actor, c.id, { email: "ap@acme.example" });
    await newInvoice(deps, actor, c.id, { issueDate: "2024-03-01", dueDate: "2024-03-31" });
    const dry = await runCollections(deps, actor, { asOf: "2024-04-08", dryRun: true });
    expect(dry.performed).toEqual({ email: 1 });
    expect(await actionsBetween(deps.db, { tenantId: actor.tenantId, from: "2024-01-01", to: "2024-12-31" })).toEqual([]);
    expect((await runCollections(deps, actor, { asOf: "2024-04-08" })).performed).toEqual({ email: 1 });
  });

  it("assigns call tasks to the customer's collector, else to its segment's collector", async () => {
    const deps = depsAt(t());
    const actor = await newTenant(deps);
    const ana = await addUser(deps, actor, { email: "ana@creditor.example", name: "Ana", role: "collector", password: "correct horse battery" });
    const ben = await addUser(deps, actor, { email: "ben@creditor.example", name: "Ben", role: "collector", password: "correct horse battery" });
    await applySegment(deps, actor, { key: "north", name: "North", priority: 1, policy: "standard", collectorId: ana.id, conditions: [{ field: "tags", op: "contains", value: "north" }] });
    const inSegment = await newCustomer(deps, actor, { tags: ["north"] });
    const ownCollector = await newCustomer(deps, actor, { tags: ["north"], collectorId: ben.id });
    for (const c of [inSegment, ownCollector]) await newInvoice(deps, actor, c.id, { issueDate: "2024-03-01", dueDate: "2024-03-31" });
    await runCollections(deps, actor, { asOf: "2024-05-02" }); // +32 days: escalation and call
    const calls = await deps.db.selectFrom("tasks").select(["customer_id", "assignee_id"]).where("tenant_id", "=", actor.tenantId).where("kind", "=", "call").execute();
    expect(new Map(calls.map((c) => [c.customer_id, c.assignee_id]))).toEqual(new Map([[inSegment.id, ana.id], [ownCollector.id, ben.id]]));
  });

  it("runs each tenant once a day, after its local run time, and catches up when the server was down at that hour", async () => {
    const actor = await newTenant(depsAt(t()), { timezone: "Europe/Berlin" });
    const c = await newCustomer(depsAt(t()), actor);
    await addContact(depsAt(t()), actor, c.id, { email: "ap@acme.example" });
    await newInvoice(depsAt(t()), actor, c.id, { issueDate: "2024-03-01", dueDate: "2024-03-31" });
    const at = (instant: string) => appDeps(t().db, t().engine, fixedClock(instant));
    const mine = (runs: { summary: { actionIds: string[] } }[]) => runs.filter((r) => r.summary.actionIds.length > 0);
    await runDueTenants(at("2024-04-08T03:30:00Z")); // 05:30 in Berlin: before the run time
    expect(await tenantRuns(at("2024-04-08T03:30:00Z"), actor.tenantId)).toBeUndefined();
    const morning = await runDueTenants(at("2024-04-08T04:30:00Z")); // 06:30 in Berlin
    expect(mine(morning).length).toBeGreaterThanOrEqual(1);
    expect(await tenantRuns(at("2024-04-08T04:30:00Z"), actor.tenantId)).toBe("2024-04-08");
    const later = await runDueTenants(at("2024-04-08T10:00:00Z"));
    expect(later.map((r) => r.tenant)).not.toContain((await getTenantById(depsAt(t()), actor.tenantId)).slug);
  });
});

const tenantRuns = async (deps: AppDeps, tenantId: string) =>
  (await deps.db.selectFrom("collection_runs").select(sql<string>`run_date::text`.as("day")).where("tenant_id", "=", tenantId).executeTakeFirst())?.day;
