import type { Db } from "../../store/schema.js";
import { overdueItems, type WorklistRow } from "../../store/worklist.js";
import { callCurrency, itemsByAccount, taskView, type TaskView } from "./taskView.js";

/** Views of tasks, with the talking points of all their call tasks (overdue on `today`) loaded in one query. */
export async function taskViews(db: Db, q: { tenantId: string; today: string }, rows: readonly WorklistRow[]): Promise<TaskView[]> {
  const accounts = rows.flatMap((row) => {
    const currency = callCurrency(row);
    return currency === undefined ? [] : [{ customerId: row.customer_id, currency }];
  });
  const overdue = itemsByAccount(await overdueItems(db, { ...q, accounts }));
  return rows.map((row) => taskView(row, overdue));
}
