import { ChannelError } from "../channelError.js";

export interface OutgoingSms {
  /** The outbox row's key; providers that support it drop a second request with the same key. */
  idempotencyKey: string;
  /** E.164: "+" and 8 to 15 digits, e.g. "+4915112345678". */
  to: string;
  text: string;
}

export interface SmsReceipt {
  providerMessageId: string;
}

/** What the outbox dispatcher calls; `send` throws a ChannelError (see classifySendFailure). */
export interface SmsSender {
  send(message: OutgoingSms): Promise<SmsReceipt>;
}

// E.164 numbers have at most 15 digits and never start with 0 after the "+"; 8 is the shortest
// number any country assigns to mobiles. No spaces or punctuation: contacts are normalised on input.
const E164 = /^\+[1-9]\d{7,14}$/;

/** Throws a permanent ChannelError for a message no provider can deliver. */
export function checkOutgoingSms(message: OutgoingSms): void {
  if (!E164.test(message.to)) {
    throw new ChannelError("INVALID_PHONE_NUMBER", `"${message.to}" is not an E.164 phone number such as +4915112345678`, { to: message.to });
  }
  if (message.text.trim() === "") throw new ChannelError("MESSAGE_REJECTED", "the SMS has no text");
}
