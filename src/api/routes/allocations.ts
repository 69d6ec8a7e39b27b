import { z } from "zod";
import { allocate } from "../../app/allocations/allocate.js";
import { writeOff } from "../../app/allocations/writeOff.js";
import { AllocationInput, WriteOffInput } from "../../app/inputs/ledgerInputs.js";
import { route } from "../route.js";
import { Allocation, Invoice } from "../schemas/ledger.js";

const tag = "allocations";

export const allocationRoutes = [
  route({
    operationId: "allocate",
    method: "POST",
    url: "/api/v1/allocations",
    permission: "ledger:write",
    tag,
    summary: "Apply unapplied cash (paymentId) or credit (creditNoteId) to an invoice",
    description: "Without `amount`, applies as much as both sides allow. Answers the allocations made (one per installment touched).",
    body: AllocationInput,
    response: z.strictObject({ allocations: z.array(Allocation) }),
    handler: async ({ deps, actor, body }) => ({ allocations: await allocate(deps, actor, body) }),
  }),
  route({
    operationId: "writeOff",
    method: "POST",
    url: "/api/v1/write-offs",
    permission: "ledger:writeOff",
    tag,
    summary: "Write off all or part of an invoice's open balance, with a reason",
    body: WriteOffInput,
    response: Invoice,
    handler: ({ deps, actor, body }) => writeOff(deps, actor, body),
  }),
];
