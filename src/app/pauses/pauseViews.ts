import type { DisputeRow, HoldRow, PromiseRow } from "../../store/pauses.js";
import { moneyView, type MoneyView } from "../views/money.js";

export interface DisputeView {
  id: string;
  customerId: string;
  invoiceId: string;
  reason: string;
  status: string;
  note: string | null;
  openedOn: string;
  dueOn: string | null;
  resolvedOn: string | null;
  resolutionNote: string | null;
}

export const disputeView = (d: DisputeRow): DisputeView => ({
  id: d.id,
  customerId: d.customer_id,
  invoiceId: d.invoice_id,
  reason: d.reason,
  status: d.status,
  note: d.note,
  openedOn: d.opened_on,
  dueOn: d.due_on,
  resolvedOn: d.resolved_on,
  resolutionNote: d.resolution_note,
});

export interface PromiseView {
  id: string;
  customerId: string;
  amount: MoneyView;
  madeOn: string;
  promisedDate: string;
  graceDays: number;
  status: string;
  resolvedOn: string | null;
  note: string | null;
}

export const promiseView = (p: PromiseRow): PromiseView => ({
  id: p.id,
  customerId: p.customer_id,
  amount: moneyView(BigInt(p.amount), p.currency),
  madeOn: p.made_on,
  promisedDate: p.due_on,
  graceDays: p.grace_days,
  status: p.status,
  resolvedOn: p.resolved_on,
  note: p.note,
});

export interface HoldView {
  id: string;
  customerId: string;
  invoiceId: string | null;
  reason: string;
  from: string;
  until: string | null;
  releasedOn: string | null;
}

export const holdView = (h: HoldRow): HoldView => ({ id: h.id, customerId: h.customer_id, invoiceId: h.invoice_id, reason: h.reason, from: h.from_on, until: h.until_on, releasedOn: h.released_on });
