import { describe, expect, it } from "vitest";
import { addUser, verifyUserPassword } from "../../src/app/access/users.js";
import { authenticateApiKey, createApiKey, revokeApiKey } from "../../src/app/access/apiKeys.js";
import { can } from "../../src/domain/access/roles.js";
import { engineAvailable, useTestDatabase } from "../kit/database.js";
import { depsAt, newTenant } from "../kit/factories.js";

describe.skipIf(!engineAvailable())("users and API keys", () => {
  const t = useTestDatabase();

  it("stores passwords as argon2id hashes and checks them", async () => {
    const deps = depsAt(t());
    const actor = await newTenant(deps);
    await addUser(deps, actor, { email: "Ana@Example.com", name: "Ana", role: "collector", password: "correct horse battery" });
    const stored = await t().db.selectFrom("users").select("password_hash").where("tenant_id", "=", actor.tenantId).executeTakeFirstOrThrow();
    expect(stored.password_hash).toMatch(/^\$argon2id\$/);
    expect(stored.password_hash).not.toContain("correct horse");
    await expect(verifyUserPassword(deps, actor.tenantId, "ana@example.com", "correct horse battery")).resolves.toMatchObject({ role: "collector", name: "user:ana@example.com" });
    await expect(verifyUserPassword(deps, actor.tenantId, "ana@example.com", "wrong horse battery")).rejects.toMatchObject({ error: { code: "UNAUTHENTICATED" } });
    await expect(addUser(deps, actor, { email: "ana@example.com", name: "Ana 2", role: "viewer", password: "another long password" })).rejects.toMatchObject({ error: { code: "USER_EXISTS" } });
    await expect(addUser(deps, actor, { email: "bo@example.com", name: "Bo", role: "viewer", password: "short" })).rejects.toMatchObject({ error: { code: "VALIDATION_FAILED", path: "password" } });
  });

  it("authenticates a key to its tenant and role until it is revoked", async () => {
    const deps = depsAt(t());
    const actor = await newTenant(deps);
    const other = await newTenant(deps);
    const created = await createApiKey(deps, actor, { name: "erp", role: "collector" });
    await expect(authenticateApiKey(deps, created.key)).resolves.toEqual({ tenantId: actor.tenantId, role: "collector", name: `apikey:${created.id}` });
    const stored = await t().db.selectFrom("api_keys").select("secret_hash").where("id", "=", created.id).executeTakeFirstOrThrow();
    expect(created.key).not.toContain(stored.secret_hash);
    await expect(authenticateApiKey(deps, created.key.slice(0, -1) + (created.key.endsWith("A") ? "B" : "A"))).rejects.toMatchObject({ error: { code: "UNAUTHENTICATED" } });
    await expect(revokeApiKey(deps, other, created.id)).rejects.toMatchObject({ error: { code: "API_KEY_NOT_FOUND" } });
    await revokeApiKey(deps, actor, created.id);
    await expect(authenticateApiKey(deps, created.key)).rejects.toMatchObject({ error: { code: "API_KEY_REVOKED" } });
  });

  it("grants each role only its permissions", () => {
    expect(can("viewer", "ledger:read")).toBe(true);
    expect(can("viewer", "ledger:write")).toBe(false);
    expect(can("collector", "ledger:writeOff")).toBe(false);
    expect(can("manager", "ledger:writeOff")).toBe(true);
    expect(can("manager", "admin:users")).toBe(false);
    expect(can("admin", "admin:users")).toBe(true);
  });
});
