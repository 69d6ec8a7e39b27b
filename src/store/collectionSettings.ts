import type { Db } from "./schema.js";

export interface CollectionSettings {
  defaultPolicy: string;
  /** Segment key → policy key, in priority order. */
  segmentPolicies: Map<string, string>;
}

export async function collectionSettings(db: Db, tenantId: string): Promise<CollectionSettings> {
  const settings = await db.selectFrom("tenant_settings").select("default_policy").where("tenant_id", "=", tenantId).executeTakeFirst();
  const segments = await db.selectFrom("segments").select(["key", "policy_key"]).where("tenant_id", "=", tenantId).orderBy("priority").execute();
  return { defaultPolicy: settings?.default_policy ?? "standard", segmentPolicies: new Map(segments.map((s) => [s.key, s.policy_key])) };
}

export const setDefaultPolicy = (db: Db, tenantId: string, policyKey: string) =>
  db
    .insertInto("tenant_settings")
    .values({ tenant_id: tenantId, default_policy: policyKey })
    .onConflict((oc) => oc.column("tenant_id").doUpdateSet({ default_policy: policyKey, updated_at: new Date() }))
    .execute();
