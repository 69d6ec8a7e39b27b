import { readFileSync } from "node:fs";
import type { Actor, AppDeps } from "../../src/app/deps.js";
import { replayScenario } from "../../src/app/simulation/replayScenario.js";
import { parseScenario } from "../../src/app/simulation/simulate.js";
import type { SimulationResult } from "../../src/app/simulation/simulationResult.js";
import { findTenant } from "../../src/app/tenants/findTenant.js";
import type { Database } from "../../src/store/database.js";
import { depsAt } from "./factories.js";

let replays = 0;

/** The text of test/scenarios/NAME.json. */
export const scenarioFile = (name: string): string => readFileSync(new URL(`../scenarios/${name}.json`, import.meta.url), "utf8");

/** Replays test/scenarios/NAME.json into a new tenant of the test database; returns the result and an admin actor of that tenant. */
export async function replayScenarioFile(database: Database, name: string): Promise<{ deps: AppDeps; actor: Actor; result: SimulationResult }> {
  const deps = depsAt(database);
  const slug = `scenario-${process.pid}-${++replays}`;
  const result = await replayScenario(deps, parseScenario(scenarioFile(name)), slug);
  return { deps, actor: { tenantId: (await findTenant(deps, slug)).id, role: "admin", name: "test" }, result };
}
