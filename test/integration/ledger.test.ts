import { describe, expect, it } from "vitest";
import { recordPayment } from "../../src/app/payments/recordPayment.js";
import { createCreditNote } from "../../src/app/creditNotes/createCreditNote.js";
import { writeOff } from "../../src/app/allocations/writeOff.js";
import { allocate } from "../../src/app/allocations/allocate.js";
import { agingReport } from "../../src/app/reports/agingReport.js";
import { customerStatement } from "../../src/app/reports/customerStatement.js";
import { getInvoice } from "../../src/app/invoices/readInvoices.js";
import { findBalanceDrift } from "../../src/store/balances.js";
import { engineAvailable, useTestDatabase } from "../kit/database.js";
import { depsAt, newCustomer, newInvoice, newTenant } from "../kit/factories.js";

describe.skipIf(!engineAvailable())("ledger", () => {
  const t = useTestDatabase();

  it("pays the oldest open items first and keeps the rest on account", async () => {
    const deps = depsAt(t());
    const actor = await newTenant(deps);
    const c = await newCustomer(deps, actor);
    const older = await newInvoice(deps, actor, c.id, { dueDate: "2024-01-31", amount: "100.00" });
    const newer = await newInvoice(deps, actor, c.id, { issueDate: "2024-02-01", dueDate: "2024-03-01", amount: "50.00" });
    const { payment } = await recordPayment(deps, actor, { externalId: "P1", customerId: c.id, receivedOn: "2024-03-10", currency: "EUR", amount: "170.00" });
    expect(payment.unapplied).toBe("20.00");
    expect((await getInvoice(deps, actor, older.id)).open).toBe("0.00");
    expect((await getInvoice(deps, actor, newer.id)).status).toBe("settled");
    expect(await findBalanceDrift(deps.db, actor.tenantId)).toEqual([]);
  });

  it("shows the ledger as it stood on any past date", async () => {
    const deps = depsAt(t());
    const actor = await newTenant(deps);
    const c = await newCustomer(deps, actor);
    await newInvoice(deps, actor, c.id, { issueDate: "2024-01-01", dueDate: "2024-01-31", amount: "100.00" });
    await recordPayment(deps, actor, { externalId: "P1", customerId: c.id, receivedOn: "2024-04-15", currency: "EUR", amount: "40.00" });
    await recordPayment(deps, actor, { externalId: "P2", customerId: c.id, receivedOn: "2024-05-20", currency: "EUR", amount: "60.00" });

    const totalOn = async (asOf: string) => (await agingReport(deps, actor, { asOf })).totals.find((r) => r.currency === "EUR")?.total;
    expect(await totalOn("2023-12-31")).toBeUndefined();
    expect(await totalOn("2024-02-15")).toBe("100.00");
    expect(await totalOn("2024-04-15")).toBe("60.00");
    expect(await totalOn("2024-05-20")).toBeUndefined();
    const april = await agingReport(deps, actor, { asOf: "2024-04-20" });
    expect(april.buckets.map((b) => b.key)).toEqual(["not_due", "1-30", "31-60", "61-90", "91-120", "120+"]);
    expect(april.totals[0]!.buckets).toEqual(["0.00", "0.00", "0.00", "60.00", "0.00", "0.00"]); // 80 days past due
  });

  it("ages installments by their own due dates and splits buckets per currency", async () => {
    const deps = depsAt(t());
    const actor = await newTenant(deps);
    const c = await newCustomer(deps, actor);
    await newInvoice(deps, actor, c.id, {
      amount: "300.00",
      dueDate: undefined,
      installments: [{ dueDate: "2024-05-01", percent: "33.33" }, { dueDate: "2024-06-01", percent: "33.33" }, { dueDate: "2024-07-01", percent: "33.34" }],
    });
    await newInvoice(deps, actor, c.id, { currency: "JPY", amount: "5000", dueDate: "2024-06-20" });
    const report = await agingReport(deps, actor, { asOf: "2024-06-15", by: "customer" });
    const eur = report.totals.find((r) => r.currency === "EUR")!;
    expect(eur.buckets).toEqual(["100.02", "99.99", "99.99", "0.00", "0.00", "0.00"]);
    expect(eur.total).toBe("300.00");
    expect(report.totals.find((r) => r.currency === "JPY")!.buckets[0]).toBe("5000");
    expect(report.customers!.map((r) => r.currency).sort()).toEqual(["EUR", "JPY"]);
  });

  it("reduces an invoice by a credit note and a write-off, keeping unapplied credit on the statement", async () => {
    const deps = depsAt(t());
    const actor = await newTenant(deps);
    const c = await newCustomer(deps, actor);
    const inv = await newInvoice(deps, actor, c.id, { amount: "100.00" });
    await createCreditNote(deps, actor, { number: "CN-1", invoiceNumber: inv.number, issueDate: "2024-02-01", currency: "EUR", amount: "30.00" });
    await writeOff(deps, actor, { invoiceId: inv.id, amount: "20.00", reason: "goodwill", date: "2024-03-01" });
    const { payment } = await recordPayment(deps, actor, { externalId: "P9", customerId: c.id, receivedOn: "2024-03-05", currency: "EUR", amount: "80.00", invoices: [inv.number] });
    expect(payment.unapplied).toBe("30.00");
    const statement = await customerStatement(deps, actor, c.id, { asOf: "2024-06-30" });
    expect(statement.items).toEqual([]);
    expect(statement.totals).toEqual([{ currency: "EUR", open: "0.00", overdue: "0.00", credits: "30.00", balance: "-30.00" }]);
    const february = await customerStatement(deps, actor, c.id, { asOf: "2024-02-15" });
    expect(february.items[0]).toMatchObject({ open: "70.00", daysPastDue: 15 });
  });

  it("applies cash on account to a later invoice", async () => {
    const deps = depsAt(t());
    const actor = await newTenant(deps);
    const c = await newCustomer(deps, actor);
    const { payment } = await recordPayment(deps, actor, { externalId: "PA", customerId: c.id, receivedOn: "2024-01-05", currency: "EUR", amount: "25.00" });
    const inv = await newInvoice(deps, actor, c.id, { issueDate: "2024-02-01", dueDate: "2024-03-01", amount: "100.00" });
    const [applied] = await allocate(deps, actor, { paymentId: payment.id, invoiceId: inv.id });
    expect(applied).toMatchObject({ amount: "25.00", appliedOn: "2024-02-01" });
    await expect(allocate(deps, actor, { paymentId: payment.id, invoiceId: inv.id })).rejects.toMatchObject({ error: { code: "OVER_ALLOCATION" } });
  });
});

describe.skipIf(!engineAvailable())("ledger input rules", () => {
  const t = useTestDatabase();

  it("refuses a payment or credit note of zero, naming the field", async () => {
    const deps = depsAt(t());
    const actor = await newTenant(deps);
    const c = await newCustomer(deps, actor);
    await expect(recordPayment(deps, actor, { externalId: "P0", customerId: c.id, receivedOn: "2024-03-10", currency: "EUR", amount: "0.00" })).rejects.toMatchObject({ error: { code: "INVALID_AMOUNT", path: "amount" } });
    await expect(createCreditNote(deps, actor, { number: "CN0", customerId: c.id, issueDate: "2024-03-10", currency: "EUR", amount: "0" })).rejects.toMatchObject({ error: { code: "INVALID_AMOUNT", path: "amount" } });
    await expect(recordPayment(deps, actor, { externalId: "P1", customerId: c.id, receivedOn: "2024-03-10", currency: "JPY", amount: "10.5" })).rejects.toMatchObject({ error: { code: "TOO_MANY_DECIMALS", path: "amount" } });
  });
});
