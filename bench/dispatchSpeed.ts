/**
 * How fast the outbox dispatcher delivers a day's reminders to a local SMTP server.
 *
 *   npx tsx bench/dispatchSpeed.ts [--customers 2000] [--engine pglite|postgres|both] [--connections 5]
 *
 * Each customer has two invoices due on the same day and one contact with an email address. Two
 * daily runs are dispatched and timed (the runs themselves are not): the due-day courtesy email
 * (text and HTML, no attachment) and, a week later, the formal reminder with a PDF copy of each
 * invoice. PostgreSQL: the server at DATABASE_URL (see bench/benchDatabase.ts), skipped when unreachable.
 */
import type { AddressInfo } from "node:net";
import { parseArgs } from "node:util";
import { sql } from "kysely";
import { SMTPServer } from "smtp-server";
import { runCollections } from "../src/app/collections/runCollections.js";
import { appDeps, type Actor, type AppDeps } from "../src/app/deps.js";
import { createChannelSenders } from "../src/app/outbox/channelSenders.js";
import { updateChannelSettings } from "../src/app/settings/updateChannelSettings.js";
import { createTenant } from "../src/app/tenants/createTenant.js";
import { fixedClock } from "../src/domain/dates/clock.js";
import type { Engine } from "../src/store/database.js";
import { dispatchUntilEmpty } from "../src/jobs/dispatcher.js";
import { openBenchDatabase } from "./benchDatabase.js";
import { timeOnce } from "./timing.js";

const { values } = parseArgs({ options: { customers: { type: "string", default: "2000" }, engine: { type: "string", default: "both" }, connections: { type: "string", default: "5" } } });
const customers = Number(values.customers);
const connections = Number(values.connections);
const DUE = "2025-03-03"; // a Monday: both runs fall on business days
const FORMAL = "2025-03-10";

/** An SMTP server that accepts everything and only counts. */
async function countingSink(): Promise<{ port: number; count: () => number; close: () => Promise<void> }> {
  let received = 0;
  const server = new SMTPServer({
    logger: false,
    disabledCommands: ["STARTTLS", "AUTH"],
    authOptional: true,
    onData(stream, _session, callback) {
      stream.on("data", () => undefined);
      stream.on("end", () => {
        received += 1;
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { port: (server.server.address() as AddressInfo).port, count: () => received, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** Customers, their contacts and two invoices each, written set-based in three statements. */
async function seedBook(deps: AppDeps, actor: Actor): Promise<void> {
  const t = actor.tenantId;
  await sql`insert into customers (tenant_id, id, external_id, legal_name, currency, country, language, address_lines)
            select ${t}, gen_random_uuid(), 'C' || g, 'Customer ' || g || ' GmbH', 'EUR', 'DE', (array['de', 'en', 'fr', 'nl'])[1 + g % 4], array['Street ' || g, '10115 Berlin']
              from generate_series(1, ${customers}::int) g`.execute(deps.db);
  await sql`insert into contacts (tenant_id, id, customer_id, name, email, is_primary)
            select tenant_id, gen_random_uuid(), id, 'AP ' || external_id, lower(external_id) || '@customer.example', true from customers where tenant_id = ${t}`.execute(deps.db);
  await sql`insert into invoices (tenant_id, id, customer_id, number, issue_date, due_date, currency, amount, tax_amount, open_amount, terms)
            select c.tenant_id, gen_random_uuid(), c.id, c.external_id || '-' || k, ${DUE}::date - 30, ${DUE}::date, 'EUR', 11900 * k, 1900 * k, 11900 * k, 'Net 30'
              from customers c, generate_series(1, 2) k where c.tenant_id = ${t}`.execute(deps.db);
  await sql`analyze`.execute(deps.db);
}

async function measure(engine: Engine): Promise<void> {
  const bench = await openBenchDatabase(engine, "_dispatch");
  const sink = await countingSink();
  const senders = createChannelSenders();
  try {
    const setup = appDeps(bench.database.db, engine, fixedClock(`${DUE}T08:00:00Z`));
    const tenant = await createTenant(setup, { slug: "bench", name: "Bench GmbH", baseCurrency: "EUR", country: "DE", timezone: "Europe/Berlin" });
    const actor: Actor = { tenantId: tenant.id, role: "admin", name: "bench" };
    await updateChannelSettings(setup, actor, { email: { host: "127.0.0.1", port: sink.port, from: "Bench AR <ar@bench.example>", maxConnections: connections }, portalUrl: "https://pay.bench.example" });
    await seedBook(setup, actor);
    for (const [label, day] of [["due-day email, no attachment", DUE], ["formal reminder, 2 invoice PDFs", FORMAL]] as const) {
      const deps = appDeps(bench.database.db, engine, fixedClock(`${day}T08:00:00Z`));
      const run = await timeOnce(() => runCollections(deps, actor, { asOf: day }));
      const before = sink.count();
      const dispatched = await timeOnce(() => dispatchUntilEmpty(deps, { worker: "bench", senders, batchSize: 200 }));
      const delivered = sink.count() - before;
      const rate = Math.round((delivered / dispatched.ms) * 1000);
      console.log(`${engine.padEnd(8)} ${label.padEnd(32)} run ${run.ms} ms; dispatched ${dispatched.value.sent} (failed ${dispatched.value.failed}, retried ${dispatched.value.retried}) in ${dispatched.ms} ms: ${rate} emails/s`);
    }
  } finally {
    await senders.close();
    await sink.close();
    await bench.dispose();
  }
}

const engines: Engine[] = values.engine === "both" ? ["pglite", "postgres"] : [values.engine as Engine];
for (const engine of engines) {
  try {
    await measure(engine);
  } catch (error) {
    if (engine === "postgres" && values.engine === "both" && /ECONNREFUSED|connect/i.test(String(error))) console.log("postgres: no server reachable, skipped");
    else throw error;
  }
}
