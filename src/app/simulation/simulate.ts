import { fixedClock } from "../../domain/dates/clock.js";
import { fail, Failure, type ErrorCode } from "../../domain/errors.js";
import { openDatabase } from "../../store/database.js";
import { appDeps } from "../deps.js";
import { fieldIssues } from "../inputs/validate.js";
import { replayScenario } from "./replayScenario.js";
import { checkScenario, Scenario } from "./scenarioSchema.js";
import type { SimulationResult } from "./simulationResult.js";

const ScenarioFile = Scenario.superRefine(checkScenario);

/** Reads and checks a scenario file; the first problem becomes a coded error naming its JSON path. */
export function parseScenario(text: string): Scenario {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return fail("MALFORMED_FILE", `the scenario is not JSON: ${(error as Error).message}`);
  }
  const parsed = ScenarioFile.safeParse(json);
  if (parsed.success) return parsed.data;
  const issues = fieldIssues(parsed.error).map((i) => ({ ...i, code: i.code === "VALIDATION_FAILED" ? "INVALID_SCENARIO" : i.code }));
  const first = issues[0]!;
  throw new Failure({ code: first.code as ErrorCode, message: `${first.path || "(root)"}: ${first.message}`, path: first.path, details: issues });
}

/**
 * `dunwell simulate`: replays the scenario through the real engine on a throwaway in-memory
 * database, so a policy can be previewed without touching the tenant's data.
 */
export async function simulate(text: string): Promise<SimulationResult> {
  const scenario = parseScenario(text);
  const database = await openDatabase({});
  try {
    return await replayScenario(appDeps(database.db, database.engine, fixedClock(`${scenario.from}T12:00:00Z`)), scenario);
  } finally {
    await database.close();
  }
}
