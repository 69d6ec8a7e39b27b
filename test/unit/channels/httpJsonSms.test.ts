import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { ChannelError, classifySendFailure } from "../../../src/channels/channelError.js";
import { HttpJsonSmsSettingsSchema, createHttpJsonSmsSender, type HttpJsonSmsSettings } from "../../../src/channels/sms/httpJsonSms.js";
import { createLogSmsSender } from "../../../src/channels/sms/logSms.js";
import type { OutgoingSms, SmsSender } from "../../../src/channels/sms/smsSender.js";

interface ProviderRequest {
  method: string;
  headers: IncomingHttpHeaders;
  body: unknown;
}

/** A fake provider answering every request with `status` and `body`; `hang` never answers. */
async function startProvider(answer: { status: number; body?: unknown; hang?: boolean }) {
  const requests: ProviderRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      requests.push({ method: req.method ?? "", headers: req.headers, body: JSON.parse(Buffer.concat(chunks).toString("utf8")) });
      if (answer.hang) return;
      res.writeHead(answer.status, { "content-type": "application/json" }).end(JSON.stringify(answer.body ?? {}));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/messages`;
  const close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  cleanups.push(async () => {
    server.closeAllConnections();
    await close();
  });
  return { url, requests, close };
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

const settings = (url: string, overrides: Partial<HttpJsonSmsSettings> = {}): HttpJsonSmsSettings => ({
  url,
  headers: { Authorization: "Bearer test-token" },
  bodyFields: { to: "recipient", text: "message", from: "originator", reference: "client_ref" },
  from: "AcmeAR",
  messageIdField: "id",
  timeoutMs: 2000,
  ...overrides,
});

const sms: OutgoingSms = { idempotencyKey: "outbox-7", to: "+4915112345678", text: "Invoice 2025-0042 is 7 days overdue: 1.234,56 €" };

async function failureOf(sender: SmsSender, message: OutgoingSms = sms) {
  const error = await sender.send(message).then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(ChannelError);
  return { code: (error as ChannelError).error.code, failure: classifySendFailure(error) };
}

describe("HTTP JSON SMS sender", () => {
  it("posts the configured JSON fields with the auth and Idempotency-Key headers", async () => {
    const provider = await startProvider({ status: 201, body: { id: "SM123", status: "queued" } });
    const receipt = await createHttpJsonSmsSender(settings(provider.url)).send(sms);

    expect(receipt).toEqual({ providerMessageId: "SM123" });
    const [request] = provider.requests;
    expect(request?.method).toBe("POST");
    expect(request?.headers["authorization"]).toBe("Bearer test-token");
    expect(request?.headers["idempotency-key"]).toBe("outbox-7");
    expect(request?.headers["content-type"]).toBe("application/json");
    expect(request?.body).toEqual({ recipient: "+4915112345678", message: sms.text, originator: "AcmeAR", client_ref: "outbox-7" });
  });

  it("reads a nested message id, and falls back to the idempotency key when the answer has none", async () => {
    const nested = await startProvider({ status: 200, body: { messages: [{ "message-id": "0A0000001" }] } });
    expect(await createHttpJsonSmsSender(settings(nested.url, { messageIdField: "messages.0.message-id" })).send(sms)).toEqual({ providerMessageId: "0A0000001" });

    const bare = await startProvider({ status: 202, body: { accepted: true } });
    expect(await createHttpJsonSmsSender(settings(bare.url)).send(sms)).toEqual({ providerMessageId: "outbox-7" });
  });

  it.each([
    [500, "CHANNEL_UNAVAILABLE", "transient"],
    [503, "CHANNEL_UNAVAILABLE", "transient"],
    [429, "CHANNEL_UNAVAILABLE", "transient"],
    [401, "CHANNEL_MISCONFIGURED", "transient"],
    [400, "MESSAGE_REJECTED", "permanent"],
    [403, "MESSAGE_REJECTED", "permanent"],
    [422, "MESSAGE_REJECTED", "permanent"],
  ])("classifies an HTTP %i answer as %s (%s)", async (status, code, failure) => {
    const provider = await startProvider({ status, body: { error: "nope" } });
    expect(await failureOf(createHttpJsonSmsSender(settings(provider.url)))).toEqual({ code, failure });
  });

  it("keeps the provider's answer in the error details", async () => {
    const provider = await startProvider({ status: 400, body: { error: "unsupported destination" } });
    const error = (await createHttpJsonSmsSender(settings(provider.url)).send(sms).catch((e: unknown) => e)) as ChannelError;
    expect(error.error.details).toEqual({ status: 400, body: '{"error":"unsupported destination"}' });
  });

  it("treats a provider that does not answer in time as transient", async () => {
    const provider = await startProvider({ status: 200, hang: true });
    expect(await failureOf(createHttpJsonSmsSender(settings(provider.url, { timeoutMs: 200 })))).toEqual({ code: "CHANNEL_UNAVAILABLE", failure: "transient" });
  });

  it("treats a refused connection as transient", async () => {
    const provider = await startProvider({ status: 200 });
    await provider.close();
    expect(await failureOf(createHttpJsonSmsSender(settings(provider.url)))).toEqual({ code: "CHANNEL_UNAVAILABLE", failure: "transient" });
  });

  it.each(["015112345678", "+49 151 12345678", "+0123456789", "+1234567", "+1234567890123456"])("refuses %s as not E.164, without calling the provider", async (to) => {
    const provider = await startProvider({ status: 200 });
    expect(await failureOf(createHttpJsonSmsSender(settings(provider.url)), { ...sms, to })).toEqual({ code: "INVALID_PHONE_NUMBER", failure: "permanent" });
    expect(provider.requests).toEqual([]);
  });
});

describe("HTTP JSON SMS settings", () => {
  const base = { url: "https://sms.example/v1/messages", bodyFields: { to: "to", text: "body" } };

  it("accepts the minimal settings and refuses a non-HTTP URL", () => {
    expect(HttpJsonSmsSettingsSchema.safeParse(base).success).toBe(true);
    expect(HttpJsonSmsSettingsSchema.safeParse({ ...base, url: "ftp://sms.example/" }).success).toBe(false);
  });

  it("refuses a sender id without a field to put it in", () => {
    expect(HttpJsonSmsSettingsSchema.safeParse({ ...base, from: "AcmeAR" }).success).toBe(false);
    expect(HttpJsonSmsSettingsSchema.safeParse({ ...base, from: "AcmeAR", bodyFields: { ...base.bodyFields, from: "from" } }).success).toBe(true);
  });
});

describe("log SMS sender", () => {
  it("keeps and logs valid messages and refuses invalid numbers", async () => {
    const lines: string[] = [];
    const sender = createLogSmsSender((line) => lines.push(line));
    expect(await sender.send(sms)).toEqual({ providerMessageId: "outbox-7" });
    expect(sender.sent).toEqual([sms]);
    expect(lines).toEqual([`sms outbox-7 to +4915112345678: ${sms.text}`]);
    expect(await failureOf(sender, { ...sms, to: "0151 12345678" })).toEqual({ code: "INVALID_PHONE_NUMBER", failure: "permanent" });
    expect(await failureOf(sender, { ...sms, text: "  " })).toEqual({ code: "MESSAGE_REJECTED", failure: "permanent" });
  });
});
