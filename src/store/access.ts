import type { Role } from "../domain/access/roles.js";
import type { Db } from "./schema.js";

export const insertUser = (db: Db, u: { tenant_id: string; id: string; email: string; name: string; role: Role; password_hash: string }) =>
  db.insertInto("users").values(u).execute();

export const findUserByEmail = (db: Db, tenantId: string, email: string) =>
  db.selectFrom("users").selectAll().where("tenant_id", "=", tenantId).where("email", "=", email).executeTakeFirst();

export const listUsers = (db: Db, tenantId: string) =>
  db.selectFrom("users").select(["id", "email", "name", "role", "created_at", "disabled_at"]).where("tenant_id", "=", tenantId).orderBy("email").execute();

export const insertApiKey = (db: Db, k: { tenant_id: string; id: string; name: string; role: Role; secret_hash: string }) =>
  db.insertInto("api_keys").values(k).execute();

export const findApiKey = (db: Db, tenantId: string, id: string) =>
  db.selectFrom("api_keys").selectAll().where("tenant_id", "=", tenantId).where("id", "=", id).executeTakeFirst();

export const listApiKeys = (db: Db, tenantId: string) =>
  db.selectFrom("api_keys").select(["id", "name", "role", "created_at", "revoked_at"]).where("tenant_id", "=", tenantId).orderBy("created_at").execute();

export const revokeApiKey = async (db: Db, tenantId: string, id: string, at: Date): Promise<boolean> => {
  const result = await db
    .updateTable("api_keys")
    .set({ revoked_at: at })
    .where("tenant_id", "=", tenantId)
    .where("id", "=", id)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
};
