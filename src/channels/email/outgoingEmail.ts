import { domainToASCII } from "node:url";
import { ChannelError } from "../channelError.js";

/** An email as the outbox hands it over: content already rendered, recipients as `addr` or `Name <addr>`. */
export interface OutgoingEmail {
  /** The outbox row's key: the same key on a resend after a crash gives the same Message-ID. */
  idempotencyKey: string;
  to: string[];
  cc?: string[];
  subject: string;
  text: string;
  html?: string;
  attachments?: EmailAttachment[];
  headers?: Record<string, string>;
}

export interface EmailAttachment {
  filename: string;
  content: Buffer;
  contentType: string;
}

/** `accepted` and `rejected` are bare addresses; a partly rejected message is still sent. */
export interface EmailReceipt {
  providerMessageId: string;
  accepted: string[];
  rejected: string[];
}

/** What the outbox dispatcher calls; `send` throws a ChannelError (see classifySendFailure). */
export interface EmailSender {
  send(message: OutgoingEmail): Promise<EmailReceipt>;
  close(): Promise<void>;
}

export interface Mailbox {
  name?: string;
  address: string;
}

/** Lets mail servers, ticket systems and our own bounce handling tie a message back to its outbox row. */
export const IDEMPOTENCY_HEADER = "X-Dunwell-Idempotency-Key";

// Deliberately loose (RFC 5322 atext, Unicode letters for SMTPUTF8): the server has the last word,
// this only keeps out what is certainly not an address, such as a phone number or two addresses in one.
const ADDR_SPEC = /^[\p{L}\p{N}!#$%&'*+/=?^_`{|}~.-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+$/u;
const NAME_ADDR = /^(.*?)\s*<([^<>\s]+)>$/su;

/** `ar@acme.example` or `Acme AR <ar@acme.example>` (the name may be quoted); undefined when it is neither. */
export function parseMailbox(text: string): Mailbox | undefined {
  const trimmed = text.trim();
  const named = NAME_ADDR.exec(trimmed);
  const address = named ? named[2]! : trimmed;
  if (!ADDR_SPEC.test(address)) return undefined;
  const name = named?.[1]?.replace(/^"(.*)"$/s, "$1").trim();
  return name ? { name, address } : { address };
}

/** The mailbox, or a permanent INVALID_EMAIL_ADDRESS naming the field at fault. */
export function requireMailbox(text: string, field: string): Mailbox {
  const mailbox = parseMailbox(text);
  if (!mailbox) throw new ChannelError("INVALID_EMAIL_ADDRESS", `${field}: "${text}" is not an email address`, { field, address: text });
  return mailbox;
}

/**
 * The Message-ID for an outbox key, `<dunwell.KEY@sender-domain>`. Characters a Message-ID cannot hold
 * (RFC 5322 dot-atom) are written as =XX of their UTF-8 bytes, so distinct keys never share an id.
 */
export function messageIdFor(idempotencyKey: string, from: Mailbox): string {
  const left = idempotencyKey.replace(/[^A-Za-z0-9_-]/gu, (char) =>
    [...Buffer.from(char, "utf8")].map((byte) => `=${byte.toString(16).toUpperCase().padStart(2, "0")}`).join(""),
  );
  const domain = domainToASCII(from.address.slice(from.address.lastIndexOf("@") + 1));
  return `<dunwell.${left}@${domain}>`;
}

/** The recipients of a well-formed message; throws a permanent ChannelError for one that can never be sent. */
export function checkOutgoingEmail(message: OutgoingEmail): { to: Mailbox[]; cc: Mailbox[] } {
  if (!/^[^\x00-\x1f\x7f]{1,200}$/u.test(message.idempotencyKey)) {
    throw new ChannelError("MESSAGE_REJECTED", "the idempotency key must be 1 to 200 characters without control characters");
  }
  if (message.to.length === 0) throw new ChannelError("MESSAGE_REJECTED", "the email has no recipient");
  if (message.subject.trim() === "") throw new ChannelError("MESSAGE_REJECTED", "the email has no subject");
  return {
    to: message.to.map((text, index) => requireMailbox(text, `to[${index}]`)),
    cc: (message.cc ?? []).map((text, index) => requireMailbox(text, `cc[${index}]`)),
  };
}
