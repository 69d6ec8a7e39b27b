import nodemailer from "nodemailer";
import type { NodemailerError } from "nodemailer/lib/errors";
import { z } from "zod";
import { ChannelError } from "../channelError.js";
import { IDEMPOTENCY_HEADER, checkOutgoingEmail, messageIdFor, parseMailbox, requireMailbox, type EmailReceipt, type EmailSender, type OutgoingEmail } from "./outgoingEmail.js";

const mailbox = z.string().refine((text) => parseMailbox(text) !== undefined, { message: "not an email address such as ar@acme.example or Acme AR <ar@acme.example>" });

/** A tenant's outgoing mail server. */
export const SmtpSettingsSchema = z
  .strictObject({
    host: z.string().min(1),
    port: z.number().int().min(1).max(65535),
    /** TLS from the first byte (port 465); otherwise STARTTLS is used when the server offers it. Default: port === 465. */
    secure: z.boolean().optional(),
    user: z.string().min(1).optional(),
    password: z.string().optional(),
    /** "Acme AR <ar@acme.example>"; its domain also names the Message-IDs. */
    from: mailbox,
    replyTo: mailbox.optional(),
    /** Refuse to send unless the connection is upgraded with STARTTLS. */
    requireTls: z.boolean().optional(),
    /** For connecting, the greeting and each wait on the socket; default 30 s. */
    timeoutMs: z.number().int().positive().optional(),
    /** Parallel connections of the pool; default 5. */
    maxConnections: z.number().int().min(1).max(50).optional(),
  })
  .refine((settings) => settings.password === undefined || settings.user !== undefined, { message: "a password needs a user", path: ["password"] });
export type SmtpSettings = z.input<typeof SmtpSettingsSchema>;

/** The sender owns these two headers: a caller's copy would break the resend-recognition they exist for. */
const OWN_HEADERS = new Set(["message-id", IDEMPOTENCY_HEADER.toLowerCase()]);

/** Sends through a pool of SMTP connections (throughput: one TCP and TLS handshake per connection, not per message). */
export function createSmtpSender(settings: SmtpSettings): EmailSender {
  const config = SmtpSettingsSchema.parse(settings);
  const from = requireMailbox(config.from, "from");
  const replyTo = config.replyTo === undefined ? undefined : requireMailbox(config.replyTo, "replyTo");
  const timeout = config.timeoutMs ?? 30_000;
  const transport = nodemailer.createTransport({
    pool: true,
    host: config.host,
    port: config.port,
    secure: config.secure ?? config.port === 465,
    requireTLS: config.requireTls ?? false,
    auth: config.user === undefined ? undefined : { user: config.user, pass: config.password ?? "" },
    maxConnections: config.maxConnections ?? 5,
    // nodemailer recycles a connection after 100 messages by default; a daily run sends thousands in a burst
    maxMessages: 1000,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
  });

  return {
    async send(message: OutgoingEmail): Promise<EmailReceipt> {
      const recipients = checkOutgoingEmail(message);
      const headers = Object.fromEntries(Object.entries(message.headers ?? {}).filter(([name]) => !OWN_HEADERS.has(name.toLowerCase())));
      try {
        const info = await transport.sendMail({
          from,
          replyTo,
          to: recipients.to,
          cc: recipients.cc,
          subject: message.subject,
          text: message.text,
          html: message.html,
          attachments: message.attachments?.map(({ filename, content, contentType }) => ({ filename, content, contentType })),
          messageId: messageIdFor(message.idempotencyKey, from),
          headers: { ...headers, [IDEMPOTENCY_HEADER]: message.idempotencyKey },
        });
        // Microsoft 365 and Amazon SES replace the Message-ID; theirs is then the one bounces refer to.
        return { providerMessageId: info.serverMessageId ?? info.messageId, accepted: info.accepted, rejected: info.rejected };
      } catch (error) {
        throw smtpFailure(error as NodemailerError);
      }
    },
    async close() {
      transport.close();
    },
  };
}

const MISCONFIGURED = new Set(["EAUTH", "ENOAUTH", "EOAUTH2", "ETLS", "EREQUIRETLS", "ECONFIG"]);
const REFUSED_LOCALLY = new Set(["EENVELOPE", "EMESSAGE", "EMAXRECIPIENTS"]);

/**
 * Permanent: a 5xx reply (RFC 5321 "permanent negative completion", nodemailer's `permanent` flag), all
 * recipients refused, or a message nodemailer itself refuses (too large for the server, no recipient).
 * Settings problems (login, TLS, a sender address the server refuses at MAIL FROM, other than 552 for
 * size) are CHANNEL_MISCONFIGURED. Everything else (refused or dropped connections, timeouts, DNS,
 * 4xx replies such as 421 or 451) is transient.
 */
function smtpFailure(error: NodemailerError): ChannelError {
  const details = { code: error.code, responseCode: error.responseCode, response: error.response, command: error.command, rejected: error.rejected };
  const reason = error.response ?? error.message;
  const senderRefused = error.permanent === true && error.command === "MAIL FROM" && error.responseCode !== 552;
  if ((error.code !== undefined && MISCONFIGURED.has(error.code)) || senderRefused) {
    return new ChannelError("CHANNEL_MISCONFIGURED", `the SMTP server refused the connection settings: ${reason}`, details, error);
  }
  if (error.permanent === true) {
    const allRecipients = error.code === "EENVELOPE" && (error.rejected?.length ?? 0) > 0;
    return new ChannelError(allRecipients ? "RECIPIENT_REJECTED" : "MESSAGE_REJECTED", `the SMTP server refused the message: ${reason}`, details, error);
  }
  if (error.responseCode === undefined && error.code !== undefined && REFUSED_LOCALLY.has(error.code)) {
    return new ChannelError("MESSAGE_REJECTED", `the message cannot be sent: ${reason}`, details, error);
  }
  return new ChannelError("CHANNEL_UNAVAILABLE", `the SMTP server is unavailable: ${reason}`, details, error);
}
