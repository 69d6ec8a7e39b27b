import type { Actor, AppDeps } from "../deps.js";
import type { ChannelSettings } from "./channelSettings.js";
import { maskEmail, maskSms } from "./secrets.js";
import { loadTenantChannels, type TenantChannels } from "./tenantChannels.js";

/** The settings as an admin sees them: secrets masked (see SECRET_MASK). */
export interface ChannelSettingsView extends ChannelSettings {
  updatedAt: string | null;
}

export const channelSettingsView = (tenant: TenantChannels): ChannelSettingsView => ({
  ...tenant.settings,
  email: maskEmail(tenant.settings.email),
  sms: maskSms(tenant.settings.sms),
  updatedAt: tenant.updatedAt?.toISOString() ?? null,
});

export async function getChannelSettings(deps: AppDeps, actor: Actor): Promise<ChannelSettingsView> {
  return channelSettingsView(await loadTenantChannels(deps.db, actor.tenantId));
}
