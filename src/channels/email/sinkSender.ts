import { checkOutgoingEmail, messageIdFor, requireMailbox, type EmailReceipt, type EmailSender, type OutgoingEmail } from "./outgoingEmail.js";

export interface SunkEmail {
  messageId: string;
  message: OutgoingEmail;
}

/**
 * An email sender for demos and local runs: it checks messages as the SMTP sender does, then keeps them
 * in memory (`sent`) and passes one line per message to `log` instead of delivering anything.
 */
export function createSinkEmailSender(options: { from: string; log?: (line: string) => void }): EmailSender & { readonly sent: readonly SunkEmail[] } {
  const from = requireMailbox(options.from, "from");
  const sent: SunkEmail[] = [];
  return {
    sent,
    async send(message: OutgoingEmail): Promise<EmailReceipt> {
      const recipients = checkOutgoingEmail(message);
      const messageId = messageIdFor(message.idempotencyKey, from);
      const accepted = [...recipients.to, ...recipients.cc].map((mailbox) => mailbox.address);
      sent.push({ messageId, message });
      options.log?.(`email ${messageId} to ${accepted.join(", ")}: ${message.subject}`);
      return { providerMessageId: messageId, accepted, rejected: [] };
    },
    async close() {},
  };
}
