import { recordAudit } from "../store/audit.js";
import type { Db } from "../store/schema.js";
import type { Actor, AppDeps } from "./deps.js";

/** Every change is written to the audit log in the transaction that makes it. */
export const audit = (tx: Db, deps: AppDeps, actor: Actor, action: string, entity: string, entityId: string | null, details?: unknown) =>
  recordAudit(tx, { tenantId: actor.tenantId, id: deps.newId(), actor: actor.name, action, entity, entityId, details });
