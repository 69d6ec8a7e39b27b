import { z } from "zod";
import { fail } from "../../domain/errors.js";
import { listAllocations } from "../../store/allocations.js";
import { decodeCursor, type Page } from "../../store/pagination.js";
import * as payments from "../../store/payments.js";
import type { Actor, AppDeps } from "../deps.js";
import { isUuid, zPageQuery } from "../inputs/fields.js";
import { parseInput } from "../inputs/validate.js";
import { allocationView, paymentView, type AllocationView, type PaymentView } from "../views/ledgerViews.js";

export const PaymentListQuery = zPageQuery.extend({ customerId: z.uuid().optional(), unapplied: z.stringbool().optional() });

export async function getPayment(deps: AppDeps, actor: Actor, paymentId: string): Promise<PaymentView & { allocations: AllocationView[] }> {
  const row = isUuid(paymentId) ? await payments.findPayment(deps.db, actor.tenantId, paymentId) : undefined;
  if (!row) return fail("PAYMENT_NOT_FOUND", `no payment ${paymentId}`);
  const allocations = await listAllocations(deps.db, { tenantId: actor.tenantId, paymentId: row.id });
  return { ...paymentView(row), allocations: allocations.map((a) => allocationView(a, row.currency)) };
}

export async function listPayments(deps: AppDeps, actor: Actor, query: unknown): Promise<Page<PaymentView>> {
  const q = parseInput(PaymentListQuery, query, "query");
  const page = await payments.listPayments(deps.db, { tenantId: actor.tenantId, limit: q.limit, after: decodeCursor(q.cursor, 2), customerId: q.customerId, unappliedOnly: q.unapplied ?? false });
  return { items: page.items.map(paymentView), nextCursor: page.nextCursor };
}
