import { z } from "zod";
import { ChannelError } from "../../channels/channelError.js";
import type { OutgoingEmail } from "../../channels/email/outgoingEmail.js";
import { renderLetterPdf, type LetterContent } from "../../channels/letters/letterPdf.js";
import type { OutgoingSms } from "../../channels/sms/smsSender.js";
import { chooseTemplate, renderTemplate, type RenderedMessage } from "../../domain/templates/index.js";
import type { OutboxRow } from "../../store/collectionsSchema.js";
import type { OpenItemRow, ReminderFactsRow } from "../../store/outboxMessages.js";
import type { TenantChannels } from "../settings/tenantChannels.js";
import { templateSource, type TenantCatalog } from "../templates/templateCatalog.js";
import { messageLanguage, reminderContent } from "./messageContext.js";
import { emailAttachments, letterContent } from "./messageDocuments.js";

/** What the daily run put in the outbox for a reminder (runOutputs). */
const ReminderPayload = z.object({
  kind: z.literal("reminder"),
  template: z.string().min(1),
  attachInvoiceCopy: z.boolean().optional(),
  attachStatement: z.boolean().optional(),
});

/** The legal record of a message: what was said, to whom, from which template. */
export interface MessageRecord {
  customerId: string;
  actionId: string;
  invoiceIds: string[];
  to: string;
  rendered: RenderedMessage;
  /** File names of the email's attachments. */
  attachments: string[];
  template: { key: string; language: string; source: "tenant" | "builtin" };
}

export type ComposedMessage =
  | { kind: "email"; email: OutgoingEmail; record: MessageRecord }
  | { kind: "sms"; sms: OutgoingSms; record: MessageRecord }
  | { kind: "letter"; letter: LetterContent; pdf: Buffer; record: MessageRecord }
  | { kind: "nothing_left"; reason: string; customerId: string; actionId: string };

/** Everything a tenant's reminders are composed from, loaded once per dispatch pass. */
export interface ComposeSources {
  tenant: TenantChannels;
  catalog: TenantCatalog;
  facts: ReadonlyMap<string, ReminderFactsRow>;
  accounts: ReadonlyMap<string, OpenItemRow[]>;
}

export const accountKey = (customerId: string, currency: string): string => `${customerId}/${currency}`;

/**
 * Builds the message of a claimed reminder: recipient, template in the contact's language, content
 * from the ledger as it is now, rendered, with its attachments or its letter PDF. Throws a permanent
 * ChannelError for a message that can never go out (no address any more), a transient one when
 * settings are missing (no template for the step's key).
 */
export async function composeReminder(row: OutboxRow, sources: ComposeSources): Promise<ComposedMessage> {
  const payload = ReminderPayload.safeParse(row.payload);
  if (!payload.success) throw new ChannelError("MESSAGE_REJECTED", `the outbox payload is not a reminder: ${payload.error.message}`);
  const facts = row.action_id === null ? undefined : sources.facts.get(row.action_id);
  if (!facts) throw new ChannelError("MESSAGE_REJECTED", "the collections action of this message no longer exists");
  const { tenant, catalog } = sources;
  const channel = row.channel as "email" | "sms" | "letter";
  const preferences = [facts.contact_language, facts.customer_language, tenant.language];
  const template = chooseTemplate(catalog.templates, payload.data.template, preferences, channel);
  const account = sources.accounts.get(accountKey(facts.customer_id, facts.currency)) ?? [];
  // Paid since the run: cancelled whatever else is wrong with the message.
  const content = reminderContent(facts, account, tenant, template ? messageLanguage(preferences, template.language) : tenant.language);
  if (content.kind === "nothing_left") return { kind: "nothing_left", reason: content.reason, customerId: facts.customer_id, actionId: facts.action_id };
  if (!template) throw new ChannelError("CHANNEL_MISCONFIGURED", `no ${channel} template "${payload.data.template}" in any language: add one or change the policy step`, { template: payload.data.template });
  const to = recipientOf(channel, facts);
  const rendered = renderTemplate(template, content.context);
  const record: MessageRecord = {
    customerId: facts.customer_id,
    actionId: facts.action_id,
    invoiceIds: content.listed.map((item) => item.invoice_id),
    to,
    rendered,
    attachments: [],
    template: { key: template.key, language: template.language, source: templateSource(catalog, template) },
  };
  switch (channel) {
    case "email": {
      const wants = { invoiceCopies: payload.data.attachInvoiceCopy === true, statement: payload.data.attachStatement === true };
      const attachments = wants.invoiceCopies || wants.statement ? await emailAttachments(facts, tenant, content, wants) : [];
      const email: OutgoingEmail = { idempotencyKey: row.idempotency_key, to: [to], subject: rendered.subject, text: rendered.text, ...(rendered.html !== undefined && { html: rendered.html }), attachments };
      return { kind: "email", email, record: { ...record, attachments: attachments.map((a) => a.filename) } };
    }
    case "sms":
      return { kind: "sms", sms: { idempotencyKey: row.idempotency_key, to, text: rendered.text }, record };
    case "letter": {
      const letter = letterContent(facts, tenant, content, rendered);
      return { kind: "letter", letter, pdf: await renderLetterPdf(letter, { paper: tenant.settings.letterPaper }), record };
    }
  }
}

/** The address the channel needs, as the contact (or customer) has it now. */
function recipientOf(channel: string, facts: ReminderFactsRow): string {
  switch (channel) {
    case "email": {
      if (!facts.contact_email) throw new ChannelError("INVALID_EMAIL_ADDRESS", "the contact has no email address (any more)", { contactId: facts.contact_id });
      const name = facts.contact_name?.replace(/["\\<>]/g, "").trim();
      return name ? `"${name}" <${facts.contact_email}>` : facts.contact_email;
    }
    case "sms":
      if (!facts.contact_phone) throw new ChannelError("INVALID_PHONE_NUMBER", "the contact has no phone number (any more)", { contactId: facts.contact_id });
      // contacts keep numbers as typed ("+49 151 1234-5678"); providers want E.164
      return facts.contact_phone.replace(/[\s().\/-]/g, "");
    case "letter":
      if (facts.address_lines.length === 0) throw new ChannelError("MESSAGE_REJECTED", "the customer has no postal address", { customerId: facts.customer_id });
      return [facts.customer_name, ...facts.address_lines].join(", ");
    default:
      throw new ChannelError("MESSAGE_REJECTED", `reminders are not sent over "${channel}"`);
  }
}
