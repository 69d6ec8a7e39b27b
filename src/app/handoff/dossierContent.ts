import type { DossierContent, DossierSection } from "../../channels/documents/dossierPdf.js";
import type { TableContent } from "../../channels/pdf/table.js";
import { formatMoneyFor } from "../../domain/templates/index.js";
import type { CaseActivity, HandoffCase } from "./caseFile.js";

// The dossier is written in English with ISO dates: it travels to agencies and courts in other
// countries, where "03/04/2024" means two different days.
const LANGUAGE = "en";
const money = (amount: string, currency: string): string => formatMoneyFor(LANGUAGE, { amount, currency });
const none = ["None."];

const SKIP_REASONS: Record<string, string> = { catch_up: "skipped (caught up)", condition: "skipped (not applicable)" };
const APPLIED: Record<string, string> = { payment: "Applied from payment", credit_note: "Applied from credit note", write_off: "Written off", discount: "Early-payment discount" };
const KIND_LABELS: Record<string, string> = {
  message: "Message",
  call: "Call",
  note: "Note",
  promise: "Promise to pay",
  promise_kept: "Promise kept",
  promise_broken: "Promise broken",
  dispute_opened: "Dispute opened",
  dispute_resolved: "Dispute resolved",
  hold: "Hold",
  hold_released: "Hold released",
  stage: "Stage",
  task_assigned: "Task assigned",
  task_done: "Task done",
};

/** The case as the dossier's pre-formatted strings: cover, items, money received, pauses, chase, messages, contacts. */
export function dossierContent(c: HandoffCase): DossierContent {
  const { creditor, debtor, handoff } = c;
  const handedOff = handoff ? `${handoff.date}: step "${handoff.stepId}" (${handoff.channel}) of policy ${handoff.policy.key} v${handoff.policy.version}` : `not handed off as of ${c.asOf} (preview)`;
  const bank = creditor.bank ? [creditor.bank.iban, creditor.bank.bic, creditor.bank.holder].filter(Boolean).join(" · ") : "";
  const parent = debtor.parent ? `${debtor.parent.legalName} (${debtor.parent.externalId})` : "";
  const facts: [string, string][] = [
    ["Creditor", creditor.name],
    ["Creditor address", [...creditor.addressLines, creditor.country].join(", ")],
    ["Creditor bank account", bank],
    ["Debtor", debtor.legalName],
    ["Customer no.", debtor.externalId],
    ["Tax id", debtor.taxId ?? ""],
    ["Debtor address", [...debtor.addressLines, debtor.country ?? ""].filter(Boolean).join(", ")],
    ["Language", debtor.language ?? ""],
    ["Segment", debtor.segment ?? ""],
    ["Parent company", parent],
    ["Handed off", handedOff],
    ["As of", c.asOf],
  ];
  return {
    title: `Hand-off case file: ${debtor.legalName}`,
    creditor: { name: creditor.name, addressLines: creditor.addressLines },
    debtor: { name: debtor.legalName, addressLines: debtor.addressLines },
    date: c.asOf,
    infoLines: [`Customer no. ${debtor.externalId}`, `As of ${c.asOf}`, ...(handoff ? [`Handed off ${handoff.date}`] : [])],
    facts: facts.filter(([, value]) => value !== ""),
    claimed: {
      header: ["Currency", "Open", "Overdue", "Disputed", "Unapplied credits", "Claimed"],
      rows: c.totals.map((t) => [t.currency, money(t.open, t.currency), money(t.overdue, t.currency), money(t.disputed, t.currency), money(t.credits, t.currency), money(t.claimed, t.currency)]),
      align: ["left", "right", "right", "right", "right", "right"],
    },
    sections: [openItems(c), moneyReceived(c), pauses(c), chaseHistory(c), ...messages(c.timeline), contacts(c)],
    footer: [`${creditor.name} · hand-off case file of ${debtor.legalName} (${debtor.externalId}) as of ${c.asOf}`],
  };
}

function openItems(c: HandoffCase): DossierSection {
  const table: TableContent = {
    header: ["Invoice", "PO", "Issued", "Due", "Days overdue", "Amount", "Open", "Dispute"],
    rows: c.openItems.map((i) => [
      i.installment === null ? i.number : `${i.number}/${i.installment}`,
      i.poNumber ?? "",
      i.issueDate,
      i.dueDate,
      i.daysOverdue > 0 ? String(i.daysOverdue) : "",
      money(i.amount, i.currency),
      money(i.open, i.currency),
      i.dispute ? `${i.dispute.reason} (${i.dispute.status})` : "",
    ]),
    totals: c.totals.map((t) => [`Total ${t.currency}`, "", "", "", "", "", money(t.open, t.currency), ""]),
    align: ["left", "left", "left", "left", "right", "right", "right", "left"],
  };
  return { heading: `Open items as of ${c.asOf}`, ...(c.openItems.length === 0 ? { paragraphs: none } : { table }) };
}

function moneyReceived(c: HandoffCase): DossierSection {
  const rows = [
    ...c.payments.map((p) => [p.receivedOn, `Payment ${p.externalId}${p.reference ? ` (${p.reference})` : ""}`, "", money(p.amount.amount, p.amount.currency), `${money(p.unapplied, p.amount.currency)} unapplied`]),
    ...c.allocations.map((a) => [a.appliedOn, `${APPLIED[a.kind] ?? a.kind}${a.source ? ` ${a.source}` : ""}`, a.installment === null ? a.invoiceNumber : `${a.invoiceNumber}/${a.installment}`, money(a.amount.amount, a.amount.currency), a.reason ?? ""]),
  ].sort((a, b) => a[0]!.localeCompare(b[0]!));
  const table: TableContent = { header: ["Date", "What", "Applied to", "Amount", "Note"], rows, align: ["left", "left", "left", "right", "left"] };
  return { heading: "Payments received and amounts applied to the open items", ...(rows.length === 0 ? { paragraphs: none } : { table }) };
}

function pauses(c: HandoffCase): DossierSection {
  const rows = [
    ...c.promises.map((p) => [p.madeOn, "Promise to pay", `${money(p.amount.amount, p.amount.currency)} by ${p.promisedDate}${p.note ? `: ${p.note}` : ""}`, resolution(p.status, p.resolvedOn)]),
    ...c.disputes.map((d) => [d.openedOn, `Dispute on ${d.invoiceNumber}`, `${d.reason}${d.note ? `: ${d.note}` : ""}`, resolution(d.status, d.resolvedOn) + (d.resolutionNote ? `: ${d.resolutionNote}` : "")]),
    ...c.holds.map((h) => [h.from, h.invoiceNumber ? `Hold on ${h.invoiceNumber}` : "Hold", `${h.reason}${h.until ? ` (until ${h.until})` : ""}`, h.releasedOn ? `released ${h.releasedOn}` : "active"]),
  ].sort((a, b) => a[0]!.localeCompare(b[0]!));
  const table: TableContent = { header: ["Date", "What", "Details", "Status"], rows };
  return { heading: "Promises, disputes and holds", ...(rows.length === 0 ? { paragraphs: none } : { table }) };
}

const resolution = (status: string, on: string | null): string => (on ? `${status} ${on}` : status);

/** Steps and timeline in order of the day; a day's steps before what followed from them. */
function chaseHistory(c: HandoffCase): DossierSection {
  const steps = c.actions.map((a) => ({
    date: a.date,
    order: 0,
    row: [a.date, `Step "${a.stepId}"${a.status === "performed" ? "" : ` ${SKIP_REASONS[a.skipReason ?? ""] ?? "skipped"}`}`, a.channel, `${money(a.amount.amount, a.amount.currency)} overdue${a.invoices.length > 0 ? `: ${a.invoices.join(", ")}` : ""}`],
  }));
  // Performed steps are already listed from the actions; their timeline entries would repeat them.
  const entries = c.timeline
    .filter((e) => e.kind !== "action")
    .map((e) => ({ date: e.occurredOn, order: 1, row: [e.occurredOn, KIND_LABELS[e.kind] ?? e.kind.replaceAll("_", " "), e.message?.channel ?? "", e.summary] }));
  const rows = [...steps, ...entries].sort((a, b) => a.date.localeCompare(b.date) || a.order - b.order).map((r) => r.row);
  return { heading: "Chase history", ...(rows.length === 0 ? { paragraphs: none } : { table: { header: ["Date", "What", "Channel", "Summary"], rows } }) };
}

/** Each message that went out, in full, as text: the record of what the debtor was told. */
function messages(timeline: readonly CaseActivity[]): DossierSection[] {
  const sent = timeline.filter((e) => e.message !== null);
  const intro = sent.length === 0 ? none : [`The full text of each of the ${sent.length} messages sent, as the debtor received it.`];
  return [
    { heading: "Messages sent", paragraphs: intro },
    ...sent.map((e, i) => {
      const m = e.message!;
      const title = m.subject ?? `${m.channel} message`;
      return { heading: `Message ${i + 1} of ${sent.length}, ${e.occurredOn} (${m.channel}): ${title}`, paragraphs: [`To: ${m.to}`, m.text] };
    }),
  ];
}

function contacts(c: HandoffCase): DossierSection {
  const table: TableContent = {
    header: ["Name", "Roles", "Email", "Phone", "Language"],
    rows: c.contacts.map((k) => [`${k.name}${k.isPrimary ? " (primary)" : ""}`, k.roles.join(", "), k.email ?? "", k.phone ?? "", k.language ?? ""]),
  };
  return { heading: "Contacts", ...(c.contacts.length === 0 ? { paragraphs: none } : { table }) };
}
