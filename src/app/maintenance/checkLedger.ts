import { findBalanceDrift } from "../../store/balances.js";
import type { Actor, AppDeps } from "../deps.js";

/** Rows whose cached balance disagrees with their allocations (always empty unless something is broken). */
export const checkLedger = (deps: AppDeps, actor: Actor) => findBalanceDrift(deps.db, actor.tenantId);
