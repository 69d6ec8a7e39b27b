import { chargeSettings, type ChargeSettings } from "../../store/chargeSettings.js";
import type { Actor, AppDeps } from "../deps.js";
import type { ChannelSettings } from "./channelSettings.js";
import { maskEmail, maskSms } from "./secrets.js";
import { loadTenantChannels, type TenantChannels } from "./tenantChannels.js";

/** The settings as an admin sees them: secrets masked (see SECRET_MASK), with the charge settings (allocation order, compensation). */
export interface ChannelSettingsView extends ChannelSettings, ChargeSettings {
  updatedAt: string | null;
}

export const channelSettingsView = (tenant: TenantChannels, charges: ChargeSettings): ChannelSettingsView => ({
  ...tenant.settings,
  email: maskEmail(tenant.settings.email),
  sms: maskSms(tenant.settings.sms),
  ...charges,
  updatedAt: tenant.updatedAt?.toISOString() ?? null,
});

export async function getChannelSettings(deps: AppDeps, actor: Actor): Promise<ChannelSettingsView> {
  return channelSettingsView(await loadTenantChannels(deps.db, actor.tenantId), await chargeSettings(deps.db, actor.tenantId));
}
