import { Command } from "commander";
import { afterEach, describe, expect, it } from "vitest";
import { messageIdFor, parseMailbox } from "../../src/channels/email/outgoingEmail.js";
import { createChannelSenders } from "../../src/app/outbox/channelSenders.js";
import { dispatchOutbox } from "../../src/app/outbox/dispatchOutbox.js";
import { runCollections } from "../../src/app/collections/runCollections.js";
import { addContact } from "../../src/app/customers/contacts.js";
import { updateChannelSettings } from "../../src/app/settings/updateChannelSettings.js";
import type { OutgoingSms } from "../../src/channels/sms/smsSender.js";
import { registerDispatchCommand } from "../../src/cli/commands/dispatchCommand.js";
import type { CliIo } from "../../src/cli/io.js";
import { getPrintBatch } from "../../src/app/outbox/printBatch.js";
import { recordPayment } from "../../src/app/payments/recordPayment.js";
import { enqueue, outboxOfTenant } from "../../src/store/outbox.js";
import { engineAvailable, useTestDatabase } from "../kit/database.js";
import { depsAt, newCustomer, newInvoice, newTenant } from "../kit/factories.js";
import { readPdf } from "../unit/channels/pdfReader.js";
import { header, startSmtpSink } from "../unit/channels/smtpSink.js";
import { attachmentsOf, plainTextOf, subjectOf } from "../unit/outbox/receivedMail.js";
import { SENDER, activitiesOf, germanCustomerWithFormalReminder, outboxRow } from "./dispatchScenario.js";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function sinkAndSenders() {
  const sink = await startSmtpSink();
  const senders = createChannelSenders();
  cleanups.push(sink.close, () => senders.close());
  return { sink, senders };
}

describe.skipIf(!engineAvailable())("outbox dispatch", () => {
  const t = useTestDatabase();

  it("delivers the formal reminder once, in German, with the invoice copies, and keeps it on the timeline", async () => {
    const deps = depsAt(t(), "2024-04-08");
    const { sink, senders } = await sinkAndSenders();
    const { actor, message } = await germanCustomerWithFormalReminder(deps, sink.port);

    const pass = await dispatchOutbox(deps, { worker: "w1", senders });
    expect(pass).toEqual({ claimed: 1, sent: 1, failed: 0, retried: 0, cancelled: 0 });

    expect(sink.received).toHaveLength(1);
    const raw = sink.received[0]!.raw;
    expect(sink.received[0]!.to).toEqual(["ap@kunde.example"]);
    expect(subjectOf(raw)).toBe("Zahlungserinnerung: 150,00\u00a0€ überfällig");
    const text = plainTextOf(raw);
    expect(text).toContain("Guten Tag Jana Schulz,");
    expect(text).toContain("A-1");
    expect(text).toContain("A-2");
    expect(text).toContain("https://pay.test-gmbh.example/c/");
    expect(header(raw, "message-id")).toBe(messageIdFor(message.idempotency_key, parseMailbox(SENDER)!));
    const attachments = attachmentsOf(raw);
    expect(attachments.map((a) => a.filename)).toEqual(["rechnung-A-1.pdf", "rechnung-A-2.pdf"]);
    for (const a of attachments) expect(a.content.subarray(0, 4).toString("latin1")).toBe("%PDF");

    expect(await outboxRow(deps, actor, message.id)).toMatchObject({ status: "sent", attempts: 1, provider_message_id: header(raw, "message-id") });
    const [activity] = await activitiesOf(deps, actor);
    expect(activity).toMatchObject({ kind: "message", ref_id: message.action_id, occurred_on: "2024-04-08" });
    expect(activity!.details).toMatchObject({ to: '"Jana Schulz" <ap@kunde.example>', subject: "Zahlungserinnerung: 150,00\u00a0€ überfällig", text, attachments: ["rechnung-A-1.pdf", "rechnung-A-2.pdf"], providerMessageId: header(raw, "message-id") });
    expect((activity!.details as { html: string }).html).toContain("<table");

    expect(await dispatchOutbox(deps, { worker: "w1", senders })).toMatchObject({ claimed: 0, sent: 0 });
    expect(sink.received).toHaveLength(1);
  });

  it("leaves out what was paid since the run and cancels the reminder when everything is paid", async () => {
    const deps = depsAt(t(), "2024-04-09");
    const { sink, senders } = await sinkAndSenders();
    const partly = await germanCustomerWithFormalReminder(deps, sink.port);
    await recordPayment(deps, partly.actor, { externalId: "P-A2", customerId: partly.customer.id, receivedOn: "2024-04-09", currency: "EUR", amount: "50.00", invoices: ["A-2"] });
    const paid = await germanCustomerWithFormalReminder(deps, sink.port);
    await recordPayment(deps, paid.actor, { externalId: "P-ALL", customerId: paid.customer.id, receivedOn: "2024-04-09", currency: "EUR", amount: "150.00" });

    expect(await dispatchOutbox(deps, { worker: "w1", senders })).toMatchObject({ claimed: 2, sent: 1, cancelled: 1 });
    expect(sink.received).toHaveLength(1);
    const text = plainTextOf(sink.received[0]!.raw);
    expect(text).toContain("Rechnung A-1");
    expect(text).not.toContain("A-2");
    expect(text).toContain("Verwendungszweck: A-1");
    expect(attachmentsOf(sink.received[0]!.raw).map((a) => a.filename)).toEqual(["rechnung-A-1.pdf"]);

    expect(await outboxRow(deps, paid.actor, paid.message.id)).toMatchObject({ status: "cancelled", last_error: "paid before delivery" });
    expect(await activitiesOf(deps, paid.actor)).toMatchObject([{ summary: "Email not sent: paid before delivery", ref_id: paid.message.action_id }]);
  });

  it("gathers letters into one print batch per tenant and day, each letter once", async () => {
    const deps = depsAt(t(), "2024-05-30");
    const { sink, senders } = await sinkAndSenders();
    const { actor, customer } = await germanCustomerWithFormalReminder(deps, sink.port);
    await dispatchOutbox(deps, { worker: "w1", senders });
    const final = await runCollections(deps, actor, { asOf: "2024-05-30" }); // +60 for A-1: the final notice by letter
    expect(final.performed).toEqual({ letter: 1 });
    const letter = (await outboxOfTenant(deps.db, actor.tenantId)).find((row) => row.channel === "letter")!;

    expect(await dispatchOutbox(deps, { worker: "w1", senders })).toMatchObject({ claimed: 1, sent: 1 });
    // as if the row were claimed again: the letter is already in the batch and stays there once
    await deps.db.updateTable("outbox").set({ status: "pending", next_attempt_at: new Date(0) }).where("tenant_id", "=", actor.tenantId).where("id", "=", letter.id).execute();
    expect(await dispatchOutbox(deps, { worker: "w1", senders })).toMatchObject({ claimed: 1, sent: 1 });

    const batch = await getPrintBatch(deps, actor, "2024-05-30");
    expect(batch).toMatchObject({ day: "2024-05-30", paper: "A4", letterCount: 1, letters: [{ outboxId: letter.id, customerId: customer.id, firstPage: 1 }] });
    const firstPage = readPdf(batch.pdf)[0]!.text;
    expect(firstPage).toContain("Kunde AG");
    expect(firstPage).toContain("Lindenallee 5");
    expect(firstPage).toContain("Letzte Mahnung");
    expect(firstPage).toContain("A-1");
    expect(await outboxRow(deps, actor, letter.id)).toMatchObject({ status: "sent", provider_message_id: "print:2024-05-30" });
    const [record] = (await activitiesOf(deps, actor)).filter((a) => a.summary.startsWith("Letter"));
    expect(record!.details).toMatchObject({ subject: expect.stringContaining("Letzte Mahnung"), printBatch: "2024-05-30" });
    await expect(getPrintBatch(deps, actor, "2024-05-31")).rejects.toMatchObject({ error: { code: "PRINT_BATCH_NOT_FOUND" } });
  });

  it("settles events as sent to no subscribers until webhooks exist", async () => {
    const deps = depsAt(t());
    const { senders } = await sinkAndSenders();
    const actor = await newTenant(deps);
    const customer = await newCustomer(deps, actor);
    const payload = { type: "customer.credit_hold", customerId: customer.id, channel: "credit_hold", date: "2024-06-30" };
    await enqueue(deps.db, actor.tenantId, [{ id: deps.newId(), idempotencyKey: "event:test", channel: "event", customerId: customer.id, actionId: null, payload }]);
    expect(await dispatchOutbox(deps, { worker: "w1", senders })).toMatchObject({ claimed: 1, sent: 1 });
    expect(await outboxOfTenant(deps.db, actor.tenantId)).toMatchObject([{ status: "sent", provider_message_id: "no-subscribers" }]);
  });

  it("attaches a statement of the account to the second reminder", async () => {
    const deps = depsAt(t(), "2024-04-15");
    const { sink, senders } = await sinkAndSenders();
    const { actor, customer } = await germanCustomerWithFormalReminder(deps, sink.port);
    await dispatchOutbox(deps, { worker: "w1", senders });
    expect((await runCollections(deps, actor, { asOf: "2024-04-15" })).performed).toEqual({ email: 1 }); // +15 for A-1
    await dispatchOutbox(deps, { worker: "w1", senders });

    const second = sink.received[1]!.raw;
    expect(subjectOf(second)).toMatch(/^Mahnung: /);
    const [statement] = attachmentsOf(second);
    expect(statement!.filename).toBe(`kontoauszug-${customer.externalId}-2024-04-15.pdf`);
    const page = readPdf(statement!.content)[0]!.text;
    expect(page).toContain("Kontoauszug");
    expect(page).toContain("A-2");
  });

  it("sends an SMS through the tenant's provider to the contact's number in E.164", async () => {
    const deps = depsAt(t(), "2024-04-08");
    const sent: OutgoingSms[] = [];
    const record = async (sms: OutgoingSms) => {
      sent.push(sms);
      return { providerMessageId: "sms-1" };
    };
    const senders = createChannelSenders({ sms: () => ({ send: record }) });
    cleanups.push(() => senders.close());
    const actor = await newTenant(deps);
    await updateChannelSettings(deps, actor, { sms: { provider: "log" } });
    const customer = await newCustomer(deps, actor, { policy: "strict", language: "de" });
    await addContact(deps, actor, customer.id, { name: "Jana", phone: "+49 151 1234-5678" });
    await newInvoice(deps, actor, customer.id, { number: "S-1", issueDate: "2024-03-01", dueDate: "2024-04-01", amount: "80.00" });
    expect((await runCollections(deps, actor, { asOf: "2024-04-08" })).performed).toEqual({ sms: 1 });

    expect(await dispatchOutbox(deps, { worker: "w1", senders })).toMatchObject({ sent: 1 });
    expect(sent).toMatchObject([{ to: "+4915112345678", text: expect.stringContaining("80,00 €") }]);
    expect(await activitiesOf(deps, actor)).toMatchObject([{ summary: "SMS sent to +4915112345678", details: { text: sent[0]!.text, providerMessageId: "sms-1" } }]);
  });

  it("runs as `dunwell dispatch --once --json` and prints the totals", async () => {
    const deps = depsAt(t(), "2024-04-08");
    const sink = await startSmtpSink();
    cleanups.push(sink.close);
    await germanCustomerWithFormalReminder(deps, sink.port);
    let out = "";
    const io: CliIo = { out: (text) => void (out += text), err: () => undefined, interactive: false };
    const program = new Command("dunwell").option("--data <dir>").option("--tenant <slug>").option("--json").exitOverride();
    registerDispatchCommand(program, { io, env: {}, database: t(), clock: deps.clock });
    await program.parseAsync(["dispatch", "--once", "--json"], { from: "user" });
    expect(JSON.parse(out)).toEqual({ claimed: 1, sent: 1, failed: 0, retried: 0, cancelled: 0 });
    expect(sink.received).toHaveLength(1);
  });
});
