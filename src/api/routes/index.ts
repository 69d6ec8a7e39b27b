import type { ApiRoute } from "../route.js";
import { allocationRoutes } from "./allocations.js";
import { apiKeyRoutes } from "./apiKeys.js";
import { policyRoutes } from "./collections/policies.js";
import { pauseRoutes } from "./collections/pauses.js";
import { runRoutes } from "./collections/runs.js";
import { worklistRoutes } from "./collections/worklist.js";
import { contactRoutes } from "./contacts.js";
import { creditNoteRoutes } from "./creditNotes.js";
import { customerRoutes } from "./customers.js";
import { importRoutes } from "./imports.js";
import { invoiceRoutes } from "./invoices.js";
import { paymentRoutes } from "./payments.js";
import { reportRoutes } from "./reports.js";
import { segmentRoutes } from "./collections/segments.js";
import { handoffRoutes } from "./collections/handoff.js";
import { planRoutes } from "./collections/plans.js";
import { quoteRoutes } from "./collections/quotes.js";
import { chargeRoutes } from "./collections/charges.js";
import { channelRoutes } from "./collections/channels.js";
import { tenantRoutes } from "./tenant.js";

/** Every /api/v1 route, in the order the OpenAPI document lists them. */
export const apiRoutes: readonly ApiRoute[] = [
  ...tenantRoutes,
  ...customerRoutes,
  ...contactRoutes,
  ...invoiceRoutes,
  ...creditNoteRoutes,
  ...paymentRoutes,
  ...allocationRoutes,
  ...reportRoutes,
  ...importRoutes,
  ...policyRoutes,
  ...segmentRoutes,
  ...runRoutes,
  ...pauseRoutes,
  ...planRoutes,
  ...quoteRoutes,
  ...chargeRoutes,
  ...worklistRoutes,
  ...handoffRoutes,
  ...channelRoutes,
  ...apiKeyRoutes,
];
