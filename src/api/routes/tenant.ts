import { z } from "zod";
import { getTenantById } from "../../app/tenants/findTenant.js";
import { route } from "../route.js";

const Tenant = z
  .strictObject({
    id: z.string(),
    slug: z.string(),
    name: z.string(),
    baseCurrency: z.string(),
    country: z.string(),
    timezone: z.string().meta({ example: "Europe/Berlin" }),
    language: z.string(),
    agingBuckets: z.array(z.number().int()),
  })
  .meta({ id: "Tenant" });

export const tenantRoutes = [
  route({
    operationId: "getTenant",
    method: "GET",
    url: "/api/v1/tenant",
    permission: "ledger:read",
    tag: "tenant",
    summary: "The tenant the API key belongs to",
    response: Tenant,
    handler: ({ deps, actor }) => getTenantById(deps, actor.tenantId),
  }),
];
