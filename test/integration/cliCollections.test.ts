import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { addContact } from "../../src/app/customers/contacts.js";
import { findTenant } from "../../src/app/tenants/findTenant.js";
import { runCli } from "../../src/cli/program.js";
import type { CliIo } from "../../src/cli/io.js";
import { fixedClock } from "../../src/domain/dates/clock.js";
import { engineAvailable, useTestDatabase } from "../kit/database.js";
import { depsAt, newCustomer, newInvoice } from "../kit/factories.js";

describe.skipIf(!engineAvailable())("dunwell CLI: policies, segments and runs", () => {
  const t = useTestDatabase();

  async function dunwell(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
    let out = "";
    let err = "";
    const io: CliIo = { out: (s) => void (out += s + "\n"), err: (s) => void (err += s + "\n"), interactive: false };
    const code = await runCli(argv, { io, env: {}, database: t(), clock: fixedClock("2024-04-08T08:00:00Z") });
    return { code, out, err };
  }
  const file = async (name: string, body: unknown) => {
    const path = join(await mkdtemp(join(tmpdir(), "dunwell-cli-")), name);
    await writeFile(path, typeof body === "string" ? body : JSON.stringify(body));
    return path;
  };

  it("lists the shipped policies, applies a new version, and refuses an invalid one with its path", async () => {
    expect((await dunwell("tenant", "create", "--slug", "cli-pol", "--name", "Pol", "--currency", "EUR")).code).toBe(0);
    const listed = JSON.parse((await dunwell("policy", "list", "--tenant", "cli-pol", "--json")).out) as { key: string; version: number }[];
    expect(listed.map((p) => p.key)).toEqual(["cadence-15-30-45", "gentle", "standard", "strict"]);
    const policy = { key: "standard", name: "Standard, shorter", steps: [{ id: "r1", offsetDays: 5, channel: "email" }, { id: "r2", offsetDays: 20, channel: "letter" }] };
    const applied = await dunwell("policy", "apply", await file("p.json", policy), "--tenant", "cli-pol");
    expect(applied.out).toContain("policy standard is now version 2");
    expect((await dunwell("policy", "apply", await file("p.json", policy), "--tenant", "cli-pol")).out).toContain("unchanged (version 2)");
    const twins = { ...policy, steps: [{ id: "a", offsetDays: 5, channel: "email" }, { id: "b", offsetDays: 5, channel: "sms" }] };
    const refused = await dunwell("policy", "apply", await file("bad.json", twins), "--tenant", "cli-pol");
    expect(refused.code).toBe(65);
    expect(refused.err).toContain("INVALID_POLICY");
    expect(refused.err).toContain("same day");
    const history = JSON.parse((await dunwell("policy", "show", "standard", "--tenant", "cli-pol")).out) as { version: number }[];
    expect(history.map((v) => v.version)).toEqual([1, 2]);
  });

  it("previews with --dry-run, then runs the day once", async () => {
    expect((await dunwell("tenant", "create", "--slug", "cli-run", "--name", "Run", "--currency", "EUR", "--country", "DE", "--timezone", "Europe/Berlin")).code).toBe(0);
    const deps = depsAt(t());
    const actor = { tenantId: (await findTenant(deps, "cli-run")).id, role: "admin" as const, name: "test" };
    const c = await newCustomer(deps, actor);
    await addContact(deps, actor, c.id, { email: "ap@acme.example" });
    await newInvoice(deps, actor, c.id, { issueDate: "2024-03-01", dueDate: "2024-03-31" });
    const dry = JSON.parse((await dunwell("run", "--tenant", "cli-run", "--dry-run", "--json")).out);
    expect(dry).toMatchObject({ date: "2024-04-08", dryRun: true, performed: { email: 1 } });
    const real = await dunwell("run", "--tenant", "cli-run");
    expect(real.out).toContain("performed: email 1");
    expect((await dunwell("run", "--tenant", "cli-run")).out).toContain("performed: none");
  });

  it("applies and lists segments", async () => {
    expect((await dunwell("tenant", "create", "--slug", "cli-seg", "--name", "Seg", "--currency", "EUR")).code).toBe(0);
    const segment = { key: "vip", name: "VIP", priority: 1, policy: "gentle", conditions: [{ field: "tags", op: "contains", value: "vip" }] };
    expect((await dunwell("segment", "apply", await file("s.json", segment), "--tenant", "cli-seg")).out).toContain("segment vip → policy gentle");
    expect((await dunwell("segment", "list", "--tenant", "cli-seg")).out).toMatch(/1\s+vip\s+gentle\s+tags contains "vip"/);
    const unknown = await dunwell("segment", "apply", await file("s2.json", { ...segment, policy: "nope" }), "--tenant", "cli-seg");
    expect(unknown.err).toContain("UNKNOWN_REFERENCE");
  });

  it("simulates a scenario file and names the JSON path of a mistake", async () => {
    const scenario = {
      settings: { currency: "EUR", country: "DE", timezone: "Europe/Berlin" },
      policies: [{ id: "p", businessDaysOnly: false, steps: [{ id: "r1", offsetDays: 7, channel: "email" }] }],
      customers: [{ id: "C1", name: "Acme", currency: "EUR", email: "ap@acme.example" }],
      invoices: [{ number: "I-1", customer: "C1", currency: "EUR", amount: "10.00", issueDate: "2024-01-01", dueDate: "2024-01-31" }],
      from: "2024-01-30",
      to: "2024-02-10",
    };
    const result = JSON.parse((await dunwell("simulate", await file("s.json", scenario), "--json")).out);
    expect(result.actions).toEqual([{ date: "2024-02-07", customer: "C1", currency: "EUR", step: "r1", channel: "email", invoices: ["I-1"], overdue: "10.00", skipped: [], fee: null }]);
    const bad = await dunwell("simulate", await file("b.json", { ...scenario, invoices: [{ ...scenario.invoices[0], amount: "10.001" }] }));
    expect(bad.code).toBe(65);
    expect(bad.err).toContain("TOO_MANY_DECIMALS: invoices[0].amount");
  });
});
