import { z } from "zod";
import { getPrintBatch } from "../../../app/outbox/printBatch.js";
import { ChannelSettingsInput } from "../../../app/settings/channelSettings.js";
import { getChannelSettings } from "../../../app/settings/getChannelSettings.js";
import { updateChannelSettings } from "../../../app/settings/updateChannelSettings.js";
import { deleteTemplate } from "../../../app/templates/deleteTemplate.js";
import { listTemplates } from "../../../app/templates/listTemplates.js";
import { previewTemplate } from "../../../app/templates/previewTemplate.js";
import { saveTemplate } from "../../../app/templates/saveTemplate.js";
import { TemplateInput, TemplateRef } from "../../../app/templates/templateInput.js";
import { route } from "../../route.js";
import { pageOf } from "../../schemas/common.js";

const Template = z
  .strictObject({
    key: z.string(),
    language: z.string(),
    channel: z.enum(["email", "sms", "letter", "task"]),
    subject: z.string().nullable(),
    text: z.string(),
    html: z.string().nullable(),
    source: z.enum(["tenant", "builtin"]),
    overridden: z.boolean().optional(),
  })
  .meta({ id: "Template" });

const ChannelSettingsView = z
  .strictObject({
    email: z.record(z.string(), z.unknown()).nullable().meta({ description: "SMTP settings (password masked) or {provider: \"log\"}" }),
    sms: z.record(z.string(), z.unknown()).nullable().meta({ description: "SMS provider settings (auth headers masked) or {provider: \"log\"}" }),
    letterPaper: z.enum(["A4", "LETTER"]),
    senderAddress: z.array(z.string()),
    bank: z.record(z.string(), z.unknown()).nullable(),
    portalUrl: z.string().nullable(),
    defaultPolicy: z.string(),
    allocationOrder: z.enum(["costs-interest-principal", "principal-first"]),
    compensation: z.boolean(),
    updatedAt: z.string().nullable(),
  })
  .meta({ id: "ChannelSettings" });

const DayParams = z.object({ day: z.string().meta({ example: "2024-06-28" }) });

export const channelRoutes = [
  route({
    operationId: "getChannelSettings",
    method: "GET",
    url: "/api/v1/settings/channels",
    permission: "admin:users",
    tag: "settings",
    summary: "Email, SMS and letter settings, bank details and portal address (secrets masked)",
    response: ChannelSettingsView,
    handler: ({ deps, actor }) => getChannelSettings(deps, actor),
  }),
  route({
    operationId: "updateChannelSettings",
    method: "PATCH",
    url: "/api/v1/settings/channels",
    permission: "admin:users",
    tag: "settings",
    summary: "Change channel settings: omitted fields stay, null clears one, a masked secret sent back keeps the stored one",
    body: ChannelSettingsInput,
    response: ChannelSettingsView,
    handler: ({ deps, actor, body }) => updateChannelSettings(deps, actor, body),
  }),
  route({
    operationId: "listTemplates",
    method: "GET",
    url: "/api/v1/templates",
    permission: "collections:read",
    tag: "templates",
    summary: "The tenant's message templates and the built-in ones, per key, language and channel",
    response: pageOf(Template),
    handler: async ({ deps, actor }) => ({ items: await listTemplates(deps, actor), nextCursor: null }),
  }),
  route({
    operationId: "saveTemplate",
    method: "PUT",
    url: "/api/v1/templates",
    permission: "collections:configure",
    tag: "templates",
    summary: "Save the tenant's wording for a template; an unknown variable or helper is rejected now, not at send time",
    body: TemplateInput,
    response: Template,
    handler: ({ deps, actor, body }) => saveTemplate(deps, actor, body),
  }),
  route({
    operationId: "deleteTemplate",
    method: "POST",
    url: "/api/v1/templates/delete",
    permission: "collections:configure",
    tag: "templates",
    summary: "Remove the tenant's wording for a template: the built-in one applies again",
    body: TemplateRef,
    status: 204,
    response: z.undefined(),
    handler: async ({ deps, actor, body }) => {
      await deleteTemplate(deps, actor, body);
      return undefined;
    },
  }),
  route({
    operationId: "previewTemplate",
    method: "POST",
    url: "/api/v1/templates/preview",
    permission: "collections:read",
    tag: "templates",
    summary: "Render a template with sample data",
    body: TemplateRef,
    status: 200,
    response: z.strictObject({ template: Template, rendered: z.strictObject({ subject: z.string(), text: z.string(), html: z.string().optional() }) }),
    handler: ({ deps, actor, body }) => previewTemplate(deps, actor, body),
  }),
  route({
    operationId: "getPrintBatch",
    method: "GET",
    url: "/api/v1/print-batches/:day",
    permission: "collections:read",
    tag: "letters",
    summary: "The day's letters as one PDF, ready to print (duplex-safe, addresses in the envelope window)",
    params: DayParams,
    response: z.unknown(),
    produces: "application/pdf",
    handler: async ({ deps, actor, params }) => {
      const batch = await getPrintBatch(deps, actor, params.day);
      return { content: batch.pdf, filename: `letters-${batch.day}.pdf` };
    },
  }),
];
