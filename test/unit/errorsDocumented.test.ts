import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { httpStatusOf } from "../../src/api/errors.js";
import { ERROR_CODES, type ErrorCode } from "../../src/domain/errors.js";

// Rows of the "Codes" table in docs/errors.md: | CODE | status | meaning |
const documented = new Map(
  [...readFileSync(new URL("../../docs/errors.md", import.meta.url), "utf8").matchAll(/^\| ([A-Z][A-Z0-9_]+) \| (\d{3}) \| (.+) \|$/gm)].map((m) => [m[1]!, { status: Number(m[2]), meaning: m[3]!.trim() }]),
);

describe("docs/errors.md", () => {
  it("documents every error code", () => {
    const missing = Object.keys(ERROR_CODES).filter((code) => !documented.has(code));
    expect(missing, "add these codes to docs/errors.md").toEqual([]);
  });

  it("gives each code the HTTP status the API answers with, and a meaning", () => {
    for (const code of Object.keys(ERROR_CODES) as ErrorCode[]) {
      const row = documented.get(code);
      expect(row?.status, `${code} in docs/errors.md`).toBe(httpStatusOf(code));
      expect(row?.meaning.length, `${code} needs a meaning`).toBeGreaterThan(10);
    }
  });

  it("lists no code that does not exist", () => {
    expect([...documented.keys()].filter((code) => !(code in ERROR_CODES))).toEqual([]);
  });
});
