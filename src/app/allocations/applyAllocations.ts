import type { PlannedAllocation } from "../../domain/ledger/allocateOldestFirst.js";
import { insertAllocations } from "../../store/allocations.js";
import { recomputeCreditNotes, recomputeInvoices, recomputePayments } from "../../store/balances.js";
import type { AllocationKind, Db } from "../../store/schema.js";
import type { Actor, AppDeps } from "../deps.js";

export interface AllocationSource {
  kind: AllocationKind;
  paymentId?: string;
  creditNoteId?: string;
  /** The date the money or credit became available; allocations never predate the invoice either. */
  availableOn: string;
  reason?: string;
}

/**
 * Writes planned allocations and recomputes every balance they touch, in the caller's transaction.
 * The allocation date is the later of when the money arrived and when the invoice was issued, so the
 * ledger viewed as of any date never shows money applied to an invoice that did not exist yet.
 */
export async function applyAllocations(
  tx: Db,
  deps: AppDeps,
  actor: Actor,
  source: AllocationSource,
  planned: readonly PlannedAllocation[],
  issueDates: ReadonlyMap<string, string>,
): Promise<void> {
  if (planned.length === 0) return;
  await insertAllocations(
    tx,
    planned.map((p) => {
      const issued = issueDates.get(p.invoiceId) ?? source.availableOn;
      return {
        tenant_id: actor.tenantId,
        id: deps.newId(),
        invoice_id: p.invoiceId,
        installment_seq: p.installmentSeq,
        kind: source.kind,
        payment_id: source.paymentId ?? null,
        credit_note_id: source.creditNoteId ?? null,
        amount: p.amount,
        applied_on: issued > source.availableOn ? issued : source.availableOn,
        reason: source.reason ?? null,
        created_by: actor.name,
      };
    }),
  );
  await recomputeInvoices(tx, actor.tenantId, [...new Set(planned.map((p) => p.invoiceId))]);
  if (source.paymentId) await recomputePayments(tx, actor.tenantId, [source.paymentId]);
  if (source.creditNoteId) await recomputeCreditNotes(tx, actor.tenantId, [source.creditNoteId]);
}
