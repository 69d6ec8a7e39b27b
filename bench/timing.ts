import { performance } from "node:perf_hooks";

export interface Timed {
  medianMs: number;
  minMs: number;
  runsMs: number[];
}

const round1 = (ms: number) => Math.round(ms * 10) / 10;

/**
 * Runs `a` and `b` alternately (after one unmeasured warm-up each), so drift in the machine's load
 * hits both sides of a comparison alike; reports the median of each.
 */
export async function compareRuns<A, B>(runs: number, a: () => Promise<A>, b: () => Promise<B>): Promise<{ a: Timed; b: Timed; lastA: A; lastB: B }> {
  let lastA = await a();
  let lastB = await b();
  const timesA: number[] = [];
  const timesB: number[] = [];
  for (let i = 0; i < runs; i++) {
    let started = performance.now();
    lastA = await a();
    timesA.push(performance.now() - started);
    started = performance.now();
    lastB = await b();
    timesB.push(performance.now() - started);
  }
  return { a: summarize(timesA), b: summarize(timesB), lastA, lastB };
}

function summarize(times: number[]): Timed {
  const sorted = [...times].sort((x, y) => x - y);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { medianMs: round1(median), minMs: round1(sorted[0]!), runsMs: times.map(round1) };
}

export async function timeOnce<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await run();
  return { ms: round1(performance.now() - started), value };
}
