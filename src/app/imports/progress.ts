export interface Progress {
  tick(done: number): void;
  finish(done: number): void;
}

// About 20 updates a second is smooth for a progress bar and costs nothing.
const INTERVAL_MS = 50;

/** Throttles onProgress; wall time here only paces the display, it decides nothing. */
export function progressReporter(onProgress: ((done: number, total: number) => void) | undefined, total: number): Progress {
  if (!onProgress) return { tick: () => undefined, finish: () => undefined };
  let last = 0;
  return {
    tick(done) {
      if ((done & 255) !== 0) return;
      const now = performance.now();
      if (now - last < INTERVAL_MS) return;
      last = now;
      onProgress(done, Math.max(total, done));
    },
    finish(done) {
      onProgress(done, done);
    },
  };
}
