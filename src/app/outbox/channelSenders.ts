import { ChannelError } from "../../channels/channelError.js";
import type { EmailSender } from "../../channels/email/outgoingEmail.js";
import { createSinkEmailSender } from "../../channels/email/sinkSender.js";
import { createSmtpSender } from "../../channels/email/smtpSender.js";
import { createHttpJsonSmsSender } from "../../channels/sms/httpJsonSms.js";
import { createLogSmsSender } from "../../channels/sms/logSms.js";
import type { SmsSender } from "../../channels/sms/smsSender.js";
import { isLogProvider, type EmailSettings, type SmsSettings } from "../settings/channelSettings.js";

/** How a tenant's settings become a sender; tests and benches replace one to watch or break delivery. */
export interface SenderFactories {
  email(settings: EmailSettings, tenantId: string): EmailSender;
  sms(settings: SmsSettings, tenantId: string): SmsSender;
}

/**
 * The senders of a dispatcher, one per tenant and channel, created from the tenant's settings on first
 * use and kept for the dispatcher's life (an SMTP sender holds a connection pool). Changed settings
 * replace the tenant's sender; `close()` ends them all.
 */
export interface ChannelSenders {
  email(tenantId: string, settings: EmailSettings | null): EmailSender;
  sms(tenantId: string, settings: SmsSettings | null): SmsSender;
  close(): Promise<void>;
}

/** Sends for the "log" providers: checked, then written as one line each. */
const LOG_FROM = "Dunwell <collections@dunwell.invalid>";

function defaultSenderFactories(log: (line: string) => void = () => undefined): SenderFactories {
  return {
    email: (settings) => (isLogProvider(settings) ? createSinkEmailSender({ from: settings.from ?? LOG_FROM, log }) : createSmtpSender(settings)),
    sms: (settings) => (isLogProvider(settings) ? createLogSmsSender(log) : createHttpJsonSmsSender(settings)),
  };
}

interface Cached<S> {
  fingerprint: string;
  sender: S;
}

export function createChannelSenders(factories: Partial<SenderFactories> = {}, log?: (line: string) => void): ChannelSenders {
  const make = { ...defaultSenderFactories(log), ...factories };
  const emails = new Map<string, Cached<EmailSender>>();
  const sms = new Map<string, Cached<SmsSender>>();
  const retired: Promise<void>[] = [];

  function senderFor<T, S>(cache: Map<string, Cached<S>>, channel: string, tenantId: string, settings: T | null, create: (settings: T) => S, close: (sender: S) => Promise<void>): S {
    if (settings === null) throw new ChannelError("CHANNEL_MISCONFIGURED", `the tenant has no ${channel} settings yet`, { channel });
    const fingerprint = JSON.stringify(settings);
    const cached = cache.get(tenantId);
    if (cached?.fingerprint === fingerprint) return cached.sender;
    if (cached) retired.push(close(cached.sender));
    const sender = create(settings);
    cache.set(tenantId, { fingerprint, sender });
    return sender;
  }

  return {
    email: (tenantId, settings) => senderFor(emails, "email", tenantId, settings, (s) => make.email(s, tenantId), (sender) => sender.close()),
    sms: (tenantId, settings) => senderFor(sms, "SMS", tenantId, settings, (s) => make.sms(s, tenantId), async () => undefined),
    async close() {
      await Promise.all([...retired, ...[...emails.values()].map((c) => c.sender.close())]);
      emails.clear();
      sms.clear();
    },
  };
}
