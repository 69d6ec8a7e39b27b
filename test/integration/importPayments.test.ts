import { describe, expect, it } from "vitest";
import type { Actor, AppDeps } from "../../src/app/deps.js";
import { importFile } from "../../src/app/imports/importFile.js";
import { recordPayment } from "../../src/app/payments/recordPayment.js";
import { findBalanceDrift } from "../../src/store/balances.js";
import { engineAvailable, useTestDatabase } from "../kit/database.js";
import { csvFile, depsAt, newTenant } from "../kit/factories.js";

const PAYMENTS = "payment_id,customer_external_id,received_on,currency,amount,invoices,reference";

describe.skipIf(!engineAvailable())("import: payments", () => {
  const t = useTestDatabase();

  /** Two customers; C-1 has three EUR invoices and one USD invoice, C-2 one EUR invoice. */
  async function ledger(deps: AppDeps): Promise<Actor> {
    const actor = await newTenant(deps);
    await importFile(deps, actor, "customers", csvFile("external_id,legal_name,currency", "C-1,Acme,EUR", "C-2,Beta,EUR"));
    await importFile(deps, actor, "invoices", csvFile(
      "number,customer_external_id,issue_date,due_date,currency,amount",
      "I-3,C-1,2024-01-20,2024-02-19,EUR,30.00",
      "I-1,C-1,2024-01-01,2024-01-31,EUR,10.00",
      "I-2,C-1,2024-01-10,2024-01-31,EUR,20.00",
      "U-1,C-1,2023-12-01,2023-12-31,USD,99.00",
      "B-1,C-2,2024-03-01,2024-03-31,EUR,50.00",
    ));
    return actor;
  }

  const openAmounts = async (tenantId: string) =>
    Object.fromEntries((await t().db.selectFrom("invoices").select(["number", "open_amount"]).where("tenant_id", "=", tenantId).execute()).map((r) => [r.number, r.open_amount]));
  const unapplied = async (tenantId: string) =>
    Object.fromEntries((await t().db.selectFrom("payments").select(["external_id", "unapplied_amount"]).where("tenant_id", "=", tenantId).execute()).map((r) => [r.external_id, r.unapplied_amount]));

  it("pays named invoices in the order named and leaves the rest unapplied", async () => {
    const deps = depsAt(t());
    const actor = await ledger(deps);
    const report = await importFile(deps, actor, "payments", csvFile(PAYMENTS, "P-1,C-1,2024-02-01,EUR,45.00,I-3|I-1,remittance"));
    expect(report).toMatchObject({ inserted: 1, rejected: 0 });
    expect(await openAmounts(actor.tenantId)).toMatchObject({ "I-3": 0n, "I-1": 0n, "I-2": 2_000n });
    expect(await unapplied(actor.tenantId)).toEqual({ "P-1": 500n });
    expect(await findBalanceDrift(t().db, actor.tenantId)).toEqual([]);
  });

  it("pays the oldest open items in the payment's currency first, payment after payment in file order", async () => {
    const deps = depsAt(t());
    const actor = await ledger(deps);
    await importFile(deps, actor, "payments", csvFile(PAYMENTS, "P-1,C-1,2024-02-01,EUR,15.00,,", "P-2,C-1,2024-02-02,EUR,40.00,,", "P-3,C-1,2024-02-03,EUR,20.00,,"));
    // I-1 and I-2 are due the same day: the earlier issue date goes first
    expect(await openAmounts(actor.tenantId)).toMatchObject({ "I-1": 0n, "I-2": 0n, "I-3": 0n, "U-1": 9_900n });
    expect(await unapplied(actor.tenantId)).toEqual({ "P-1": 0n, "P-2": 0n, "P-3": 1_500n });
    const allocations = await t().db.selectFrom("allocations").innerJoin("invoices", "invoices.id", "allocations.invoice_id").innerJoin("payments", "payments.id", "allocations.payment_id")
      .select(["payments.external_id as payment", "invoices.number", "allocations.amount", "allocations.applied_on"]).where("allocations.tenant_id", "=", actor.tenantId).orderBy("payments.external_id").orderBy("invoices.number").execute();
    expect(allocations).toEqual([
      { payment: "P-1", number: "I-1", amount: 1_000n, applied_on: "2024-02-01" },
      { payment: "P-1", number: "I-2", amount: 500n, applied_on: "2024-02-01" },
      { payment: "P-2", number: "I-2", amount: 1_500n, applied_on: "2024-02-02" },
      { payment: "P-2", number: "I-3", amount: 2_500n, applied_on: "2024-02-02" },
      { payment: "P-3", number: "I-3", amount: 500n, applied_on: "2024-02-03" },
    ]);
  });

  it("takes the customer from the first invoice named, and keeps a payment with neither as unapplied cash", async () => {
    const deps = depsAt(t());
    const actor = await ledger(deps);
    await importFile(deps, actor, "payments", csvFile(PAYMENTS, "P-1,,2024-02-01,EUR,50.00,B-1,", "P-2,,2024-02-01,EUR,7.00,,unknown payer"));
    const rows = await t().db.selectFrom("payments").leftJoin("customers", "customers.id", "payments.customer_id").select(["payments.external_id", "customers.external_id as customer", "payments.unapplied_amount"]).where("payments.tenant_id", "=", actor.tenantId).orderBy("payments.external_id").execute();
    expect(rows).toEqual([{ external_id: "P-1", customer: "C-2", unapplied_amount: 0n }, { external_id: "P-2", customer: null, unapplied_amount: 700n }]);
    // a payment received before the invoice was issued is applied on the issue date
    const applied = await t().db.selectFrom("allocations").select("applied_on").where("tenant_id", "=", actor.tenantId).executeTakeFirstOrThrow();
    expect(applied.applied_on).toBe("2024-03-01");
  });

  it("updates only the descriptive fields of a payment imported again", async () => {
    const deps = depsAt(t());
    const actor = await ledger(deps);
    await importFile(deps, actor, "payments", csvFile(PAYMENTS, "P-1,C-1,2024-02-01,EUR,15.00,,first"));
    const report = await importFile(deps, actor, "payments", csvFile(PAYMENTS, "P-1,C-1,2024-02-01,EUR,15.00,I-3,corrected"));
    expect(report).toMatchObject({ inserted: 0, updated: 1, unchanged: 0 });
    expect(await openAmounts(actor.tenantId)).toMatchObject({ "I-1": 0n, "I-2": 1_500n, "I-3": 3_000n });
    const payment = await t().db.selectFrom("payments").selectAll().where("tenant_id", "=", actor.tenantId).executeTakeFirstOrThrow();
    expect(payment.reference).toBe("corrected");
  });

  it("allocates exactly as recordPayment does, call by call", async () => {
    const deps = depsAt(t());
    const imported = await ledger(deps);
    const recorded = await ledger(deps);
    const lines = ["P-1,C-1,2024-02-01,EUR,12.00,,", "P-2,C-1,2024-02-05,EUR,25.00,I-3|I-2,", "P-3,,2024-02-06,EUR,60.00,B-1,", "P-4,C-1,2024-02-07,USD,100.00,,", "P-5,C-1,2024-02-08,EUR,30.00,,"];
    await importFile(deps, imported, "payments", csvFile(PAYMENTS, ...lines));
    for (const line of lines) {
      const [externalId, customer, receivedOn, currency, amount, invoices] = line.split(",");
      await recordPayment(deps, recorded, { externalId, receivedOn, currency, amount, ...(customer ? { customerExternalId: customer } : {}), ...(invoices ? { invoices: invoices.split("|") } : {}) });
    }
    expect(await openAmounts(imported.tenantId)).toEqual(await openAmounts(recorded.tenantId));
    expect(await unapplied(imported.tenantId)).toEqual(await unapplied(recorded.tenantId));
  });
});
