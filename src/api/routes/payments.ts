import { PaymentInput } from "../../app/inputs/ledgerInputs.js";
import { getPayment, listPayments, PaymentListQuery } from "../../app/payments/readPayments.js";
import { recordPayment } from "../../app/payments/recordPayment.js";
import { route } from "../route.js";
import { IdParams, pageOf } from "../schemas/common.js";
import { Payment, PaymentDetail } from "../schemas/ledger.js";

const tag = "payments";

export const paymentRoutes = [
  route({
    operationId: "listPayments",
    method: "GET",
    url: "/api/v1/payments",
    permission: "ledger:read",
    tag,
    summary: "List payments; unapplied=true keeps those with cash left on account",
    query: PaymentListQuery,
    response: pageOf(Payment),
    handler: ({ deps, actor, query }) => listPayments(deps, actor, query),
  }),
  route({
    operationId: "getPayment",
    method: "GET",
    url: "/api/v1/payments/:id",
    permission: "ledger:read",
    tag,
    summary: "Get one payment with its allocations",
    params: IdParams,
    response: PaymentDetail,
    handler: ({ deps, actor, params }) => getPayment(deps, actor, params.id),
  }),
  route({
    operationId: "recordPayment",
    method: "POST",
    url: "/api/v1/payments",
    permission: "ledger:write",
    tag,
    summary: "Record a received payment and apply it to the named invoices or the oldest open items",
    description: "201 when recorded; 200 when the same payment (same externalId, amount, currency and date) was already recorded. The same externalId with other content is 409 PAYMENT_CONFLICT.",
    body: PaymentInput,
    alsoStatus: [200],
    response: Payment,
    handler: async ({ deps, actor, body, setStatus }) => {
      const recorded = await recordPayment(deps, actor, body);
      if (!recorded.created) setStatus(200);
      return recorded.payment;
    },
  }),
];
