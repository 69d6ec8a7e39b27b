import type { z } from "zod";
import { fail, type ErrorCode } from "../../domain/errors.js";

export interface FieldIssue {
  path: string;
  code: string;
  message: string;
}

/** `installments[2].amount` from zod's ["installments", 2, "amount"]. */
export const formatPath = (path: readonly PropertyKey[]): string =>
  path.reduce<string>((acc, key) => (typeof key === "number" ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)), "");

export function fieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => {
    const code = (issue as { params?: { code?: string } }).params?.code;
    return { path: formatPath(issue.path), code: code ?? (issue.code === "invalid_type" && issue.input === undefined ? "MISSING_VALUE" : "VALIDATION_FAILED"), message: issue.message };
  });
}

/** Validates untrusted input; a failure names every bad field. */
export function parseInput<S extends z.ZodType>(schema: S, data: unknown, what: string): z.output<S> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const issues = fieldIssues(result.error);
  const first = issues[0]!;
  const code = (issues.length === 1 && isErrorCode(first.code) ? first.code : "VALIDATION_FAILED") as ErrorCode;
  return fail(code, `invalid ${what}: ${issues.map((i) => `${i.path || "(root)"}: ${i.message}`).join("; ")}`, { path: first.path, details: issues });
}

const isErrorCode = (code: string): boolean => /^[A-Z][A-Z_]+$/.test(code);
