/*
 * The demo book must be byte-identical for the same seed on every machine, so randomness here is
 * integer-only: mulberry32 for streams and a murmur3 finaliser to derive one independent stream per
 * (seed, purpose, customer). Independent streams keep a customer's data unchanged when the chunk
 * size or the number of customers after it changes.
 */

const TWO_32 = 4_294_967_296;

/** murmur3 fmix32 over the inputs: a well-spread 32-bit value from small integers. */
export function mix32(...values: readonly number[]): number {
  let h = 0x811c9dc5;
  for (const v of values) {
    h = Math.imul(h ^ (v >>> 0), 0x01000193);
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return h >>> 0;
}

export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** One stream per purpose and index, all derived from the book's seed. */
  static stream(seed: number, purpose: number, index: number): Rng {
    return new Rng(mix32(seed, purpose, index));
  }

  /** mulberry32 step: a uniform uint32. */
  uint32(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = Math.imul(this.state ^ (this.state >>> 15), 1 | this.state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (t ^ (t >>> 14)) >>> 0;
  }

  /**
   * Integer in [0, n), n ≤ 2³². The scaling is one IEEE multiplication and a division by a power of
   * two, which every JavaScript engine rounds the same way, so the result is reproducible everywhere.
   */
  below(n: number): number {
    if (!(n > 0 && n <= TWO_32 && Number.isInteger(n))) throw new RangeError(`Rng.below(${n})`);
    return Math.floor((this.uint32() * n) / TWO_32);
  }

  /** Uniform integer in [lo, hi], both inclusive. */
  between(lo: number, hi: number): number {
    return lo + this.below(hi - lo + 1);
  }

  /** True with probability perMille / 1000. */
  chance(perMille: number): boolean {
    return this.below(1000) < perMille;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[this.below(items.length)];
    if (item === undefined) throw new RangeError("Rng.pick on an empty list");
    return item;
  }
}

/** Items with integer weights, drawn by cumulative weight. */
export class Weighted<T> {
  private readonly items: T[];
  private readonly cumulative: number[];
  readonly total: number;

  constructor(entries: readonly (readonly [T, number])[]) {
    this.items = [];
    this.cumulative = [];
    let total = 0;
    for (const [item, weight] of entries) {
      if (weight <= 0) continue;
      total += weight;
      this.items.push(item);
      this.cumulative.push(total);
    }
    if (total === 0) throw new RangeError("a weighted table needs a positive weight");
    this.total = total;
  }

  /** The item whose weight interval holds `point` in [0, total). */
  at(point: number): T {
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumulative[mid]! > point) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo]!;
  }

  draw(rng: Rng): T {
    return this.at(rng.below(this.total));
  }

  /**
   * The index-th member of a low-discrepancy (Weyl) sequence: over any run of n consecutive indexes
   * each item appears about weight/total × n times, so even a 200-customer book holds every rare
   * profile. Different `step`s give sequences that are not correlated with each other.
   */
  spread(index: number, step: number, offset: number): T {
    const u = (Math.imul(index, step) + offset) >>> 0;
    return this.at(Math.floor((u * this.total) / TWO_32));
  }
}

/** Weyl steps: fractional parts of the golden ratio, √2 and √3, times 2³². */
export const WEYL_STEPS = { golden: 0x9e3779b9, sqrt2: 0x6a09e667, sqrt3: 0xbb67ae85 } as const;
