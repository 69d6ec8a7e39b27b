import { hash, verify } from "@node-rs/argon2";
import { fail } from "../../domain/errors.js";
import type { Role } from "../../domain/access/roles.js";
import * as store from "../../store/access.js";
import { recordAudit } from "../../store/audit.js";
import type { Actor, AppDeps } from "../deps.js";

const MIN_PASSWORD = 12;

export async function addUser(deps: AppDeps, actor: Actor, cmd: { email: string; name: string; role: Role; password: string }) {
  if (cmd.password.length < MIN_PASSWORD) fail("VALIDATION_FAILED", `passwords need at least ${MIN_PASSWORD} characters`, { path: "password" });
  const email = cmd.email.trim().toLowerCase();
  const passwordHash = await hash(cmd.password); // argon2id with the library's recommended cost
  const id = deps.newId();
  await deps.db.transaction().execute(async (tx) => {
    if (await store.findUserByEmail(tx, actor.tenantId, email)) fail("USER_EXISTS", `a user ${email} already exists`, { path: "email" });
    await store.insertUser(tx, { tenant_id: actor.tenantId, id, email, name: cmd.name, role: cmd.role, password_hash: passwordHash });
    await recordAudit(tx, { tenantId: actor.tenantId, id: deps.newId(), actor: actor.name, action: "user.add", entity: "user", entityId: id, details: { email, role: cmd.role } });
  });
  return { id, email, name: cmd.name, role: cmd.role };
}

/** Checks a user's password; the same error for unknown user and wrong password. */
export async function verifyUserPassword(deps: AppDeps, tenantId: string, email: string, password: string): Promise<Actor> {
  const user = await store.findUserByEmail(deps.db, tenantId, email.trim().toLowerCase());
  if (!user || user.disabled_at || !(await verify(user.password_hash, password))) return fail("UNAUTHENTICATED", "wrong email or password");
  return { tenantId, role: user.role, name: `user:${user.email}` };
}

export const listUsers = (deps: AppDeps, actor: Actor) => store.listUsers(deps.db, actor.tenantId);
