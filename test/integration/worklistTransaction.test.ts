import { describe, expect, it } from "vitest";
import { recordPromise } from "../../src/app/pauses/promises.js";
import { joinTransaction } from "../../src/app/worklist/joinTransaction.js";
import { engineAvailable, useTestDatabase } from "../kit/database.js";
import { depsAt, newCustomer, newTenant } from "../kit/factories.js";

describe.skipIf(!engineAvailable())("task outcomes share the task's transaction", () => {
  const t = useTestDatabase();

  it("rolls back a promise recorded through joined deps when the outer transaction fails", async () => {
    const deps = depsAt(t());
    const actor = await newTenant(deps);
    const customer = await newCustomer(deps, actor);
    const promises = () => deps.db.selectFrom("promises").select("id").where("tenant_id", "=", actor.tenantId).execute();

    const failed = deps.db.transaction().execute(async (tx) => {
      await recordPromise(joinTransaction(deps, tx), actor, { customerId: customer.id, amount: "10.00", promisedDate: "2024-07-10" });
      expect(await tx.selectFrom("promises").select("id").where("tenant_id", "=", actor.tenantId).execute()).toHaveLength(1);
      throw new Error("the task could not be closed");
    });
    await expect(failed).rejects.toThrow("the task could not be closed");
    expect(await promises()).toEqual([]);

    const kept = await deps.db.transaction().execute((tx) => recordPromise(joinTransaction(deps, tx), actor, { customerId: customer.id, amount: "10.00", promisedDate: "2024-07-10" }));
    expect(await promises()).toEqual([{ id: kept.id }]);
  });
});
