import type { OutboxChannel } from "../../store/collectionsSchema.js";
import { claimDue } from "../../store/outbox.js";
import type { AppDeps } from "../deps.js";
import type { ChannelSenders } from "./channelSenders.js";
import { claimsByTenant, deliverForTenant } from "./deliverClaimed.js";
import { settleOutcomes, type DispatchCounts } from "./settleOutcomes.js";

export interface DispatchOptions {
  /** Names the claims of this dispatcher (host and process id); claims are settled only by their holder. */
  worker: string;
  /** Messages claimed at once, across tenants; default 100. */
  batchSize?: number;
  /** How long a claim holds before another dispatcher may take the message over; default 5 minutes. */
  leaseSeconds?: number;
  channels?: readonly OutboxChannel[];
  senders: ChannelSenders;
}

export interface DispatchSummary extends DispatchCounts {
  /** Messages claimed in this pass; 0 means nothing was due. */
  claimed: number;
}

/**
 * One pass of the outbox: claims due messages (their own transaction: "sending" with a lease), then
 * tenant by tenant delivers them outside any transaction and settles the results in one transaction.
 * A crash after a send and before settling leaves the message to be claimed again once the lease
 * ends; the resend carries the same idempotency key, so the same Message-ID, and the receiver can
 * drop the duplicate. A crash before the send loses nothing either: the message goes out after the lease.
 */
export async function dispatchOutbox(deps: AppDeps, options: DispatchOptions): Promise<DispatchSummary> {
  const rows = await claimDue(deps.db, {
    worker: options.worker,
    limit: options.batchSize ?? 100,
    leaseSeconds: options.leaseSeconds ?? 300,
    ...(options.channels && { channels: options.channels }),
  });
  const summary: DispatchSummary = { claimed: rows.length, sent: 0, failed: 0, retried: 0, cancelled: 0 };
  for (const [tenantId, claimed] of claimsByTenant(rows)) {
    const counts = await settleOutcomes(deps, options.worker, await deliverForTenant(deps.db, tenantId, claimed, options.senders));
    summary.sent += counts.sent;
    summary.failed += counts.failed;
    summary.retried += counts.retried;
    summary.cancelled += counts.cancelled;
  }
  return summary;
}
