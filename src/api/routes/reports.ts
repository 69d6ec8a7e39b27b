import { agingReport, AgingQuery } from "../../app/reports/agingReport.js";
import { route } from "../route.js";
import { AgingReport } from "../schemas/reports.js";

export const reportRoutes = [
  route({
    operationId: "agingReport",
    method: "GET",
    url: "/api/v1/reports/aging",
    permission: "reports:read",
    tag: "reports",
    summary: "Open A/R by days past due as of a date, per currency, optionally per customer",
    description: "`buckets` overrides the tenant's bucket bounds, e.g. `30,60,90,120` → not due, 1-30, 31-60, 61-90, 91-120, 120+.",
    query: AgingQuery,
    response: AgingReport,
    handler: ({ deps, actor, query }) => agingReport(deps, actor, query),
  }),
];
