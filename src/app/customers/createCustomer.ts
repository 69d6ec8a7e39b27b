import { CustomerInput, knownCurrency } from "../inputs/ledgerInputs.js";
import { toMinor } from "../inputs/fields.js";
import { parseInput } from "../inputs/validate.js";
import { fail } from "../../domain/errors.js";
import * as customers from "../../store/customers.js";
import { audit } from "../audit.js";
import type { Actor, AppDeps } from "../deps.js";
import { customerView, type CustomerView } from "../views/ledgerViews.js";
import { requirePolicy } from "../policies/requirePolicy.js";
import { resolveCustomer } from "./resolveCustomer.js";

export async function createCustomer(deps: AppDeps, actor: Actor, body: unknown): Promise<CustomerView> {
  const input = parseInput(CustomerInput, body, "customer");
  return deps.db.transaction().execute(async (tx) => {
    if (await customers.findCustomerByExternalId(tx, actor.tenantId, input.externalId)) {
      fail("CUSTOMER_EXISTS", `a customer with external id "${input.externalId}" already exists`, { path: "externalId" });
    }
    if (input.policy) await requirePolicy(tx, deps, actor.tenantId, input.policy);
    const parent = input.parentExternalId ? await resolveCustomer(tx, actor.tenantId, { customerExternalId: input.parentExternalId }) : undefined;
    const id = deps.newId();
    await customers.insertCustomer(tx, {
      tenant_id: actor.tenantId,
      id,
      external_id: input.externalId,
      legal_name: input.legalName,
      tax_id: input.taxId ?? null,
      country: input.country ?? null,
      currency: input.currency,
      language: input.language ?? null,
      segment: input.segment ?? null,
      tags: input.tags ?? [],
      parent_id: parent?.id ?? null,
      credit_limit: input.creditLimit === undefined ? null : toMinor(input.creditLimit, knownCurrency(input.currency)),
      do_not_dun: input.doNotDun ?? false,
      policy_key: input.policy ?? null,
      collector_id: input.collectorId ?? null,
      address_lines: input.addressLines ?? [],
    });
    await audit(tx, deps, actor, "customer.create", "customer", id, { externalId: input.externalId });
    return customerView((await customers.findCustomer(tx, actor.tenantId, id))!);
  });
}
