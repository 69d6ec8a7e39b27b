import { fail } from "../../domain/errors.js";
import { tenantChannelRow } from "../../store/tenantSettings.js";
import type { Db } from "../../store/schema.js";
import { storedBank, storedEmail, storedSms, type ChannelSettings } from "./channelSettings.js";

/** The tenant as its messages name it, with its channel settings. */
export interface TenantChannels {
  tenantId: string;
  name: string;
  language: string;
  country: string;
  timezone: string;
  settings: ChannelSettings;
  updatedAt: Date | null;
}

export async function loadTenantChannels(db: Db, tenantId: string): Promise<TenantChannels> {
  const row = (await tenantChannelRow(db, tenantId)) ?? fail("TENANT_NOT_FOUND", "tenant not found");
  return {
    tenantId: row.tenant_id,
    name: row.name,
    language: row.language,
    country: row.country,
    timezone: row.timezone,
    settings: {
      email: storedEmail(row.smtp),
      sms: storedSms(row.sms),
      letterPaper: row.letter_paper,
      senderAddress: row.sender_address,
      bank: storedBank(row.bank),
      portalUrl: row.portal_url,
      defaultPolicy: row.default_policy,
    },
    updatedAt: row.updated_at,
  };
}
