import type { Transaction } from "kysely";
import type { DB } from "../../store/schema.js";
import type { AppDeps } from "../deps.js";

/**
 * Deps whose database is the open transaction `tx`, where `db.transaction().execute(fn)` runs `fn`
 * inside `tx` instead of starting a new one. This lets a task outcome call the use cases that record
 * a promise or open a dispute so that their writes commit or roll back with the task's. Kysely keeps
 * its state in private fields, so every method is bound to the real transaction object.
 */
export function joinTransaction(deps: AppDeps, tx: Transaction<DB>): AppDeps {
  const joined = { execute: <T>(work: (inner: Transaction<DB>) => Promise<T>): Promise<T> => work(tx) };
  const db = new Proxy(tx, {
    get(target, property) {
      if (property === "transaction") return () => joined;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { ...deps, db };
}
