import type { LetterContent } from "../../channels/letters/letterPdf.js";
import type { OutboxRow } from "../../store/collectionsSchema.js";
import { openItemsOfAccounts, reminderFacts, type OpenItemRow } from "../../store/outboxMessages.js";
import type { Db } from "../../store/schema.js";
import { loadTenantChannels, type TenantChannels } from "../settings/tenantChannels.js";
import { tenantCatalog } from "../templates/templateCatalog.js";
import type { ChannelSenders } from "./channelSenders.js";
import { accountKey, composeReminder, type ComposeSources, type MessageRecord } from "./composeMessage.js";

/** Events have no subscribers until webhooks exist: they are settled as sent with this provider id. */
const NO_SUBSCRIBERS = "no-subscribers";

/** What happened to one claimed message in this attempt; nothing is written yet. */
export type Outcome =
  | { kind: "sent"; row: OutboxRow; providerMessageId: string; record?: MessageRecord }
  | { kind: "letter"; row: OutboxRow; letter: LetterContent; pdf: Buffer; record: MessageRecord }
  | { kind: "cancelled"; row: OutboxRow; reason: string; customerId: string; actionId: string }
  | { kind: "failed"; row: OutboxRow; error: unknown };

/** One tenant's claimed messages and what became of them. */
export interface TenantOutcomes {
  tenant: TenantChannels;
  outcomes: Outcome[];
}

/** Messages composed and sent at the same time: enough to keep an SMTP pool of 5 busy while PDFs render. */
const IN_FLIGHT = 16;

/** Claimed messages grouped by tenant: each tenant's messages are delivered and settled together. */
export function claimsByTenant(rows: readonly OutboxRow[]): Map<string, OutboxRow[]> {
  const byTenant = new Map<string, OutboxRow[]>();
  for (const row of rows) byTenant.set(row.tenant_id, [...(byTenant.get(row.tenant_id) ?? []), row]);
  return byTenant;
}

/**
 * Delivers one tenant's claimed messages outside any transaction: loads what its reminders say (a
 * few set-based queries), composes each, and hands emails and SMS to the tenant's senders. Letters are
 * only drawn here; they join the print batch when settled. Every failure becomes an outcome, never a throw.
 */
export async function deliverForTenant(db: Db, tenantId: string, claimed: readonly OutboxRow[], senders: ChannelSenders): Promise<TenantOutcomes> {
  const sources = await composeSources(db, tenantId, claimed);
  const outcomes = await mapInFlight(claimed, IN_FLIGHT, (row) => deliverOne(row, sources, senders));
  return { tenant: sources.tenant, outcomes };
}

async function composeSources(db: Db, tenantId: string, claimed: readonly OutboxRow[]): Promise<ComposeSources> {
  const tenant = await loadTenantChannels(db, tenantId);
  const catalog = await tenantCatalog(db, tenantId);
  const actionIds = claimed.filter((r) => r.channel !== "event" && r.action_id !== null).map((r) => r.action_id!);
  const facts = await reminderFacts(db, tenantId, actionIds);
  const keys = new Map(facts.map((f) => [accountKey(f.customer_id, f.currency), { customerId: f.customer_id, currency: f.currency }]));
  const accounts = new Map<string, OpenItemRow[]>();
  for (const item of await openItemsOfAccounts(db, tenantId, [...keys.values()])) {
    const key = accountKey(item.customer_id, item.currency);
    accounts.set(key, [...(accounts.get(key) ?? []), item]);
  }
  return { tenant, catalog, facts: new Map(facts.map((f) => [f.action_id, f])), accounts };
}

async function deliverOne(row: OutboxRow, sources: ComposeSources, senders: ChannelSenders): Promise<Outcome> {
  try {
    if (row.channel === "event") return { kind: "sent", row, providerMessageId: NO_SUBSCRIBERS };
    const message = await composeReminder(row, sources);
    const { settings } = sources.tenant;
    switch (message.kind) {
      case "nothing_left":
        return { kind: "cancelled", row, reason: message.reason, customerId: message.customerId, actionId: message.actionId };
      case "letter":
        return { kind: "letter", row, letter: message.letter, pdf: message.pdf, record: message.record };
      case "email": {
        const receipt = await senders.email(row.tenant_id, settings.email).send(message.email);
        return { kind: "sent", row, providerMessageId: receipt.providerMessageId, record: message.record };
      }
      case "sms": {
        const receipt = await senders.sms(row.tenant_id, settings.sms).send(message.sms);
        return { kind: "sent", row, providerMessageId: receipt.providerMessageId, record: message.record };
      }
    }
  } catch (error) {
    return { kind: "failed", row, error };
  }
}

/** Maps with at most `limit` calls pending; results keep the input order. */
async function mapInFlight<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}
