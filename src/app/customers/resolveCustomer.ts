import { fail } from "../../domain/errors.js";
import * as customers from "../../store/customers.js";
import { isUuid } from "../inputs/fields.js";
import type { CustomerRow, Db } from "../../store/schema.js";

/** The customer named by id or external id, within the tenant; CUSTOMER_NOT_FOUND otherwise. */
export async function resolveCustomer(db: Db, tenantId: string, ref: { customerId?: string | undefined; customerExternalId?: string | undefined }): Promise<CustomerRow> {
  const row = ref.customerId
    ? isUuid(ref.customerId)
      ? await customers.findCustomer(db, tenantId, ref.customerId)
      : undefined
    : ref.customerExternalId
      ? await customers.findCustomerByExternalId(db, tenantId, ref.customerExternalId)
      : undefined;
  return row ?? fail("CUSTOMER_NOT_FOUND", `no customer ${ref.customerId ?? ref.customerExternalId ?? ""}`, { path: ref.customerId ? "customerId" : "customerExternalId" });
}
