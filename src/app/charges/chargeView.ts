import type { ChargeRow } from "../../store/charges.js";
import { amountText } from "../views/money.js";

/** A posted fee, interest or compensation charge. Amounts are decimal strings in its currency. */
export interface ChargeView {
  id: string;
  number: string;
  kind: ChargeRow["kind"];
  customerId: string;
  /** The invoice (and installment) it was charged on. */
  invoiceId: string | null;
  invoiceNumber: string | null;
  installment: number | null;
  /** The policy step and chase that posted it; null for a charge posted otherwise. */
  step: string | null;
  cycle: number | null;
  issueDate: string;
  dueDate: string;
  currency: string;
  amount: string;
  waived: string;
  open: string;
}

export const chargeView = (row: ChargeRow): ChargeView => ({
  id: row.id,
  number: row.number,
  kind: row.kind,
  customerId: row.customer_id,
  invoiceId: row.charge_of,
  invoiceNumber: row.invoice_number,
  installment: row.charge_of_seq,
  step: row.charge_step,
  cycle: row.charge_cycle,
  issueDate: row.issue_date,
  dueDate: row.due_date,
  currency: row.currency,
  amount: amountText(BigInt(row.amount), row.currency),
  waived: amountText(BigInt(row.waived), row.currency),
  open: amountText(BigInt(row.open_amount), row.currency),
});
