/**
 * Which of a customer's open items does one payment settle? A bounded search for subsets whose amounts sum
 * exactly to the payment: fewest items first (a payer settling two invoices is likelier than five), and
 * among subsets of the same size the one that comes first in the candidates' order (oldest due first), as
 * a clerk would pick. Exact subset sum is exponential, so the search counts the nodes it visits and stops
 * at a budget; a stopped search says so, and its answer, if any, is not trusted as unique.
 */

export interface SubsetLimits {
  minSize: number;
  maxSize: number;
  maxNodes: number;
}

export interface SubsetResult {
  /** Positions in the candidates of the chosen subset, ascending; null when none was found. */
  indices: number[] | null;
  /** Another subset of the same size sums to the target too. */
  ambiguous: boolean;
  /** The node budget ran out before the search was complete. */
  exhausted: boolean;
  nodes: number;
}

/** Subsets of positive `amounts` with sum `target`, sizes minSize..maxSize, smallest size first. */
export function findExactSubset(amounts: readonly bigint[], target: bigint, limits: SubsetLimits): SubsetResult {
  const n = amounts.length;
  // suffixMax[i] = largest amount at or after i: bounds what the remaining picks can still add
  const suffixMax: bigint[] = new Array<bigint>(n + 1).fill(0n);
  for (let i = n - 1; i >= 0; i--) suffixMax[i] = amounts[i]! > suffixMax[i + 1]! ? amounts[i]! : suffixMax[i + 1]!;

  let nodes = 0;
  let exhausted = false;
  const chosen: number[] = [];
  const solutions: number[][] = [];

  // Depth-first over positions in order, so the first solution found uses the earliest candidates.
  const search = (from: number, picksLeft: number, remaining: bigint): void => {
    if (solutions.length >= 2 || exhausted) return;
    if (++nodes > limits.maxNodes) {
      exhausted = true;
      return;
    }
    if (picksLeft === 0) {
      if (remaining === 0n) solutions.push([...chosen]);
      return;
    }
    for (let i = from; i <= n - picksLeft; i++) {
      const amount = amounts[i]!;
      if (amount > remaining) continue;
      if (suffixMax[i]! * BigInt(picksLeft) < remaining) return; // nothing from here on can reach the target
      chosen.push(i);
      search(i + 1, picksLeft - 1, remaining - amount);
      chosen.pop();
      if (solutions.length >= 2 || exhausted) return;
    }
  };

  for (let size = Math.max(1, limits.minSize); size <= Math.min(limits.maxSize, n); size++) {
    search(0, size, target);
    if (solutions.length > 0 || exhausted) break;
  }
  const first = solutions[0] ?? null;
  return { indices: first, ambiguous: solutions.length > 1 || (first !== null && exhausted), exhausted, nodes };
}
