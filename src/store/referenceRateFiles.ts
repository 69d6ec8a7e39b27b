import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { domainError } from "../domain/errors.js";
import { parseReferenceRateTables, REFERENCE_RATE_FILES, type ReferenceRateName, type ReferenceRateTables } from "../domain/interest/referenceRateTables.js";
import { err, type Result } from "../domain/result.js";

/** data/reference-rates/ of the installed package: two levels up from src/store and from dist/store alike. */
export const SHIPPED_RATES_DIR = fileURLToPath(new URL("../../data/reference-rates/", import.meta.url));

/**
 * Reads the five rate tables from `dir` (the shipped ones by default) and parses them with the domain's
 * checks. A missing file is reported like bad data, so an operator pointing at a directory sees which.
 */
export async function loadReferenceRateTables(dir: string = SHIPPED_RATES_DIR): Promise<Result<ReferenceRateTables>> {
  const texts: Partial<Record<ReferenceRateName, string>> = {};
  for (const [name, spec] of Object.entries(REFERENCE_RATE_FILES) as [ReferenceRateName, { file: string }][]) {
    const path = join(dir, spec.file);
    try {
      texts[name] = await readFile(path, "utf8");
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
      return err(domainError("MISSING_VALUE", `rate table ${spec.file} not found in ${dir}`, { path: spec.file }));
    }
  }
  return parseReferenceRateTables(texts as Record<ReferenceRateName, string>);
}
