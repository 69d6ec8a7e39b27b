import type { MatchIndex } from "./matchIndex.js";
import type { MatchProposal } from "./proposal.js";

/**
 * Records in the import's index what the caller applied, so later lines of the same import see the reduced
 * open amounts: a second payment of an invoice becomes an overpayment or a duplicate to review, and no open
 * amount is applied twice. Call it for each proposal applied (auto, or confirmed during the import), in the
 * order applied; suggestions left in the queue reserve nothing. Mutates `index` (it belongs to one import).
 */
export function applyToIndex(index: MatchIndex, proposal: Pick<MatchProposal, "allocations">): void {
  for (const allocation of proposal.allocations) {
    const indexed = index.byInvoiceId.get(allocation.invoiceId)?.items.find((i) => i.item.installmentSeq === allocation.installmentSeq);
    if (!indexed) continue;
    const settled = allocation.amount + (allocation.discount ?? 0n);
    indexed.open = settled >= indexed.open ? 0n : indexed.open - settled;
  }
}
