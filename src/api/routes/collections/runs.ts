import { z } from "zod";
import { runCollections } from "../../../app/collections/runCollections.js";
import { zIsoDate } from "../../../app/inputs/fields.js";
import { parseInput } from "../../../app/inputs/validate.js";
import { route } from "../../route.js";
import { RunSummary } from "../../schemas/collections.js";

const RunRequest = z
  .strictObject({
    asOf: zIsoDate.optional().meta({ description: "the day to run for; default today in the tenant's time zone" }),
    dryRun: z.boolean().optional().meta({ description: "decide and report, write nothing" }),
  })
  .meta({ id: "RunRequest" });

export const runRoutes = [
  route({
    operationId: "runCollections",
    method: "POST",
    url: "/api/v1/collections/runs",
    permission: "collections:configure",
    tag: "collections",
    summary: "Run the collections engine for one day: settle promises, perform due steps, write messages and tasks",
    description: "Idempotent per day: running the same day again performs nothing new. After missed days only the latest due step is performed; the others are recorded as skipped.",
    body: RunRequest,
    response: RunSummary,
    handler: ({ deps, actor, body }) => runCollections(deps, actor, parseInput(RunRequest, body ?? {}, "run")),
  }),
];
