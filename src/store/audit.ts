import type { Db } from "./schema.js";

export interface AuditEntry {
  tenantId: string;
  id: string;
  actor: string;
  action: string;
  entity: string;
  entityId?: string | null;
  details?: unknown;
}

export const recordAudit = (db: Db, e: AuditEntry) =>
  db
    .insertInto("audit_log")
    .values({
      tenant_id: e.tenantId,
      id: e.id,
      actor: e.actor,
      action: e.action,
      entity: e.entity,
      entity_id: e.entityId ?? null,
      details: e.details === undefined ? null : JSON.stringify(e.details, (_k, v) => (typeof v === "bigint" ? v.toString() : v)),
    })
    .execute();

export const listAudit = (db: Db, tenantId: string, q: { entity?: string; entityId?: string; limit: number }) => {
  let query = db.selectFrom("audit_log").selectAll().where("tenant_id", "=", tenantId);
  if (q.entity) query = query.where("entity", "=", q.entity);
  if (q.entityId) query = query.where("entity_id", "=", q.entityId);
  return query.orderBy("id", "desc").limit(q.limit).execute();
};
