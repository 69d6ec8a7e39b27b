import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, describe, expect, it } from "vitest";
import { createChannelSenders } from "../../src/app/outbox/channelSenders.js";
import { deliverForTenant } from "../../src/app/outbox/deliverClaimed.js";
import { dispatchOutbox } from "../../src/app/outbox/dispatchOutbox.js";
import { settleOutcomes } from "../../src/app/outbox/settleOutcomes.js";
import { startDispatcher } from "../../src/jobs/dispatcher.js";
import { claimDue, markCancelled } from "../../src/store/outbox.js";
import { engineAvailable, useTestDatabase } from "../kit/database.js";
import { depsAt } from "../kit/factories.js";
import { header, startSmtpSink, type SinkOptions } from "../unit/channels/smtpSink.js";
import { activitiesOf, germanCustomerWithFormalReminder, outboxRow } from "./dispatchScenario.js";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function sinkAndSenders(options: SinkOptions = {}) {
  const sink = await startSmtpSink(options);
  const senders = createChannelSenders();
  cleanups.push(sink.close, () => senders.close());
  return { sink, senders };
}

describe.skipIf(!engineAvailable())("outbox dispatch when things go wrong", () => {
  const t = useTestDatabase();

  it("resends with the same Message-ID after a crash between sending and settling, and settles once", async () => {
    const deps = depsAt(t(), "2024-04-08");
    const { sink, senders } = await sinkAndSenders();
    const { actor, message } = await germanCustomerWithFormalReminder(deps, sink.port);

    // a dispatcher claims with a short lease, delivers, and dies before it can settle
    const claimed = await claimDue(deps.db, { worker: "crashed", limit: 10, leaseSeconds: 1 });
    const delivered = await deliverForTenant(deps.db, actor.tenantId, claimed, senders);
    expect(sink.received).toHaveLength(1);
    expect(await dispatchOutbox(deps, { worker: "w2", senders })).toMatchObject({ claimed: 0 }); // the lease still holds

    await sleep(1_100);
    expect(await dispatchOutbox(deps, { worker: "w2", senders })).toMatchObject({ claimed: 1, sent: 1 });
    expect(sink.received).toHaveLength(2);
    const [first, second] = sink.received.map((mail) => header(mail.raw, "message-id"));
    expect(second).toBe(first);

    // the crashed dispatcher's late settling finds its claim taken over and changes nothing
    expect(await settleOutcomes(deps, "crashed", delivered)).toEqual({ sent: 0, failed: 0, retried: 0, cancelled: 0 });
    expect(await outboxRow(deps, actor, message.id)).toMatchObject({ status: "sent", attempts: 2, claimed_by: "w2" });
    expect(await activitiesOf(deps, actor)).toHaveLength(1);
  });

  it("loses nothing when a dispatcher dies after claiming and before sending", async () => {
    const deps = depsAt(t(), "2024-04-08");
    const { sink, senders } = await sinkAndSenders();
    const { actor, message } = await germanCustomerWithFormalReminder(deps, sink.port);
    expect(await claimDue(deps.db, { worker: "crashed", limit: 10, leaseSeconds: 1 })).toHaveLength(1);

    await sleep(1_100);
    expect(await dispatchOutbox(deps, { worker: "w2", senders })).toMatchObject({ claimed: 1, sent: 1 });
    expect(sink.received).toHaveLength(1);
    expect(await outboxRow(deps, actor, message.id)).toMatchObject({ status: "sent", attempts: 2 });
  });

  it("fails a message the server refuses for good and asks a collector to fix the contact", async () => {
    const deps = depsAt(t(), "2024-04-08");
    const { sink, senders } = await sinkAndSenders({ refuseRecipient: () => ({ code: 550, text: "5.1.1 no such mailbox" }) });
    const { actor, customer, message } = await germanCustomerWithFormalReminder(deps, sink.port);

    expect(await dispatchOutbox(deps, { worker: "w1", senders })).toMatchObject({ claimed: 1, failed: 1 });
    const row = await outboxRow(deps, actor, message.id);
    expect(row).toMatchObject({ status: "failed", attempts: 1 });
    expect(row.last_error).toMatch(/^RECIPIENT_REJECTED: .*no such mailbox/);
    const tasks = await deps.db.selectFrom("tasks").selectAll().where("tenant_id", "=", actor.tenantId).where("kind", "=", "no_contact").execute();
    expect(tasks).toMatchObject([{ customer_id: customer.id, status: "open", action_id: message.action_id, due_on: "2024-04-08" }]);
    expect(tasks[0]!.title).toContain("no such mailbox");
    expect(await activitiesOf(deps, actor)).toMatchObject([{ summary: expect.stringMatching(/^Email not delivered: /) }]);
  });

  it("retries a message the server turns away for now, later and later", async () => {
    const deps = depsAt(t(), "2024-04-08");
    const { sink, senders } = await sinkAndSenders({ refuseData: { code: 451, text: "4.3.0 try again later" } });
    const { actor, message } = await germanCustomerWithFormalReminder(deps, sink.port);
    cleanups.push(async () => void (await markCancelled(deps.db, message, "test over")));

    const before = Date.now();
    expect(await dispatchOutbox(deps, { worker: "w1", senders })).toMatchObject({ claimed: 1, retried: 1 });
    const row = await outboxRow(deps, actor, message.id);
    expect(row).toMatchObject({ status: "pending", attempts: 1 });
    expect(row.last_error).toMatch(/^CHANNEL_UNAVAILABLE: .*try again later/);
    expect(row.next_attempt_at.getTime()).toBeGreaterThan(before + 50_000);
    expect(await dispatchOutbox(deps, { worker: "w1", senders })).toMatchObject({ claimed: 0 });
    expect(await activitiesOf(deps, actor)).toEqual([]);
  });

  it("keeps dispatching as a job until it is stopped", async () => {
    const deps = depsAt(t(), "2024-04-08");
    const { sink, senders } = await sinkAndSenders();
    const errors: unknown[] = [];
    const job = startDispatcher(deps, { senders, pollSeconds: 0.05, onError: (error) => errors.push(error) });
    await germanCustomerWithFormalReminder(deps, sink.port); // written while the job waits
    for (let i = 0; i < 100 && sink.received.length === 0; i++) await sleep(50);
    job.stop();
    expect(await job.finished).toMatchObject({ sent: 1, failed: 0 });
    expect(errors).toEqual([]);
    expect(sink.received).toHaveLength(1);
  });
});
