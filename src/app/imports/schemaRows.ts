import type { z } from "zod";
import { ERROR_CODES, type ErrorCode } from "../../domain/errors.js";
import { formatPath } from "../inputs/validate.js";

export interface CellIssue {
  /** Input path: "amount", "installments[0].dueDate". */
  path: string;
  /** The top-level field, which names the CSV column. */
  field: string;
  code: ErrorCode;
  message: string;
}

/** The code a field's failure carries when the schema gives none (zod refinements on dates, currencies), by field name at any depth. */
export type FieldCodes = Readonly<Record<string, ErrorCode>>;

const isErrorCode = (code: unknown): code is ErrorCode => typeof code === "string" && code in ERROR_CODES;

/**
 * Validates one row with the API's own zod schema, so an imported row obeys exactly the rules of a
 * POST, and turns zod's issues into coded cell issues.
 */
export function checkRow<S extends z.ZodType>(schema: S, input: unknown, fieldCodes: FieldCodes): { ok: true; value: z.output<S> } | { ok: false; issues: CellIssue[] } {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  const issues: CellIssue[] = [];
  for (const issue of result.error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) issues.push({ path: key, field: key, code: "UNKNOWN_COLUMN", message: `unknown field "${key}"` });
      continue;
    }
    const path = formatPath(issue.path);
    const field = typeof issue.path[0] === "string" ? issue.path[0] : "";
    const leaf = [...issue.path].reverse().find((key): key is string => typeof key === "string") ?? "";
    const given = (issue as { params?: { code?: unknown } }).params?.code;
    const missing = issue.code === "invalid_type" && issue.input === undefined;
    const code: ErrorCode = isErrorCode(given) ? given : missing ? "MISSING_VALUE" : (fieldCodes[leaf] ?? "VALIDATION_FAILED");
    issues.push({ path, field, code, message: missing ? `${path} is required` : issue.message });
  }
  return { ok: false, issues };
}
