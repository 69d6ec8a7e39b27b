import type { FastifyReply, FastifyRequest } from "fastify";
import { beginIdempotentRequest, finishIdempotentRequest } from "../app/access/idempotency.js";
import type { AppDeps } from "../app/deps.js";

declare module "fastify" {
  interface FastifyRequest {
    /** The Idempotency-Key this request holds, to record its answer when it is sent. */
    idempotencyKey: string | null;
  }
}

/** What the request hashes as its body: the raw upload, or the parsed JSON re-serialised. */
const hashedBody = (body: unknown): Buffer | string =>
  body === undefined || body === null ? "" : Buffer.isBuffer(body) ? body : typeof body === "string" ? body : JSON.stringify(body);

/**
 * Hooks for POST routes. Without an Idempotency-Key header the request just runs. With one, the
 * first request runs and its answer is stored; a repeat replays it (header Idempotent-Replayed: true).
 */
export function idempotencyHooks(deps: AppDeps) {
  const preHandler = async (request: FastifyRequest, reply: FastifyReply) => {
    const header = request.headers["idempotency-key"];
    if (header === undefined) return;
    const key = Array.isArray(header) ? header.join(",") : header;
    const outcome = await beginIdempotentRequest(deps, request.actor!, { key, method: request.method, path: request.url, body: hashedBody(request.body) });
    if (outcome.kind === "replay") {
      reply.code(outcome.statusCode).header("idempotent-replayed", "true");
      return outcome.response === null ? reply.send() : reply.type("application/json; charset=utf-8").send(outcome.response);
    }
    request.idempotencyKey = key;
  };

  const onSend = async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    const key = request.idempotencyKey;
    if (key === null || !request.actor) return payload;
    request.idempotencyKey = null;
    const responseJson = typeof payload === "string" && payload.length > 0 ? payload : Buffer.isBuffer(payload) && payload.length > 0 ? payload.toString("utf8") : null;
    try {
      await finishIdempotentRequest(deps, request.actor, { key, statusCode: reply.statusCode, responseJson });
    } catch (error) {
      // The work is done and the client gets its answer; a retry will meet IDEMPOTENCY_IN_PROGRESS until the key goes stale.
      request.log.error({ err: error, idempotencyKey: key }, "could not record the idempotent response");
    }
    return payload;
  };

  return { preHandler, onSend };
}
