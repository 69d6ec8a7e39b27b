import { pingDatabase } from "../../store/health.js";
import type { AppDeps } from "../deps.js";

/** For health probes: is the database answering, and how fast. */
export async function checkDatabase(deps: AppDeps): Promise<{ engine: string; latencyMs: number }> {
  return { engine: deps.engine, latencyMs: Math.round((await pingDatabase(deps.db)) * 100) / 100 };
}
