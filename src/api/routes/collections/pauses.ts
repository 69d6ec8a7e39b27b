import { z } from "zod";
import { DisputeInput, DisputeResolutionInput, HoldInput, PromiseInput } from "../../../app/inputs/collectionInputs.js";
import { zIsoDate } from "../../../app/inputs/fields.js";
import { parseInput } from "../../../app/inputs/validate.js";
import { openDispute, resolveDispute } from "../../../app/pauses/disputes.js";
import { placeHold, releaseHold } from "../../../app/pauses/holds.js";
import { recordPromise } from "../../../app/pauses/promises.js";
import { customerPromises } from "../../../app/worklist/customerPromises.js";
import { DisputeListQuery, listDisputes } from "../../../app/worklist/listDisputes.js";
import { route } from "../../route.js";
import { IdParams, pageOf } from "../../schemas/common.js";
import { Dispute, Hold, PromiseToPay } from "../../schemas/collections.js";

const tag = "pauses";

const HoldRelease = z
  .strictObject({ on: zIsoDate.optional().meta({ description: "the day the hold ends; default today in the tenant's time zone" }) })
  .meta({ id: "HoldReleaseInput" });

/** Disputes, promises to pay and manual holds: what stops the chase for an invoice or a customer. */
export const pauseRoutes = [
  route({
    operationId: "listDisputes",
    method: "GET",
    url: "/api/v1/disputes",
    permission: "collections:read",
    tag,
    summary: "List disputes, oldest opened first; filter by status or customer",
    query: DisputeListQuery,
    response: pageOf(Dispute),
    handler: ({ deps, actor, query }) => listDisputes(deps, actor, query),
  }),
  route({
    operationId: "openDispute",
    method: "POST",
    url: "/api/v1/disputes",
    permission: "collections:act",
    tag,
    summary: "Open a dispute on an invoice: the engine leaves that invoice out and chases the rest",
    body: DisputeInput,
    response: Dispute,
    handler: ({ deps, actor, body }) => openDispute(deps, actor, body),
  }),
  route({
    operationId: "resolveDispute",
    method: "POST",
    url: "/api/v1/disputes/:id/resolve",
    permission: "collections:act",
    tag,
    summary: "Close a dispute: rejected, the invoice is chased again; upheld, credit it with a credit note",
    params: IdParams,
    body: DisputeResolutionInput,
    status: 200,
    response: Dispute,
    handler: ({ deps, actor, params, body }) => resolveDispute(deps, actor, params.id, body),
  }),
  route({
    operationId: "recordPromise",
    method: "POST",
    url: "/api/v1/promises",
    permission: "collections:act",
    tag,
    summary: "Record a promise to pay: the chase in that currency pauses until the promised date plus grace",
    description: "A new promise replaces the customer's open one in the same currency. The daily run marks it kept once enough money arrived, or broken (a follow-up task, and the chase resumes).",
    body: PromiseInput,
    response: PromiseToPay,
    handler: ({ deps, actor, body }) => recordPromise(deps, actor, body),
  }),
  route({
    operationId: "listCustomerPromises",
    method: "GET",
    url: "/api/v1/customers/:id/promises",
    permission: "collections:read",
    tag,
    summary: "A customer's promises to pay, newest first (one page: a customer makes few)",
    params: IdParams,
    response: pageOf(PromiseToPay),
    handler: async ({ deps, actor, params }) => ({ items: await customerPromises(deps, actor, params.id), nextCursor: null }),
  }),
  route({
    operationId: "placeHold",
    method: "POST",
    url: "/api/v1/holds",
    permission: "collections:act",
    tag,
    summary: "Put a customer or one invoice on hold, with a reason and an optional end date",
    body: HoldInput,
    response: Hold,
    handler: ({ deps, actor, body }) => placeHold(deps, actor, body),
  }),
  route({
    operationId: "releaseHold",
    method: "POST",
    url: "/api/v1/holds/:id/release",
    permission: "collections:act",
    tag,
    summary: "End a hold: the chase resumes at the next run",
    params: IdParams,
    body: HoldRelease,
    status: 200,
    response: Hold,
    handler: ({ deps, actor, params, body }) => releaseHold(deps, actor, params.id, parseInput(HoldRelease, body ?? {}, "hold release")),
  }),
];
