import { sql } from "kysely";
import type { Db } from "./schema.js";

/** A tenant's row of tenant_settings with the tenant's own name and languages; defaults when it has none yet. */
export interface TenantChannelRow {
  tenant_id: string;
  name: string;
  language: string;
  country: string;
  timezone: string;
  default_policy: string;
  letter_paper: "A4" | "LETTER";
  sender_address: string[];
  smtp: unknown;
  sms: unknown;
  bank: unknown;
  portal_url: string | null;
  updated_at: Date | null;
}

export async function tenantChannelRow(db: Db, tenantId: string): Promise<TenantChannelRow | undefined> {
  const result = await sql<TenantChannelRow>`
    select t.tenant_id, t.name, t.language, t.country, t.timezone,
           coalesce(s.default_policy, 'standard') as default_policy, coalesce(s.letter_paper, 'A4') as letter_paper,
           coalesce(s.sender_address, '{}') as sender_address, s.smtp, s.sms, s.bank, s.portal_url, s.updated_at
      from tenants t left join tenant_settings s on s.tenant_id = t.tenant_id
     where t.tenant_id = ${tenantId}`.execute(db);
  return result.rows[0];
}

/** Locks the tenant's settings row (creating it with defaults) so concurrent changes apply one after the other. */
export async function lockTenantSettings(db: Db, tenantId: string): Promise<void> {
  await db.insertInto("tenant_settings").values({ tenant_id: tenantId }).onConflict((oc) => oc.column("tenant_id").doNothing()).execute();
  await db.selectFrom("tenant_settings").select("tenant_id").where("tenant_id", "=", tenantId).forUpdate().execute();
}

export interface TenantSettingsChange {
  smtp?: unknown;
  sms?: unknown;
  bank?: unknown;
  letterPaper?: "A4" | "LETTER";
  senderAddress?: readonly string[];
  portalUrl?: string | null;
  defaultPolicy?: string;
}

const json = (value: unknown): string | null => (value == null ? null : JSON.stringify(value));

/** Writes the fields present in `change`; the row exists (lockTenantSettings). */
export async function updateTenantSettings(db: Db, tenantId: string, change: TenantSettingsChange): Promise<void> {
  await db
    .updateTable("tenant_settings")
    .set({
      ...(change.smtp !== undefined && { smtp: json(change.smtp) }),
      ...(change.sms !== undefined && { sms: json(change.sms) }),
      ...(change.bank !== undefined && { bank: json(change.bank) }),
      ...(change.letterPaper !== undefined && { letter_paper: change.letterPaper }),
      ...(change.senderAddress !== undefined && { sender_address: [...change.senderAddress] }),
      ...(change.portalUrl !== undefined && { portal_url: change.portalUrl }),
      ...(change.defaultPolicy !== undefined && { default_policy: change.defaultPolicy }),
      updated_at: sql<Date>`now()`,
    })
    .where("tenant_id", "=", tenantId)
    .execute();
}
