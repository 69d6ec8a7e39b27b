import { checkOutgoingSms, type OutgoingSms, type SmsReceipt, type SmsSender } from "./smsSender.js";

/**
 * An SMS sender for demos and local runs: it checks messages as a real provider adapter does, then keeps
 * them in memory (`sent`) and passes one line per message to `log` instead of sending anything.
 */
export function createLogSmsSender(log?: (line: string) => void): SmsSender & { readonly sent: readonly OutgoingSms[] } {
  const sent: OutgoingSms[] = [];
  return {
    sent,
    async send(message: OutgoingSms): Promise<SmsReceipt> {
      checkOutgoingSms(message);
      sent.push(message);
      log?.(`sms ${message.idempotencyKey} to ${message.to}: ${message.text}`);
      return { providerMessageId: message.idempotencyKey };
    },
  };
}
