import { CustomerPatch, knownCurrency } from "../inputs/ledgerInputs.js";
import { toMinor } from "../inputs/fields.js";
import { parseInput } from "../inputs/validate.js";
import { parseAmount } from "../../domain/money/index.js";
import { fail } from "../../domain/errors.js";
import * as customers from "../../store/customers.js";
import { audit } from "../audit.js";
import type { Actor, AppDeps } from "../deps.js";
import { customerView, type CustomerView } from "../views/ledgerViews.js";
import { requirePolicy } from "../policies/requirePolicy.js";
import { resolveCustomer } from "./resolveCustomer.js";

export async function updateCustomer(deps: AppDeps, actor: Actor, customerId: string, body: unknown): Promise<CustomerView> {
  const patch = parseInput(CustomerPatch, body, "customer change");
  return deps.db.transaction().execute(async (tx) => {
    const current = await resolveCustomer(tx, actor.tenantId, { customerId });
    const currency = knownCurrency(current.currency);
    if (patch.creditLimit) {
      const parsed = parseAmount(patch.creditLimit, currency);
      if (!parsed.ok) fail(parsed.error.code, parsed.error.message, { path: "creditLimit" });
    }
    if (patch.policy) await requirePolicy(tx, deps, actor.tenantId, patch.policy);
    await customers.updateCustomer(tx, actor.tenantId, customerId, {
      ...(patch.legalName !== undefined ? { legal_name: patch.legalName } : {}),
      ...(patch.taxId !== undefined ? { tax_id: patch.taxId } : {}),
      ...(patch.country !== undefined ? { country: patch.country } : {}),
      ...(patch.language !== undefined ? { language: patch.language } : {}),
      ...(patch.segment !== undefined ? { segment: patch.segment } : {}),
      ...(patch.tags !== undefined ? { tags: patch.tags } : {}),
      ...(patch.doNotDun !== undefined ? { do_not_dun: patch.doNotDun } : {}),
      ...(patch.policy !== undefined ? { policy_key: patch.policy } : {}),
      ...(patch.collectorId !== undefined ? { collector_id: patch.collectorId } : {}),
      ...(patch.addressLines !== undefined ? { address_lines: patch.addressLines } : {}),
      ...(patch.creditHold !== undefined ? { credit_hold: patch.creditHold } : {}),
      ...(patch.creditLimit !== undefined ? { credit_limit: patch.creditLimit === null ? null : toMinor(patch.creditLimit, currency) } : {}),
    });
    await audit(tx, deps, actor, "customer.update", "customer", customerId, patch);
    return customerView((await customers.findCustomer(tx, actor.tenantId, customerId))!);
  });
}
