import { daysBetween, isoDate } from "../../domain/dates/plainDate.js";
import { isFeeNumber } from "../../domain/fees/feePlan.js";
import type { MessageContext, MessageItem } from "../../domain/templates/index.js";
import type { OpenItemRow, ReminderFactsRow } from "../../store/outboxMessages.js";
import type { TenantChannels } from "../settings/tenantChannels.js";
import { moneyView } from "../views/money.js";

/** A reminder still worth sending: its template variables and the invoices it lists. */
export interface ReminderContent {
  kind: "content";
  context: MessageContext;
  listed: OpenItemRow[];
  /** Every open invoice of the customer in the reminder's currency, for a statement. */
  account: OpenItemRow[];
}

/** Nothing is left to ask for: the message is cancelled instead of sent. */
export interface NothingLeft {
  kind: "nothing_left";
  reason: string;
}

/**
 * Rebuilds the reminder from the ledger as it is now. The run chose the invoices; any that were paid
 * since (or disputed, or marked "do not dun") drop out, and when none is left the message is not sent.
 * Amounts are today's open amounts; `today` and days overdue are those of the run's date, the date the
 * message is written on.
 */
export function reminderContent(facts: ReminderFactsRow, account: readonly OpenItemRow[], tenant: TenantChannels, language: string): ReminderContent | NothingLeft {
  if (facts.customer_do_not_dun) return { kind: "nothing_left", reason: "the customer is marked do not dun" };
  const byId = new Map(account.map((item) => [item.invoice_id, item]));
  const stillOpen = facts.invoice_ids.flatMap((id) => byId.get(id) ?? []);
  const listed = stillOpen.filter(chaseable);
  if (stillOpen.length === 0) return { kind: "nothing_left", reason: "paid before delivery" };
  if (listed.length === 0) return { kind: "nothing_left", reason: "disputed or excluded before delivery" };

  const runDate = isoDate(facts.run_date);
  const money = (minor: bigint) => moneyView(minor, facts.currency);
  const daysOverdue = (item: OpenItemRow) => daysBetween(isoDate(item.due_date), runDate);
  const items: MessageItem[] = listed.map((item) => ({
    number: item.number,
    issueDate: item.issue_date,
    dueDate: item.due_date,
    daysOverdue: daysOverdue(item),
    amount: money(item.amount),
    open: money(item.open),
  }));
  const open = sum(account);
  // The fees the run charged this chase on the message's day: open items of the account numbered as fees (feePlan's chargeNumber).
  const fees = account.filter((item) => item.issue_date === facts.run_date && isFeeNumber(item.number, facts.cycle));
  const overdue = sum(account.filter((item) => chaseable(item) && daysOverdue(item) > 0));
  const smtp = tenant.settings.email;
  const replyTo = smtp !== null && "host" in smtp ? (smtp.replyTo ?? smtp.from) : undefined;
  const bank = tenant.settings.bank;
  const context: MessageContext = {
    language,
    today: facts.run_date,
    tenant: {
      name: tenant.name,
      ...(replyTo !== undefined && { email: mailboxAddress(replyTo) }),
      ...(tenant.settings.senderAddress.length > 0 && { address: tenant.settings.senderAddress }),
      ...(bank !== null && { bankAccount: { iban: bank.iban, ...(bank.bic && { bic: bank.bic }), ...(bank.holder && { holder: bank.holder }) } }),
    },
    customer: { name: facts.customer_name, number: facts.customer_number },
    contact: { name: facts.contact_name ?? "" },
    items,
    totals: { listed: money(sum(listed)), overdue: money(overdue), open: money(open), notDue: money(open - overdue), count: items.length },
    daysOverdue: Math.max(...items.map((item) => item.daysOverdue)),
    payLink: tenant.settings.portalUrl ? `${tenant.settings.portalUrl.replace(/\/+$/, "")}/c/${encodeURIComponent(facts.customer_number)}` : "",
    // One invoice: its number. Several: the customer number, until RF creditor references arrive.
    paymentReference: listed.length === 1 ? listed[0]!.number : facts.customer_number,
    step: { id: facts.step_id, stage: facts.step_index + 1 },
    sender: { name: facts.collector_name ?? "" },
    ...(fees.length > 0 && { fee: money(fees.reduce((total, item) => total + item.amount, 0n)) }),
  };
  return { kind: "content", context, listed, account: [...account] };
}

const chaseable = (item: OpenItemRow): boolean => !item.disputed && !item.do_not_dun;

const sum = (items: readonly OpenItemRow[]): bigint => items.reduce((total, item) => total + item.open, 0n);

/** "Acme AR <ar@acme.example>" → "ar@acme.example". */
const mailboxAddress = (mailbox: string): string => /<([^<>]+)>\s*$/.exec(mailbox)?.[1] ?? mailbox.trim();

/**
 * The language a message is written in: the first preferred tag the chosen template serves ("de-AT"
 * for a "de" template keeps Austrian formats), else the template's own language.
 */
export function messageLanguage(preferences: readonly (string | null | undefined)[], templateLanguage: string): string {
  const base = templateLanguage.toLowerCase();
  const match = preferences.find((tag) => tag && (tag.toLowerCase() === base || tag.toLowerCase().startsWith(`${base}-`)));
  return match ?? templateLanguage;
}
