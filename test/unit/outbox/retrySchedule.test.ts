import { describe, expect, it } from "vitest";
import { MAX_ATTEMPTS, retryDelaySeconds } from "../../../src/app/outbox/retrySchedule.js";

describe("retry schedule", () => {
  it("waits a minute after the first failure and doubles the wait after each further one", () => {
    expect([1, 2, 3, 4, 5].map(retryDelaySeconds)).toEqual([60, 120, 240, 480, 960]);
  });

  it("waits at most six hours; the ten attempts span about eight and a half hours", () => {
    const waits = Array.from({ length: 9 }, (_, i) => retryDelaySeconds(i + 1)!);
    expect(Math.max(...waits)).toBeLessThanOrEqual(6 * 3600);
    expect(waits.reduce((a, b) => a + b, 0)).toBe(30_660);
  });

  it("gives up after the tenth attempt", () => {
    expect(MAX_ATTEMPTS).toBe(10);
    expect(retryDelaySeconds(10)).toBeNull();
    expect(retryDelaySeconds(11)).toBeNull();
  });
});
