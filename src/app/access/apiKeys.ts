import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { fail } from "../../domain/errors.js";
import type { Role } from "../../domain/access/roles.js";
import * as store from "../../store/access.js";
import { recordAudit } from "../../store/audit.js";
import type { Actor, AppDeps } from "../deps.js";
import { isUuid } from "../inputs/fields.js";

// Key text: dw_<base64url(tenant uuid ‖ key uuid)>_<secret>. The tenant and key id travel in the key so
// lookup is one scoped primary-key read; only a SHA-256 of the 256-bit secret is stored (a slow hash
// adds nothing for random secrets and would cap API throughput).
const KEY_PATTERN = /^dw_([A-Za-z0-9_-]{43})_([A-Za-z0-9_-]{43})$/;

const uuidToBytes = (uuid: string): Buffer => Buffer.from(uuid.replace(/-/g, ""), "hex");
const bytesToUuid = (b: Buffer): string => {
  const h = b.toString("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
};
const hashSecret = (secret: string): string => createHash("sha256").update(secret).digest("hex");

export interface CreatedApiKey {
  id: string;
  name: string;
  role: Role;
  /** Shown once; only its hash is kept. */
  key: string;
}

export async function createApiKey(deps: AppDeps, actor: Actor, cmd: { name: string; role: Role }): Promise<CreatedApiKey> {
  const id = deps.newId();
  const secret = randomBytes(32).toString("base64url");
  const key = `dw_${Buffer.concat([uuidToBytes(actor.tenantId), uuidToBytes(id)]).toString("base64url")}_${secret}`;
  await deps.db.transaction().execute(async (tx) => {
    await store.insertApiKey(tx, { tenant_id: actor.tenantId, id, name: cmd.name, role: cmd.role, secret_hash: hashSecret(secret) });
    await recordAudit(tx, { tenantId: actor.tenantId, id: deps.newId(), actor: actor.name, action: "apiKey.create", entity: "api_key", entityId: id, details: { name: cmd.name, role: cmd.role } });
  });
  return { id, name: cmd.name, role: cmd.role, key };
}

export async function revokeApiKey(deps: AppDeps, actor: Actor, id: string): Promise<void> {
  if (!isUuid(id)) fail("API_KEY_NOT_FOUND", `no API key ${id}`);
  await deps.db.transaction().execute(async (tx) => {
    const revoked = await store.revokeApiKey(tx, actor.tenantId, id, new Date(deps.clock.now().epochMilliseconds));
    if (!revoked) fail("API_KEY_NOT_FOUND", `no active API key ${id}`);
    await recordAudit(tx, { tenantId: actor.tenantId, id: deps.newId(), actor: actor.name, action: "apiKey.revoke", entity: "api_key", entityId: id });
  });
}

export interface ApiKeyView {
  id: string;
  name: string;
  role: Role;
  createdAt: string;
  revokedAt: string | null;
}

export async function listApiKeys(deps: AppDeps, actor: Actor): Promise<ApiKeyView[]> {
  return (await store.listApiKeys(deps.db, actor.tenantId)).map((k) => ({
    id: k.id,
    name: k.name,
    role: k.role,
    createdAt: new Date(k.created_at).toISOString(),
    revokedAt: k.revoked_at === null ? null : new Date(k.revoked_at).toISOString(),
  }));
}

/** The actor an API key speaks for; UNAUTHENTICATED for anything unknown, revoked or malformed. */
export async function authenticateApiKey(deps: AppDeps, key: string): Promise<Actor> {
  const match = KEY_PATTERN.exec(key);
  if (!match) return fail("UNAUTHENTICATED", "malformed API key");
  const ids = Buffer.from(match[1]!, "base64url");
  if (ids.length !== 32) return fail("UNAUTHENTICATED", "malformed API key");
  const tenantId = bytesToUuid(ids.subarray(0, 16));
  const row = await store.findApiKey(deps.db, tenantId, bytesToUuid(ids.subarray(16)));
  const given = Buffer.from(hashSecret(match[2]!), "hex");
  if (!row || !timingSafeEqual(given, Buffer.from(row.secret_hash, "hex"))) return fail("UNAUTHENTICATED", "unknown API key");
  if (row.revoked_at) return fail("API_KEY_REVOKED", "this API key was revoked");
  return { tenantId, role: row.role, name: `apikey:${row.id}` };
}
