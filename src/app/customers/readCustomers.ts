import { z } from "zod";
import * as customers from "../../store/customers.js";
import { decodeCursor, type Page } from "../../store/pagination.js";
import { isUuid, zPageQuery } from "../inputs/fields.js";
import { parseInput } from "../inputs/validate.js";
import type { Actor, AppDeps } from "../deps.js";
import { customerView, type CustomerView } from "../views/ledgerViews.js";
import { resolveCustomer } from "./resolveCustomer.js";

export const CustomerListQuery = zPageQuery.extend({ search: z.string().max(200).optional(), segment: z.string().max(64).optional() });

export async function getCustomer(deps: AppDeps, actor: Actor, customerId: string): Promise<CustomerView> {
  return customerView(await resolveCustomer(deps.db, actor.tenantId, { customerId }));
}

export async function listCustomers(deps: AppDeps, actor: Actor, query: unknown): Promise<Page<CustomerView>> {
  const q = parseInput(CustomerListQuery, query, "query");
  const after = decodeCursor(q.cursor, 1);
  const page = await customers.listCustomers(deps.db, { tenantId: actor.tenantId, limit: q.limit, after, search: q.search, segment: q.segment });
  return { items: page.items.map(customerView), nextCursor: page.nextCursor };
}

/** A customer named by its Dunwell id or its external id (what people type on a command line). */
export async function getCustomerByRef(deps: AppDeps, actor: Actor, ref: string): Promise<CustomerView> {
  const byId = isUuid(ref) ? await customers.findCustomer(deps.db, actor.tenantId, ref) : undefined;
  return customerView(byId ?? (await resolveCustomer(deps.db, actor.tenantId, { customerExternalId: ref })));
}
