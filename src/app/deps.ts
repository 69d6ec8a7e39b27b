import type { Kysely } from "kysely";
import { Temporal } from "temporal-polyfill";
import { uuidv7 } from "uuidv7";
import type { Clock } from "../domain/dates/clock.js";
import type { Role } from "../domain/access/roles.js";
import type { DB } from "../store/schema.js";
import type { Engine } from "../store/database.js";

/** What every use case gets: the database, the clock and an id source. Injected so tests control them. */
export interface AppDeps {
  readonly db: Kysely<DB>;
  readonly engine: Engine;
  readonly clock: Clock;
  readonly newId: () => string;
}

/** Who is acting, inside which tenant. Every use case is scoped by it. */
export interface Actor {
  readonly tenantId: string;
  readonly role: Role;
  /** For the audit log: "user:ana@x", "apikey:<id>", "cli". */
  readonly name: string;
}

export const systemClock: Clock = { now: () => Temporal.Now.instant() };

export const appDeps = (db: Kysely<DB>, engine: Engine, clock: Clock = systemClock): AppDeps => ({ db, engine, clock, newId: uuidv7 });
