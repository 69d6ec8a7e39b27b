import { afterEach, describe, expect, it } from "vitest";
import { ChannelError, classifySendFailure } from "../../../src/channels/channelError.js";
import type { EmailSender, OutgoingEmail } from "../../../src/channels/email/outgoingEmail.js";
import { createSinkEmailSender } from "../../../src/channels/email/sinkSender.js";
import { SmtpSettingsSchema, createSmtpSender, type SmtpSettings } from "../../../src/channels/email/smtpSender.js";
import { header, startSmtpSink, type SinkOptions } from "./smtpSink.js";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function senderToSink(sinkOptions: SinkOptions = {}, settings: Partial<SmtpSettings> = {}) {
  const sink = await startSmtpSink(sinkOptions);
  const sender = createSmtpSender({ host: "127.0.0.1", port: sink.port, from: "Acme AR <ar@acme.example>", timeoutMs: 5000, ...settings });
  cleanups.push(sink.close, () => sender.close());
  return { sink, sender };
}

const email = (overrides: Partial<OutgoingEmail> = {}): OutgoingEmail => ({
  idempotencyKey: "0190f3a2-7c1e-7000-8000-000000000001",
  to: ["Jo Buyer <ap@buyer.example>"],
  subject: "Reminder: invoice 2025-0042",
  text: "Dear customer,\nplease pay.",
  ...overrides,
});

/** The code and the dispatcher's verdict for whatever `send` threw. */
async function failureOf(sender: EmailSender, message: OutgoingEmail) {
  const error = await sender.send(message).then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(ChannelError);
  return { code: (error as ChannelError).error.code, failure: classifySendFailure(error) };
}

/** The base64 body of the MIME part whose headers name `filename`, decoded. */
function attachmentBody(raw: string, filename: string): Buffer {
  const start = raw.indexOf(`filename=${filename}`) >= 0 ? raw.indexOf(`filename=${filename}`) : raw.indexOf(`filename="${filename}"`);
  expect(start, `attachment ${filename}`).toBeGreaterThan(0);
  const body = raw.slice(raw.indexOf("\r\n\r\n", start) + 4);
  return Buffer.from(body.slice(0, body.indexOf("\r\n--")).replace(/\s+/g, ""), "base64");
}

describe("SMTP email sender", () => {
  it("delivers subject, text and html parts, headers and a PDF attachment", async () => {
    const { sink, sender } = await senderToSink({}, { replyTo: "collections@acme.example" });
    const pdf = Buffer.from("%PDF-1.3\n% a letter\n%%EOF\n");
    const receipt = await sender.send(
      email({
        cc: ["ar-copy@acme.example"],
        html: "<p>Dear customer,<br>please pay.</p>",
        attachments: [{ filename: "invoice-2025-0042.pdf", content: pdf, contentType: "application/pdf" }],
        headers: { "X-Tenant": "acme", "Message-ID": "<caller-chosen@elsewhere>" },
      }),
    );

    expect(receipt).toEqual({ providerMessageId: "<dunwell.0190f3a2-7c1e-7000-8000-000000000001@acme.example>", accepted: ["ap@buyer.example", "ar-copy@acme.example"], rejected: [] });
    const [mail] = sink.received;
    expect(mail?.to).toEqual(["ap@buyer.example", "ar-copy@acme.example"]);
    expect(mail?.from).toBe("ar@acme.example");
    const raw = mail!.raw;
    expect(header(raw, "Message-ID")).toBe(receipt.providerMessageId);
    expect(raw.match(/^Message-ID:/gim)).toHaveLength(1);
    expect(header(raw, "X-Dunwell-Idempotency-Key")).toBe("0190f3a2-7c1e-7000-8000-000000000001");
    expect(header(raw, "X-Tenant")).toBe("acme");
    expect(header(raw, "Subject")).toBe("Reminder: invoice 2025-0042");
    expect(header(raw, "From")).toBe("Acme AR <ar@acme.example>");
    expect(header(raw, "Reply-To")).toBe("collections@acme.example");
    expect(header(raw, "To")).toBe("Jo Buyer <ap@buyer.example>");
    expect(raw).toContain("Content-Type: text/plain");
    expect(raw).toContain("Content-Type: text/html");
    expect(raw).toContain("<p>Dear customer,<br>please pay.</p>");
    expect(raw).toMatch(/Content-Type: application\/pdf; name="?invoice-2025-0042\.pdf"?/);
    expect(attachmentBody(raw, "invoice-2025-0042.pdf").subarray(0, 4).toString("latin1")).toBe("%PDF");
  });

  it("gives a resent message the same Message-ID, and different keys different ones", async () => {
    const { sink, sender } = await senderToSink();
    const first = await sender.send(email({ idempotencyKey: "tenant-1:step:42" }));
    const resent = await sender.send(email({ idempotencyKey: "tenant-1:step:42" }));
    const other = await sender.send(email({ idempotencyKey: "tenant-1:step:43" }));

    expect(resent.providerMessageId).toBe(first.providerMessageId);
    expect(other.providerMessageId).not.toBe(first.providerMessageId);
    // ":" cannot appear in a Message-ID; it is written as its byte, so the id stays valid and unique
    expect(first.providerMessageId).toBe("<dunwell.tenant-1=3Astep=3A42@acme.example>");
    expect(sink.received.map((m) => header(m.raw, "Message-ID"))).toEqual([first.providerMessageId, first.providerMessageId, other.providerMessageId]);
  });

  it("reports only the refused recipient when the others are accepted", async () => {
    const { sink, sender } = await senderToSink({ refuseRecipient: (a) => (a === "gone@buyer.example" ? { code: 550, text: "no such user" } : undefined) });
    const receipt = await sender.send(email({ to: ["ap@buyer.example", "gone@buyer.example"] }));
    expect(receipt.accepted).toEqual(["ap@buyer.example"]);
    expect(receipt.rejected).toEqual(["gone@buyer.example"]);
    expect(sink.received[0]?.to).toEqual(["ap@buyer.example"]);
  });

  it("treats a 421 reply as transient", async () => {
    const { sender } = await senderToSink({ refuseMailFrom: { code: 421, text: "too busy, try later" } });
    expect(await failureOf(sender, email())).toEqual({ code: "CHANNEL_UNAVAILABLE", failure: "transient" });
  });

  it("treats 451 after DATA as transient", async () => {
    const { sender } = await senderToSink({ refuseData: { code: 451, text: "local error" } });
    expect(await failureOf(sender, email())).toEqual({ code: "CHANNEL_UNAVAILABLE", failure: "transient" });
  });

  it("treats 550 for every recipient as permanent", async () => {
    const { sender } = await senderToSink({ refuseRecipient: () => ({ code: 550, text: "no such user" }) });
    expect(await failureOf(sender, email())).toEqual({ code: "RECIPIENT_REJECTED", failure: "permanent" });
  });

  it("treats 554 after DATA as permanent", async () => {
    const { sender } = await senderToSink({ refuseData: { code: 554, text: "message refused as spam" } });
    expect(await failureOf(sender, email())).toEqual({ code: "MESSAGE_REJECTED", failure: "permanent" });
  });

  it("treats a message larger than the server takes as permanent", async () => {
    const { sink, sender } = await senderToSink({ size: 1000 });
    const attachments = [{ filename: "big.pdf", content: Buffer.alloc(5000, 65), contentType: "application/pdf" }];
    expect(await failureOf(sender, email({ attachments }))).toEqual({ code: "MESSAGE_REJECTED", failure: "permanent" });
    expect(sink.received).toEqual([]);
  });

  it("reports a sender address the server refuses as a settings problem", async () => {
    const { sender } = await senderToSink({ refuseMailFrom: { code: 553, text: "sender address not owned by user" } });
    expect(await failureOf(sender, email())).toEqual({ code: "CHANNEL_MISCONFIGURED", failure: "transient" });
  });

  it("refuses an invalid address as permanent without connecting", async () => {
    const { sink, sender } = await senderToSink();
    expect(await failureOf(sender, email({ to: ["+49 151 1234567"] }))).toEqual({ code: "INVALID_EMAIL_ADDRESS", failure: "permanent" });
    expect(await failureOf(sender, email({ to: [] }))).toEqual({ code: "MESSAGE_REJECTED", failure: "permanent" });
    expect(sink.received).toEqual([]);
  });

  it("treats a refused connection as transient", async () => {
    const sink = await startSmtpSink();
    await sink.close(); // the port is now free: nothing listens
    const sender = createSmtpSender({ host: "127.0.0.1", port: sink.port, from: "ar@acme.example", timeoutMs: 2000 });
    cleanups.push(() => sender.close());
    expect(await failureOf(sender, email())).toEqual({ code: "CHANNEL_UNAVAILABLE", failure: "transient" });
  });

  it("logs in with the configured user, and reports a refused login as a settings problem", async () => {
    const credentials = { user: "acme", password: "s3cret" };
    const good = await senderToSink({ credentials }, { user: "acme", password: "s3cret" });
    await good.sender.send(email());
    expect(good.sink.received).toHaveLength(1);

    const bad = await senderToSink({ credentials }, { user: "acme", password: "wrong" });
    expect(await failureOf(bad.sender, email())).toEqual({ code: "CHANNEL_MISCONFIGURED", failure: "transient" });
  });

  it("sends 300 messages through the connection pool", async () => {
    const { sink, sender } = await senderToSink();
    const started = performance.now();
    await Promise.all(Array.from({ length: 300 }, (_, i) => sender.send(email({ idempotencyKey: `bulk-${i}`, to: [`ap${i}@buyer.example`] }))));
    const seconds = (performance.now() - started) / 1000;
    console.log(`smtp pool: 300 messages in ${seconds.toFixed(2)} s = ${Math.round(300 / seconds)} messages/s`);

    expect(sink.received).toHaveLength(300);
    expect(new Set(sink.received.map((m) => header(m.raw, "X-Dunwell-Idempotency-Key"))).size).toBe(300);
    expect(seconds).toBeLessThan(30); // a sanity bound only; the rate is printed above
  });
});

describe("SMTP settings", () => {
  const base = { host: "smtp.acme.example", port: 587, from: "Acme AR <ar@acme.example>" };

  it("accepts a named sender and rejects what is not an address", () => {
    expect(SmtpSettingsSchema.safeParse(base).success).toBe(true);
    expect(SmtpSettingsSchema.safeParse({ ...base, from: "Acme AR" }).success).toBe(false);
    expect(SmtpSettingsSchema.safeParse({ ...base, replyTo: "nobody" }).success).toBe(false);
  });

  it("refuses a password without a user and unknown keys", () => {
    expect(SmtpSettingsSchema.safeParse({ ...base, password: "x" }).success).toBe(false);
    expect(SmtpSettingsSchema.safeParse({ ...base, hots: "typo" }).success).toBe(false);
  });
});

describe("sink email sender", () => {
  it("keeps and logs messages with the same Message-ID the SMTP sender would use", async () => {
    const lines: string[] = [];
    const sender = createSinkEmailSender({ from: "Acme AR <ar@acme.example>", log: (line) => lines.push(line) });
    const receipt = await sender.send(email({ cc: ["copy@acme.example"] }));

    expect(receipt).toEqual({ providerMessageId: "<dunwell.0190f3a2-7c1e-7000-8000-000000000001@acme.example>", accepted: ["ap@buyer.example", "copy@acme.example"], rejected: [] });
    expect(sender.sent.map((s) => s.message.subject)).toEqual(["Reminder: invoice 2025-0042"]);
    expect(lines).toEqual(["email <dunwell.0190f3a2-7c1e-7000-8000-000000000001@acme.example> to ap@buyer.example, copy@acme.example: Reminder: invoice 2025-0042"]);
    await expect(sender.send(email({ to: ["not-an-address"] }))).rejects.toMatchObject({ failure: "permanent", error: { code: "INVALID_EMAIL_ADDRESS" } });
  });
});
