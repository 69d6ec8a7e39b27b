import { chargeSettings, updateChargeSettings } from "../../store/chargeSettings.js";
import { lockTenantSettings, updateTenantSettings } from "../../store/tenantSettings.js";
import { audit } from "../audit.js";
import type { Actor, AppDeps } from "../deps.js";
import { parseInput } from "../inputs/validate.js";
import { requirePolicy } from "../policies/requirePolicy.js";
import { ChannelSettingsInput } from "./channelSettings.js";
import { channelSettingsView, type ChannelSettingsView } from "./getChannelSettings.js";
import { keepEmailSecret, keepSmsSecrets } from "./secrets.js";
import { loadTenantChannels } from "./tenantChannels.js";

/**
 * Changes the fields present in `body` (null clears one). The audit log records which fields
 * changed, never their secret values. A running dispatcher picks the new settings up with its next
 * message for the tenant.
 */
export async function updateChannelSettings(deps: AppDeps, actor: Actor, body: unknown): Promise<ChannelSettingsView> {
  const input = parseInput(ChannelSettingsInput, body, "channel settings");
  return deps.db.transaction().execute(async (tx) => {
    await lockTenantSettings(tx, actor.tenantId);
    const stored = (await loadTenantChannels(tx, actor.tenantId)).settings;
    if (input.defaultPolicy !== undefined) await requirePolicy(tx, deps, actor.tenantId, input.defaultPolicy);
    await updateTenantSettings(tx, actor.tenantId, {
      smtp: input.email && keepEmailSecret(input.email, stored.email),
      sms: input.sms && keepSmsSecrets(input.sms, stored.sms),
      bank: input.bank,
      letterPaper: input.letterPaper,
      senderAddress: input.senderAddress,
      portalUrl: input.portalUrl,
      defaultPolicy: input.defaultPolicy,
    });
    await updateChargeSettings(tx, actor.tenantId, { allocationOrder: input.allocationOrder, compensation: input.compensation });
    await audit(tx, deps, actor, "settings.channels", "tenant", actor.tenantId, { changed: Object.keys(input).filter((k) => input[k as keyof typeof input] !== undefined) });
    return channelSettingsView(await loadTenantChannels(tx, actor.tenantId), await chargeSettings(tx, actor.tenantId));
  });
}
