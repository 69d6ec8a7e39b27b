import { z } from "zod";
import { ChannelError } from "../channelError.js";
import { checkOutgoingSms, type OutgoingSms, type SmsReceipt, type SmsSender } from "./smsSender.js";

const fieldName = z.string().min(1);

/**
 * A provider that takes one JSON POST per message (most SMS gateways): which URL, which headers
 * (the provider's auth header goes here), and what the JSON fields are called.
 */
export const HttpJsonSmsSettingsSchema = z
  .strictObject({
    url: z.url({ protocol: /^https?$/ }),
    /** e.g. { "Authorization": "Bearer …" } or { "X-Api-Key": "…" } */
    headers: z.record(z.string(), z.string()).optional(),
    /** Names of the JSON body fields: recipient, text, and optionally the sender id and our reference (the idempotency key). */
    bodyFields: z.strictObject({ to: fieldName, text: fieldName, from: fieldName.optional(), reference: fieldName.optional() }),
    /** Sender id or number, sent in bodyFields.from. */
    from: z.string().min(1).optional(),
    /** Where the response JSON holds the provider's message id; dots walk into objects and arrays ("messages.0.id"). */
    messageIdField: z.string().min(1).optional(),
    /** For the whole request, response body included; default 15 s. */
    timeoutMs: z.number().int().positive().optional(),
  })
  .refine((settings) => settings.from === undefined || settings.bodyFields.from !== undefined, {
    message: "a sender id needs the name of its body field",
    path: ["bodyFields", "from"],
  });
export type HttpJsonSmsSettings = z.input<typeof HttpJsonSmsSettingsSchema>;

/**
 * Sends each SMS as `POST url` with a JSON body and an `Idempotency-Key` header. The provider's message
 * id comes from `messageIdField`; without one (or when the answer lacks it) the idempotency key stands in,
 * since the provider did accept the message and a retry would send it twice.
 */
export function createHttpJsonSmsSender(settings: HttpJsonSmsSettings): SmsSender {
  const config = HttpJsonSmsSettingsSchema.parse(settings);
  const fields = config.bodyFields;
  const timeout = config.timeoutMs ?? 15_000;

  return {
    async send(message: OutgoingSms): Promise<SmsReceipt> {
      checkOutgoingSms(message);
      const body: Record<string, string> = { [fields.to]: message.to, [fields.text]: message.text };
      if (fields.from !== undefined && config.from !== undefined) body[fields.from] = config.from;
      if (fields.reference !== undefined) body[fields.reference] = message.idempotencyKey;
      const headers = new Headers({ "content-type": "application/json", accept: "application/json" });
      for (const [name, value] of Object.entries(config.headers ?? {})) headers.set(name, value);
      headers.set("idempotency-key", message.idempotencyKey);

      let response: Response;
      let answer: string;
      try {
        // A redirect would turn the POST into a GET on some providers: it is reported, not followed.
        response = await fetch(config.url, { method: "POST", headers, body: JSON.stringify(body), redirect: "manual", signal: AbortSignal.timeout(timeout) });
        answer = await response.text();
      } catch (error) {
        throw new ChannelError("CHANNEL_UNAVAILABLE", `the SMS provider did not answer: ${networkReason(error, timeout)}`, { url: config.url }, error);
      }
      if (response.status < 200 || response.status > 299) throw httpFailure(response.status, answer);
      return { providerMessageId: providerMessageId(answer, config.messageIdField) ?? message.idempotencyKey };
    },
  };
}

/** 5xx, 408 and 429 are worth retrying; 401 and redirects mean wrong settings; any other 4xx refuses this message for good. */
function httpFailure(status: number, answer: string): ChannelError {
  const details = { status, body: answer.slice(0, 300) };
  if (status >= 500 || status === 408 || status === 429) return new ChannelError("CHANNEL_UNAVAILABLE", `the SMS provider answered ${status}`, details);
  if (status === 401 || (status >= 300 && status < 400)) return new ChannelError("CHANNEL_MISCONFIGURED", `the SMS provider answered ${status}: check the URL and credentials`, details);
  return new ChannelError("MESSAGE_REJECTED", `the SMS provider refused the message with ${status}`, details);
}

function networkReason(error: unknown, timeout: number): string {
  if (error instanceof Error && error.name === "TimeoutError") return `no answer within ${timeout} ms`;
  const cause = error instanceof Error ? (error.cause as { code?: string } | undefined) : undefined;
  return cause?.code ?? (error instanceof Error ? error.message : String(error));
}

function providerMessageId(answer: string, path: string | undefined): string | undefined {
  if (path === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(answer);
  } catch {
    return undefined;
  }
  for (const step of path.split(".")) value = typeof value === "object" && value !== null ? (value as Record<string, unknown>)[step] : undefined;
  return typeof value === "string" || typeof value === "number" ? String(value) : undefined;
}
