import { z } from "zod";
import { listCustomerCharges } from "../../../app/charges/customerCharges.js";
import { waiveCharge, WaiverInput } from "../../../app/charges/waiveCharge.js";
import { route } from "../../route.js";
import { IdParams, zAmount, zCurrencyCode, zDate } from "../../schemas/common.js";

const tag = "quotes";

export const Charge = z
  .strictObject({
    id: z.string(),
    number: z.string().meta({ example: "INV-1-F-r2-1" }),
    kind: z.enum(["fee", "interest", "compensation"]),
    customerId: z.string(),
    invoiceId: z.string().nullable().meta({ description: "the invoice it was charged on" }),
    invoiceNumber: z.string().nullable(),
    installment: z.number().int().nullable(),
    step: z.string().nullable().meta({ description: "the policy step that posted it" }),
    cycle: z.number().int().nullable().meta({ description: "the chase it was posted in" }),
    issueDate: zDate,
    dueDate: zDate,
    currency: zCurrencyCode,
    amount: zAmount,
    waived: zAmount,
    open: zAmount,
  })
  .meta({ id: "Charge" });

/** Fees, interest and compensation posted as open items: the list per customer, and waivers. */
export const chargeRoutes = [
  route({
    operationId: "listCustomerCharges",
    method: "GET",
    url: "/api/v1/customers/:id/charges",
    permission: "collections:read",
    tag,
    summary: "The fees, interest and compensation charged to a customer, with what was waived and what is open",
    params: IdParams,
    response: z.strictObject({ items: z.array(Charge) }),
    handler: ({ deps, actor, params }) => listCustomerCharges(deps, actor, params.id),
  }),
  route({
    operationId: "waiveCharge",
    method: "POST",
    url: "/api/v1/charges/:id/waive",
    permission: "collections:act",
    tag,
    summary: "Waive all or part of a fee, interest or compensation charge, with a reason",
    description: "Booked as a `waiver` allocation on the charge, so its open balance and the payoff quote follow; recorded on the customer's timeline and in the audit log. More than is open: 409 OVER_ALLOCATION.",
    params: IdParams,
    body: WaiverInput,
    status: 200,
    response: Charge,
    handler: ({ deps, actor, params, body }) => waiveCharge(deps, actor, params.id, body),
  }),
];
