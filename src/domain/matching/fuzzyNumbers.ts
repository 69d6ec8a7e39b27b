/**
 * Finds the keys within one typo of a query among ~150,000 invoice numbers without comparing against each:
 * a symmetric-delete index (the SymSpell idea). Every key is filed under each string it becomes with one
 * character deleted; two strings are within one edit (substitution, insertion, deletion, or a swap of two
 * adjacent characters) only if one equals the other, one is a deletion of the other, or they share a
 * deletion. Shared deletions also admit a few pairs two edits apart ("ABC"/"BCA"), so every candidate is
 * checked with withinOneEdit before it is returned.
 *
 * A key of n characters has n deletions, so 150,000 numbers make about 1.5 million of them. Filed as strings
 * in a Map they cost seconds and hundreds of megabytes; here only their 32-bit polynomial hashes are filed, in
 * open-addressing tables of typed arrays (no string is built, nothing for the garbage collector). A hash
 * collision only adds a candidate that withinOneEdit then rejects.
 */

/** Keys shorter than this are not worth a typo search: one edit from a 3-character number is too many numbers. */
const MIN_FUZZY_KEY_LENGTH = 4;

/** Hash → ids, several ids per hash allowed; linear probing in typed arrays, never resized. */
interface HashTable {
  hashes: Uint32Array;
  /** id + 1; 0 marks an empty slot. */
  ids: Int32Array;
  mask: number;
}

export interface FuzzyNumberIndex {
  /** The distinct keys; a key's position is its id. */
  readonly keys: readonly string[];
  /** Whole keys by hash. */
  readonly whole: HashTable;
  /** Every one-character deletion of every key by hash. */
  readonly deletions: HashTable;
}

const MULTIPLIER = 0x01000193; // the FNV prime: odd, so multiplication permutes 32-bit values

export function buildFuzzyNumberIndex(keys: Iterable<string>): FuzzyNumberIndex {
  const distinct = [...new Set(keys)].filter((k) => k.length >= MIN_FUZZY_KEY_LENGTH);
  const deletionCount = distinct.reduce((n, k) => n + k.length, 0);
  const whole = hashTable(distinct.length);
  const deletions = hashTable(deletionCount);
  distinct.forEach((key, id) => {
    insert(whole, hashOf(key), id);
    forEachDeletionHash(key, (hash, i) => {
      // deleting either of two equal neighbours gives the same string: file it once
      if (i === 0 || key[i] !== key[i - 1]) insert(deletions, hash, id);
    });
  });
  return { keys: distinct, whole, deletions };
}

/** The keys exactly one edit from `query` (the query itself excluded), in index order. */
export function keysWithinOneEdit(index: FuzzyNumberIndex, query: string): string[] {
  const ids = new Set<number>();
  const collect = (id: number) => ids.add(id);
  forEachId(index.deletions, hashOf(query), collect); // the payer left a character out
  forEachDeletionHash(query, (hash) => {
    forEachId(index.whole, hash, collect); // the payer typed one character too many
    forEachId(index.deletions, hash, collect); // one character changed, or two neighbours swapped
  });
  return [...ids]
    .sort((a, b) => a - b)
    .map((id) => index.keys[id]!)
    .filter((key) => key !== query && withinOneEdit(key, query));
}

/** Optimal-string-alignment distance ≤ 1: equal, or one substitution, insertion, deletion or adjacent swap apart. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  if (a.length !== b.length) {
    const [short, long] = a.length < b.length ? [a, b] : [b, a];
    let i = 0;
    while (i < short.length && short[i] === long[i]) i++;
    return short.slice(i) === long.slice(i + 1);
  }
  let i = 0;
  while (a[i] === b[i]) i++;
  if (a.slice(i + 1) === b.slice(i + 1)) return true; // one substitution
  return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // adjacent swap
}

/** Σ text[j] · M^(n−1−j) modulo 2^32. */
function hashOf(text: string): number {
  let hash = 0;
  for (let j = 0; j < text.length; j++) hash = (Math.imul(hash, MULTIPLIER) + text.charCodeAt(j)) >>> 0;
  return hash;
}

// Scratch space for forEachDeletionHash, reused across calls (the index is built and read synchronously).
let suffix = new Uint32Array(64); // suffix[i] = hash of text[i..] with powers counted from the end
let power = new Uint32Array(64); // power[k] = M^k

/**
 * The hash of `text` without character i, for every i, in O(n): the prefix before i shifted by the
 * n−1−i characters after it, plus the suffix after i — the same value hashOf gives the shortened string.
 */
function forEachDeletionHash(text: string, visit: (hash: number, i: number) => void): void {
  const n = text.length;
  if (suffix.length <= n) {
    suffix = new Uint32Array(2 * n);
    power = new Uint32Array(2 * n);
  }
  power[0] = 1;
  for (let k = 1; k <= n; k++) power[k] = Math.imul(power[k - 1]!, MULTIPLIER) >>> 0;
  suffix[n] = 0;
  for (let i = n - 1; i >= 0; i--) suffix[i] = (Math.imul(text.charCodeAt(i), power[n - 1 - i]!) + suffix[i + 1]!) >>> 0;
  let prefix = 0; // hash of text[0..i)
  for (let i = 0; i < n; i++) {
    // text[j] for j > i keeps its power M^(n−1−j); the prefix moves down by one power for the deleted character
    visit((Math.imul(prefix, power[n - 1 - i]!) + suffix[i + 1]!) >>> 0, i);
    prefix = (Math.imul(prefix, MULTIPLIER) + text.charCodeAt(i)) >>> 0;
  }
}

function hashTable(entries: number): HashTable {
  let size = 16;
  while (size * 0.75 < entries) size *= 2; // at most three quarters full: short probes, half the memory of half full
  return { hashes: new Uint32Array(size), ids: new Int32Array(size), mask: size - 1 };
}

function insert(table: HashTable, hash: number, id: number): void {
  let slot = hash & table.mask;
  while (table.ids[slot] !== 0) slot = (slot + 1) & table.mask;
  table.hashes[slot] = hash;
  table.ids[slot] = id + 1;
}

function forEachId(table: HashTable, hash: number, visit: (id: number) => void): void {
  for (let slot = hash & table.mask; table.ids[slot] !== 0; slot = (slot + 1) & table.mask) {
    if (table.hashes[slot] === hash) visit(table.ids[slot]! - 1);
  }
}
