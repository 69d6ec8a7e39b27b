import type { PlanRow } from "../../store/paymentPlans.js";
import { moneyView, type MoneyView } from "../views/money.js";

export interface InstallmentView {
  seq: number;
  dueDate: string;
  amount: MoneyView;
  /** True once the payments counted towards the plan cover this installment and all before it. */
  covered: boolean;
}

export interface PaymentPlanView {
  id: string;
  customerId: string;
  currency: string;
  status: PlanRow["status"];
  startedOn: string;
  endedOn: string | null;
  graceDays: number;
  note: string | null;
  total: MoneyView;
  /** The customer's payments in the plan's currency from its start (up to its end, once ended). */
  paid: MoneyView;
  installments: InstallmentView[];
  createdBy: string;
}

export function planView(plan: PlanRow): PaymentPlanView {
  const paid = BigInt(plan.paid);
  let dueSoFar = 0n;
  return {
    id: plan.id,
    customerId: plan.customer_id,
    currency: plan.currency,
    status: plan.status,
    startedOn: plan.started_on,
    endedOn: plan.ended_on,
    graceDays: plan.grace_days,
    note: plan.note,
    total: moneyView(BigInt(plan.total), plan.currency),
    paid: moneyView(paid, plan.currency),
    installments: plan.installments.map((i) => {
      dueSoFar += BigInt(i.amount);
      return { seq: i.seq, dueDate: i.due_on, amount: moneyView(BigInt(i.amount), plan.currency), covered: paid >= dueSoFar };
    }),
    createdBy: plan.created_by,
  };
}
