/**
 * Splits `total` minor units in proportion to `weights` so that the parts sum to `total` exactly.
 * Largest-remainder method: each part gets its floor share, then the leftover units go one by one to
 * the parts with the largest remainders (earlier parts win ties), so no unit is lost or created.
 */
export function allocateByWeights(total: bigint, weights: readonly bigint[]): bigint[] {
  if (weights.length === 0) throw new RangeError("allocateByWeights needs at least one weight");
  if (weights.some((w) => w < 0n)) throw new RangeError("weights must not be negative");
  const weightSum = weights.reduce((a, b) => a + b, 0n);
  if (weightSum === 0n) throw new RangeError("weights must not all be zero");
  if (total < 0n) return allocateByWeights(-total, weights).map((p) => -p);

  const parts = weights.map((w) => (total * w) / weightSum);
  let leftover = total - parts.reduce((a, b) => a + b, 0n);
  const byRemainder = weights
    .map((w, index) => ({ index, remainder: (total * w) % weightSum }))
    .sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  for (let i = 0; leftover > 0n; i++, leftover--) {
    const target = byRemainder[i % byRemainder.length]!;
    parts[target.index]! += 1n;
  }
  return parts;
}
