import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Command } from "commander";
import { beforeAll, describe, expect, it } from "vitest";
import { handoffCase } from "../../src/app/handoff/handoffCase.js";
import { renderHandoffDossier } from "../../src/app/handoff/renderHandoffDossier.js";
import { registerHandoffCommands } from "../../src/cli/commands/handoffCommands.js";
import type { CliIo } from "../../src/cli/io.js";
import { engineAvailable, useTestDatabase } from "../kit/database.js";
import { depsAt, newCustomer, newTenant } from "../kit/factories.js";
import { readPdf } from "../unit/channels/pdfReader.js";
import { customerHandedOffToAgency, type HandedOffCustomer } from "./handoffScenario.js";

describe.skipIf(!engineAvailable())("hand-off case file", () => {
  const t = useTestDatabase();
  let scenario: HandedOffCustomer;
  beforeAll(async () => {
    scenario = await customerHandedOffToAgency(t());
  });
  const fileAsOf = (asOf?: string) => handoffCase(depsAt(t(), "2024-05-15"), scenario.actor, { customerId: scenario.customer.id }, { asOf });

  it("lists both items, the disputed one flagged, and the claim without it", async () => {
    const file = await fileAsOf();
    expect(file.asOf).toBe("2024-05-15");
    expect(file.creditor).toEqual({ name: "Test GmbH", country: "DE", addressLines: ["Hafenstraße 1", "20457 Hamburg"], bank: { iban: "DE89370400440532013000", bic: "COBADEFFXXX", holder: "Test GmbH" } });
    expect(file.debtor).toMatchObject({ externalId: scenario.customer.externalId, legalName: "Kunde AG", taxId: "DE123456789", country: "DE", addressLines: ["Lindenallee 5", "10115 Berlin"], language: "en", parent: { legalName: "Kunde Holding SE" }, handedOffOn: "2024-05-15" });
    expect(file.contacts).toMatchObject([{ name: "Jana Schulz", email: "ap@kunde.example", phone: "+49 30 1234567", roles: ["accounts_payable", "decision_maker"], isPrimary: true }]);
    expect(file.openItems).toMatchObject([
      { number: "INV-A", issueDate: "2024-01-01", dueDate: "2024-01-31", daysOverdue: 105, currency: "EUR", amount: "1000.00", open: "900.00", poNumber: "PO-7", disputed: false, dispute: null },
      { number: "INV-B", dueDate: "2024-01-31", daysOverdue: 105, amount: "250.00", open: "250.00", poNumber: null, disputed: true, dispute: { reason: "quality", status: "open" } },
    ]);
    expect(file.totals).toEqual([{ currency: "EUR", open: "1150.00", overdue: "1150.00", disputed: "250.00", credits: "0.00", claimed: "900.00" }]);
    expect(file.payments).toMatchObject([{ externalId: "P1", receivedOn: "2024-02-15", amount: { amount: "100.00", currency: "EUR" }, unapplied: "0.00" }]);
    expect(file.allocations).toMatchObject([{ invoiceNumber: "INV-A", kind: "payment", appliedOn: "2024-02-15", amount: { amount: "100.00", currency: "EUR" }, source: "P1" }]);
  });

  it("records every step in order up to the agency, with the policy that caused it", async () => {
    const file = await fileAsOf();
    const performed = file.actions.filter((a) => a.status === "performed");
    expect(performed.map((a) => [a.date, a.stepId, a.channel])).toEqual([
      ["2024-02-08", "formal", "email"],
      ["2024-03-01", "second", "email"],
      ["2024-04-02", "final", "letter"],
      ["2024-05-15", "agency", "agency"],
    ]);
    expect(performed[0]).toMatchObject({ amount: { amount: "1000.00", currency: "EUR" }, invoices: ["INV-A"], policy: { key: "standard", version: 1 } });
    expect(file.actions.filter((a) => a.status === "skipped").map((a) => [a.stepId, a.skipReason])).toEqual([
      ["friendly", "catch_up"],
      ["due-today", "catch_up"],
      ["escalate", "catch_up"],
      ["call", "catch_up"],
    ]);
    expect(file.handoff).toEqual({ date: "2024-05-15", stepId: "agency", channel: "agency", amount: { amount: "900.00", currency: "EUR" }, actionId: performed[3]!.id, policy: { key: "standard", version: 1 } });
  });

  it("keeps the promise, the dispute and every message in full", async () => {
    const file = await fileAsOf();
    expect(file.promises).toMatchObject([{ amount: { amount: "500.00", currency: "EUR" }, madeOn: "2024-02-09", promisedDate: "2024-02-20", status: "broken", resolvedOn: "2024-03-01", note: "CFO promised by phone" }]);
    expect(file.disputes).toMatchObject([{ invoiceNumber: "INV-B", reason: "quality", status: "open", openedOn: "2024-02-05", note: "pallets damaged" }]);
    const kinds = file.timeline.map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(["dispute_opened", "promise", "promise_broken", "message", "action"]));
    expect(file.timeline.map((e) => e.occurredOn)).toEqual(file.timeline.map((e) => e.occurredOn).sort());
    const messages = file.timeline.filter((e) => e.message !== null);
    expect(messages.map((e) => [e.occurredOn, e.message!.channel])).toEqual([
      ["2024-02-08", "email"],
      ["2024-03-01", "email"],
      ["2024-04-02", "letter"],
    ]);
    for (const m of messages) {
      expect(m.message!.text).toContain("INV-A");
      expect(m.message!.text).not.toContain("INV-B");
      expect(m.details).toMatchObject({ text: m.message!.text });
    }
    expect(messages[0]!.message!.to).toBe('"Jana Schulz" <ap@kunde.example>');
  });

  it("previews the file before the hand-off, as things stood on that day", async () => {
    const before = await fileAsOf("2024-02-20");
    expect(before.handoff).toBeNull();
    expect(before.actions.filter((a) => a.status === "performed").map((a) => a.stepId)).toEqual(["formal"]);
    expect(before.promises).toMatchObject([{ status: "open", resolvedOn: null }]);
    expect(before.openItems.map((i) => [i.number, i.open, i.daysOverdue])).toEqual([
      ["INV-A", "900.00", 20],
      ["INV-B", "250.00", 20],
    ]);
    expect(before.timeline.every((e) => e.occurredOn <= "2024-02-20")).toBe(true);
    const untouched = await newCustomer(depsAt(t()), scenario.actor, { legalName: "Quiet GmbH" });
    const empty = await handoffCase(depsAt(t()), scenario.actor, { customerExternalId: untouched.externalId }, { asOf: "2024-05-15" });
    expect(empty).toMatchObject({ openItems: [], totals: [], actions: [], timeline: [], handoff: null });
  });

  it("refuses a customer of another tenant and a malformed date", async () => {
    const other = await newTenant(depsAt(t()));
    await expect(handoffCase(depsAt(t()), other, { customerId: scenario.customer.id })).rejects.toMatchObject({ error: { code: "CUSTOMER_NOT_FOUND" } });
    await expect(fileAsOf("2024-02-30")).rejects.toMatchObject({ error: { code: "VALIDATION_FAILED", path: "asOf" } });
  });

  it("renders the dossier: cover, items, history, the messages' texts, numbered pages", async () => {
    const file = await fileAsOf();
    const pdf = await renderHandoffDossier(file, { paper: "A4" });
    expect(pdf.subarray(0, 4).toString("latin1")).toBe("%PDF");
    const pages = readPdf(pdf);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    const text = pages.map((p) => p.text).join("\n");
    expect(pages[0]!.text).toContain("Kunde AG");
    expect(pages[0]!.text).toContain("Test GmbH");
    expect(pages[0]!.text).toContain("€900.00");
    expect(pages[0]!.text).toContain(`1/${pages.length}`);
    expect(pages.at(-1)!.text).toContain(`${pages.length}/${pages.length}`);
    for (const expected of ["INV-A", "INV-B", "quality (open)", "Chase history", 'Step "agency"', "Promise broken", "Jana Schulz", "Hafenstraße 1"]) expect(text).toContain(expected);
    expect(text.match(/Message \d of 3/g)).toHaveLength(3);
  });

  it("exports the JSON file and the PDF dossier from the command line, and says so when it cannot", async () => {
    const dir = await mkdtemp(join(tmpdir(), "dunwell-handoff-"));
    try {
      let out = "";
      const io: CliIo = { out: (s) => void (out += s + "\n"), err: () => undefined, interactive: false };
      const run = async (...argv: string[]) => {
        out = "";
        const program = new Command("dunwell").option("--data <dir>").option("--tenant <slug>").option("--json").exitOverride();
        registerHandoffCommands(program, { io, env: {}, database: t(), clock: depsAt(t(), "2024-05-15").clock });
        await program.parseAsync(argv, { from: "user" });
        return out;
      };
      const slug = (await t().db.selectFrom("tenants").select("slug").where("tenant_id", "=", scenario.actor.tenantId).executeTakeFirstOrThrow()).slug;
      const ext = scenario.customer.externalId;
      const printed = await run("handoff", "export", ext, "--out", join(dir, "case"), "--tenant", slug);
      const stem = join(dir, "case", `${ext}-handoff`);
      expect(printed.trim().split("\n")).toEqual([`${stem}.json`, `${stem}.pdf`]);
      const written = JSON.parse(await readFile(`${stem}.json`, "utf8"));
      expect(written).toEqual(JSON.parse(JSON.stringify(await fileAsOf())));
      expect((await readFile(`${stem}.pdf`)).subarray(0, 4).toString("latin1")).toBe("%PDF");

      const asJson = JSON.parse(await run("handoff", "export", ext, "--out", dir, "--as-of", "2024-02-20", "--tenant", slug, "--json"));
      expect(asJson).toMatchObject({ asOf: "2024-02-20", handoff: null });
      expect(JSON.parse(await readFile(join(dir, `${ext}-handoff.json`), "utf8")).asOf).toBe("2024-02-20");

      await writeFile(join(dir, "blocker"), "a file, not a directory");
      await expect(run("handoff", "export", ext, "--out", join(dir, "blocker", "case"), "--tenant", slug)).rejects.toMatchObject({ error: { code: "OUTPUT_NOT_WRITABLE", path: "--out" } });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
