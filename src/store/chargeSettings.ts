import type { AllocationOrder } from "../domain/ledger/allocationOrder.js";
import type { Db } from "./schema.js";

/** A tenant's charge settings (migration 0012): allocation order and opt-in to fixed compensation. */
export interface ChargeSettings {
  allocationOrder: AllocationOrder;
  compensation: boolean;
}

export const DEFAULT_CHARGE_SETTINGS: ChargeSettings = { allocationOrder: "costs-interest-principal", compensation: false };

/** The stored settings, or the defaults for a tenant that never changed them. */
export async function chargeSettings(db: Db, tenantId: string): Promise<ChargeSettings> {
  const row = await db.selectFrom("tenant_settings").select(["allocation_order", "compensation"]).where("tenant_id", "=", tenantId).executeTakeFirst();
  return row ? { allocationOrder: row.allocation_order, compensation: row.compensation } : DEFAULT_CHARGE_SETTINGS;
}

/** Writes the fields present in `change`; the row exists (lockTenantSettings). */
export async function updateChargeSettings(db: Db, tenantId: string, change: Partial<ChargeSettings>): Promise<void> {
  if (change.allocationOrder === undefined && change.compensation === undefined) return;
  await db
    .updateTable("tenant_settings")
    .set({
      ...(change.allocationOrder !== undefined && { allocation_order: change.allocationOrder }),
      ...(change.compensation !== undefined && { compensation: change.compensation }),
    })
    .where("tenant_id", "=", tenantId)
    .execute();
}
