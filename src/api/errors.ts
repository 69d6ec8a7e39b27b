import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { ERROR_CODES, Failure, type DomainError, type ErrorCode, type ErrorKind } from "../domain/errors.js";
import { fieldIssues } from "../app/inputs/validate.js";

/**
 * The one place errors become HTTP. Every response that is not a success has the body
 * {"error":{"code","message","path"?,"details"?}}, whether it came from a use case, from Fastify
 * (bad JSON, body too large, unknown route) or from a bug.
 *
 * Status choice: `invalid` codes are 400 — the client must change the request before resending it.
 * The exception is IMPORT_REJECTED, 422: the file was received and read, but its rows were refused as
 * a whole (details.errors lists them). docs/errors.md lists every code with its status.
 */
const STATUS_BY_KIND: Record<ErrorKind, number> = {
  invalid: 400,
  not_found: 404,
  conflict: 409,
  unauthenticated: 401,
  forbidden: 403,
  too_large: 413,
  unavailable: 503,
  internal: 500,
};

const STATUS_BY_CODE: Partial<Record<ErrorCode, number>> = {
  IMPORT_REJECTED: 422,
  UNSUPPORTED_MEDIA_TYPE: 415,
};

export const httpStatusOf = (code: ErrorCode): number => STATUS_BY_CODE[code] ?? STATUS_BY_KIND[ERROR_CODES[code]];

export const ErrorBody = z
  .strictObject({
    error: z.strictObject({
      code: z.string().meta({ description: "stable machine-readable code, listed in docs/errors.md", example: "INVOICE_NOT_FOUND" }),
      message: z.string(),
      path: z.string().optional().meta({ description: "the field at fault, as a JSON path (installments[2].amount) or header name" }),
      line: z.number().int().optional(),
      details: z.unknown().optional(),
    }),
  })
  .meta({ id: "Error" });
export type ErrorBody = z.output<typeof ErrorBody>;

const body = (e: DomainError): ErrorBody => ({
  error: {
    code: e.code,
    message: e.message,
    ...(e.path !== undefined ? { path: e.path } : {}),
    ...(e.line !== undefined ? { line: e.line } : {}),
    ...(e.details !== undefined ? { details: e.details } : {}),
  },
});

// Connection-level failures (server down, restarting, too many clients) are an outage, not a bug.
const DATABASE_DOWN = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "57P01", "57P02", "57P03", "08000", "08001", "08003", "08006", "53300"]);

function fastifyError(error: FastifyError): DomainError | undefined {
  const status = error.statusCode;
  if (status === undefined || status >= 500) return undefined;
  if (status === 413) return { code: "BODY_TOO_LARGE", message: "the request body is larger than the 50 MiB this API accepts" };
  if (status === 415) return { code: "UNSUPPORTED_MEDIA_TYPE", message: error.message };
  if (status === 404) return { code: "ROUTE_NOT_FOUND", message: error.message };
  return { code: "MALFORMED_REQUEST", message: error.message };
}

export interface MappedError {
  status: number;
  body: ErrorBody;
  /** True when the cause is ours (a bug or an outage): logged as an error with its stack. */
  serverSide: boolean;
}

export function mapError(error: unknown, requestId: string): MappedError {
  if (error instanceof Failure) return { status: httpStatusOf(error.error.code), body: body(error.error), serverSide: httpStatusOf(error.error.code) >= 500 };
  if (error instanceof z.ZodError) {
    const issues = fieldIssues(error);
    return { status: httpStatusOf("VALIDATION_FAILED"), body: body({ code: "VALIDATION_FAILED", message: issues.map((i) => `${i.path || "(root)"}: ${i.message}`).join("; "), path: issues[0]?.path ?? "", details: issues }), serverSide: false };
  }
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === "string" && DATABASE_DOWN.has(code)) {
    return { status: 503, body: body({ code: "DATABASE_UNAVAILABLE", message: "the database is unavailable; retry later" }), serverSide: true };
  }
  const known = error instanceof Error && "statusCode" in error ? fastifyError(error as FastifyError) : undefined;
  if (known) return { status: httpStatusOf(known.code), body: body(known), serverSide: false };
  // Never echo internals: the request id lets an operator find the logged stack.
  return { status: 500, body: body({ code: "INTERNAL", message: `internal error (request ${requestId})` }), serverSide: true };
}

function sendError(request: FastifyRequest, reply: FastifyReply, error: unknown) {
  const mapped = mapError(error, request.id);
  if (mapped.serverSide) request.log.error({ err: error }, "request failed");
  if (mapped.status === 401) reply.header("www-authenticate", 'Bearer realm="dunwell"');
  return reply.code(mapped.status).type("application/json; charset=utf-8").send(mapped.body);
}

export function installErrorMapping(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => sendError(request, reply, error));
  app.setNotFoundHandler((request, reply) =>
    sendError(request, reply, new Failure({ code: "ROUTE_NOT_FOUND", message: `no route ${request.method} ${request.url.split("?")[0]}` })),
  );
}
