import type { TaskKind, TaskOutcome, TaskRow } from "../../store/collectionsSchema.js";
import type { OverdueItemRow, WorklistRow } from "../../store/worklist.js";
import { amountText, moneyView, type MoneyView } from "../views/money.js";

/** What a collector needs on the phone: what is overdue now, item by item. */
export interface TalkingPoints {
  overdue: MoneyView;
  items: { invoiceId: string; number: string; dueDate: string; open: string }[];
}

export interface TaskView {
  id: string;
  customer: { id: string; externalId: string; legalName: string };
  kind: TaskKind;
  title: string;
  dueOn: string;
  assignee: { id: string; name: string | null; email: string | null } | null;
  status: TaskRow["status"];
  outcome: TaskOutcome | null;
  note: string | null;
  details: unknown;
  createdAt: string;
  completedAt: string | null;
  completedBy: string | null;
  /** Call tasks (and follow-ups of broken promises) only; null for the other kinds. */
  talkingPoints: TalkingPoints | null;
}

/** Tasks that are a phone call: they get talking points, and their outcomes are call activities. */
export const isCallTask = (kind: string): boolean => kind === "call" || kind === "broken_promise";

/** The currency a call task is about: the run writes it into the task's details. */
export function callCurrency(task: { kind: string; details: unknown }): string | undefined {
  if (!isCallTask(task.kind)) return undefined;
  const currency = (task.details as { currency?: unknown } | null)?.currency;
  return typeof currency === "string" ? currency : undefined;
}

export const accountKey = (customerId: string, currency: string): string => `${customerId}/${currency}`;

/** Groups overdue items by account, in the order given (oldest due first). */
export function itemsByAccount(items: readonly OverdueItemRow[]): Map<string, OverdueItemRow[]> {
  const byAccount = new Map<string, OverdueItemRow[]>();
  for (const item of items) {
    const key = accountKey(item.customer_id, item.currency);
    const list = byAccount.get(key);
    if (list) list.push(item);
    else byAccount.set(key, [item]);
  }
  return byAccount;
}

function talkingPoints(currency: string, items: readonly OverdueItemRow[]): TalkingPoints {
  const total = items.reduce((sum, i) => sum + i.open_amount, 0n);
  return {
    overdue: moneyView(total, currency),
    items: items.map((i) => ({ invoiceId: i.invoice_id, number: i.number, dueDate: i.due_date, open: amountText(i.open_amount, currency) })),
  };
}

export function taskView(row: WorklistRow, overdue: ReadonlyMap<string, readonly OverdueItemRow[]>): TaskView {
  const currency = callCurrency(row);
  return {
    id: row.id,
    customer: { id: row.customer_id, externalId: row.customer_external_id, legalName: row.customer_legal_name },
    kind: row.kind,
    title: row.title,
    dueOn: row.due_on,
    assignee: row.assignee_id === null ? null : { id: row.assignee_id, name: row.assignee_name, email: row.assignee_email },
    status: row.status,
    outcome: row.outcome,
    note: row.note,
    details: row.details,
    createdAt: new Date(row.created_at).toISOString(),
    completedAt: row.completed_at === null ? null : new Date(row.completed_at).toISOString(),
    completedBy: row.completed_by,
    talkingPoints: currency === undefined ? null : talkingPoints(currency, overdue.get(accountKey(row.customer_id, currency)) ?? []),
  };
}
