import { afterEach, describe, expect, it } from "vitest";
import { createChannelSenders } from "../../src/app/outbox/channelSenders.js";
import { dispatchOutbox } from "../../src/app/outbox/dispatchOutbox.js";
import { runCollections } from "../../src/app/collections/runCollections.js";
import { addContact } from "../../src/app/customers/contacts.js";
import { applyPolicy } from "../../src/app/policies/applyPolicy.js";
import { updateChannelSettings } from "../../src/app/settings/updateChannelSettings.js";
import { engineAvailable, useTestDatabase } from "../kit/database.js";
import { depsAt, newCustomer, newInvoice, newTenant } from "../kit/factories.js";
import { startSmtpSink } from "../unit/channels/smtpSink.js";
import { plainTextOf } from "../unit/outbox/receivedMail.js";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe.skipIf(!engineAvailable())("the fee in the reminder that charged it", () => {
  const t = useTestDatabase();

  it("tells the customer the fees the step charged, in the message of that step only", async () => {
    const deps = depsAt(t(), "2024-02-15");
    const sink = await startSmtpSink();
    const senders = createChannelSenders();
    cleanups.push(sink.close, () => senders.close());
    const actor = await newTenant(deps);
    await updateChannelSettings(deps, actor, { email: { host: "127.0.0.1", port: sink.port, from: "AR <ar@test.example>", timeoutMs: 5000 } });
    const second = { channel: "email", template: "reminder.second" };
    await applyPolicy(deps, actor, { key: "fees", name: "Fees", businessDaysOnly: false, steps: [{ id: "r2", offsetDays: 15, ...second, fee: { fixed: { EUR: "10.00" } } }, { id: "r3", offsetDays: 30, ...second }] });
    const customer = await newCustomer(deps, actor, { policy: "fees", language: "en" });
    await addContact(deps, actor, customer.id, { name: "Pat Payer", email: "ap@customer.example", language: "en" });
    await newInvoice(deps, actor, customer.id, { number: "M-1", dueDate: "2024-01-31", amount: "100.00" });
    await newInvoice(deps, actor, customer.id, { number: "M-2", dueDate: "2024-01-31", amount: "50.00" });

    await runCollections(deps, actor, { asOf: "2024-02-15" });
    await runCollections(deps, actor, { asOf: "2024-03-01" });
    expect(await dispatchOutbox(deps, { worker: "w1", senders })).toMatchObject({ sent: 2 });

    const texts = sink.received.map((m) => plainTextOf(m.raw));
    const [withFee, ...others] = texts.filter((text) => text.includes("late-payment fee of"));
    expect(others).toEqual([]);
    expect(withFee).toMatch(/a late-payment fee of €20\.00 has been charged to your account/);
    expect(withFee).not.toContain("M-1-F-r2-1");
    // the next reminder lists the fees as items of their own, and charges none itself
    expect(texts.find((text) => text !== withFee)).toContain("M-1-F-r2-1");
  });
});
