import { createHash } from "node:crypto";
import { fail } from "../../domain/errors.js";
import * as store from "../../store/idempotency.js";
import type { Actor, AppDeps } from "../deps.js";

/**
 * Idempotency keys let a client retry a POST safely: the first request with a key runs, later ones
 * with the same key and the same request get the stored status and body without running again.
 * Keys are per tenant and kept for a day; a request left in progress for longer than STALE_SECONDS
 * (its process died between doing the work and recording the answer) may be run again, which the
 * use cases tolerate because their natural keys (external ids, numbers) reject true duplicates.
 */
export const IDEMPOTENCY_RETENTION_SECONDS = 24 * 3600;
const STALE_SECONDS = 300;
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

export interface IdempotentRequest {
  key: string;
  method: string;
  /** Path and query string, so the same key on another endpoint or with other options is a reuse. */
  path: string;
  body: Buffer | string;
}

export type IdempotencyOutcome = { kind: "proceed" } | { kind: "replay"; statusCode: number; response: unknown };

const requestHash = (r: IdempotentRequest): string =>
  createHash("sha256").update(r.method).update("\n").update(r.path).update("\n").update(r.body).digest("hex");

/** Claims the key for this request, or says what to replay; IDEMPOTENCY_KEY_REUSED for another request. */
export async function beginIdempotentRequest(deps: AppDeps, actor: Actor, request: IdempotentRequest): Promise<IdempotencyOutcome> {
  if (!KEY_PATTERN.test(request.key)) fail("VALIDATION_FAILED", "an Idempotency-Key is 1 to 255 visible ASCII characters", { path: "Idempotency-Key" });
  const hash = requestHash(request);
  // Two rounds: the holder may release its key between our failed claim and our read.
  for (let round = 0; round < 2; round++) {
    const claim = { tenantId: actor.tenantId, key: request.key, requestHash: hash, staleSeconds: STALE_SECONDS, expireSeconds: IDEMPOTENCY_RETENTION_SECONDS };
    if (await store.reserveIdempotencyKey(deps.db, claim)) return { kind: "proceed" };
    const held = await store.findIdempotencyKey(deps.db, actor.tenantId, request.key);
    if (!held) continue;
    if (held.requestHash !== hash) fail("IDEMPOTENCY_KEY_REUSED", `Idempotency-Key "${request.key}" was already used for a different request`, { path: "Idempotency-Key" });
    if (held.statusCode === null) fail("IDEMPOTENCY_IN_PROGRESS", `a request with Idempotency-Key "${request.key}" is still running; retry shortly`, { path: "Idempotency-Key" });
    return { kind: "replay", statusCode: held.statusCode!, response: held.response };
  }
  return fail("IDEMPOTENCY_IN_PROGRESS", `Idempotency-Key "${request.key}" is contended; retry shortly`, { path: "Idempotency-Key" });
}

/**
 * Records the answer to replay. Server-side failures (5xx) free the key instead, so a retry runs
 * again rather than replaying an outage.
 */
export async function finishIdempotentRequest(deps: AppDeps, actor: Actor, done: { key: string; statusCode: number; responseJson: string | null }): Promise<void> {
  if (done.statusCode >= 500) await store.releaseIdempotencyKey(deps.db, actor.tenantId, done.key);
  else await store.completeIdempotencyKey(deps.db, { tenantId: actor.tenantId, ...done });
}
