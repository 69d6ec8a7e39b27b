import { createHash } from "node:crypto";
import type { FastifyRequest } from "fastify";
import { authenticateApiKey } from "../app/access/apiKeys.js";
import type { Actor, AppDeps } from "../app/deps.js";
import { can, type Permission } from "../domain/access/roles.js";
import { fail } from "../domain/errors.js";

/** How long a successful authentication is reused without asking the database again. */
export const DEFAULT_AUTH_CACHE_TTL_MS = 5_000;
// Bounded so a flood of distinct valid keys cannot grow memory; clearing is cheap and rare.
const MAX_CACHED_KEYS = 10_000;

interface Cached {
  actor: Actor;
  expiresAt: number;
}

/**
 * Authenticates API keys, caching successes in this process for `ttlMs`. The cache exists for
 * throughput (a point read per request would halve GET rates on PGlite); the price is that a key
 * revoked through another process keeps working here for up to `ttlMs`. Revoking through this
 * process's API takes effect at once (see forgetKey). Failures are never cached.
 */
export class ApiKeyAuthenticator {
  private readonly cache = new Map<string, Cached>();

  constructor(
    private readonly deps: AppDeps,
    private readonly ttlMs: number = DEFAULT_AUTH_CACHE_TTL_MS,
  ) {}

  async authenticate(key: string): Promise<Actor> {
    // Cached by digest so a heap dump does not hold live keys.
    const digest = createHash("sha256").update(key).digest("base64");
    const now = Date.now();
    const hit = this.cache.get(digest);
    if (hit && hit.expiresAt > now) return hit.actor;
    const actor = await authenticateApiKey(this.deps, key);
    if (this.ttlMs > 0) {
      if (this.cache.size >= MAX_CACHED_KEYS) this.cache.clear();
      this.cache.set(digest, { actor, expiresAt: now + this.ttlMs });
    }
    return actor;
  }

  /** Drops cached authentications of one key (after it is revoked here). */
  forgetKey(keyId: string): void {
    for (const [digest, entry] of this.cache) if (entry.actor.name === `apikey:${keyId}`) this.cache.delete(digest);
  }
}

/** The key from `Authorization: Bearer <key>` or `X-Api-Key: <key>`. */
export function presentedKey(request: FastifyRequest): string | undefined {
  const authorization = request.headers.authorization;
  if (authorization) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    return match ? match[1] : fail("UNAUTHENTICATED", "the Authorization header must be `Bearer <API key>`", { path: "Authorization" });
  }
  const header = request.headers["x-api-key"];
  return typeof header === "string" && header.length > 0 ? header : undefined;
}

/** The acting caller, or UNAUTHENTICATED / FORBIDDEN. The tenant comes only from the key. */
export async function authorize(authenticator: ApiKeyAuthenticator, request: FastifyRequest, permission: Permission): Promise<Actor> {
  const key = presentedKey(request) ?? fail("UNAUTHENTICATED", "an API key is required: send `Authorization: Bearer <key>` or `X-Api-Key: <key>`");
  const actor = await authenticator.authenticate(key);
  if (!can(actor.role, permission)) fail("FORBIDDEN", `the role "${actor.role}" does not have the permission "${permission}"`);
  return actor;
}
