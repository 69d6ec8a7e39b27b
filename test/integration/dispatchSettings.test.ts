import { afterEach, describe, expect, it } from "vitest";
import { createChannelSenders } from "../../src/app/outbox/channelSenders.js";
import { dispatchOutbox } from "../../src/app/outbox/dispatchOutbox.js";
import { getChannelSettings } from "../../src/app/settings/getChannelSettings.js";
import { SECRET_MASK } from "../../src/app/settings/secrets.js";
import { updateChannelSettings } from "../../src/app/settings/updateChannelSettings.js";
import { deleteTemplate } from "../../src/app/templates/deleteTemplate.js";
import { listTemplates } from "../../src/app/templates/listTemplates.js";
import { previewTemplate } from "../../src/app/templates/previewTemplate.js";
import { saveTemplate } from "../../src/app/templates/saveTemplate.js";
import { engineAvailable, useTestDatabase } from "../kit/database.js";
import { depsAt, newTenant } from "../kit/factories.js";
import { startSmtpSink } from "../unit/channels/smtpSink.js";
import { plainTextOf, subjectOf } from "../unit/outbox/receivedMail.js";
import { germanCustomerWithFormalReminder } from "./dispatchScenario.js";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const smtp = { host: "smtp.test.example", port: 587, user: "ar", password: "s3cret", from: "AR <ar@test.example>" };
const sms = { url: "https://sms.example/send", headers: { Authorization: "Bearer k3y" }, bodyFields: { to: "to", text: "text" } };
const frenchOverdue = { key: "reminder.overdue", language: "fr", channel: "email", subject: "Relance maison : {{money totals.overdue}}", text: "Bonjour {{contact.name}},\n{{#each items}}{{number}} {{money open}}\n{{/each}}{{tenant.name}}" };

const codeOf = (attempt: Promise<unknown>) => attempt.then(() => "resolved", (error: { error?: { code: string } }) => error.error?.code);

describe.skipIf(!engineAvailable())("channel settings and tenant templates", () => {
  const t = useTestDatabase();

  it("never shows secrets, and keeps them when the mask is sent back", async () => {
    const deps = depsAt(t());
    const actor = await newTenant(deps);
    const view = await updateChannelSettings(deps, actor, { email: smtp, sms, letterPaper: "LETTER", bank: { iban: "DE89370400440532013000" } });
    expect(view).toMatchObject({ email: { ...smtp, password: SECRET_MASK }, sms: { headers: { Authorization: SECRET_MASK } }, letterPaper: "LETTER", bank: { iban: "DE89370400440532013000" } });
    expect(JSON.stringify(await getChannelSettings(deps, actor))).not.toMatch(/s3cret|k3y/);

    await updateChannelSettings(deps, actor, { email: { ...view.email, host: "smtp2.test.example" }, sms: view.sms });
    const stored = await deps.db.selectFrom("tenant_settings").select(["smtp", "sms"]).where("tenant_id", "=", actor.tenantId).executeTakeFirstOrThrow();
    expect(stored.smtp).toMatchObject({ host: "smtp2.test.example", password: "s3cret" });
    expect(stored.sms).toMatchObject({ headers: { Authorization: "Bearer k3y" } });
    const audit = await deps.db.selectFrom("audit_log").select("details").where("tenant_id", "=", actor.tenantId).where("action", "=", "settings.channels").execute();
    expect(audit).toHaveLength(2);
    expect(JSON.stringify(audit)).not.toMatch(/s3cret|k3y/);

    expect(await codeOf(updateChannelSettings(deps, actor, { email: { ...smtp, port: 0 } }))).toBe("VALIDATION_FAILED");
    expect(await codeOf(updateChannelSettings(deps, actor, { bank: { iban: "DE00370400440532013000" } }))).toBe("VALIDATION_FAILED");
    expect(await codeOf(updateChannelSettings(deps, actor, { defaultPolicy: "no-such-policy" }))).toBe("UNKNOWN_REFERENCE");
    expect((await updateChannelSettings(deps, actor, { email: null })).email).toBeNull();
  });

  it("refuses a template with an unknown variable when it is saved", async () => {
    const deps = depsAt(t());
    const actor = await newTenant(deps);
    const attempt = saveTemplate(deps, actor, { ...frenchOverdue, text: "Bonjour {{contact.nickname}}" });
    await expect(attempt).rejects.toMatchObject({ error: { code: "TEMPLATE_UNKNOWN_VARIABLE", path: "text" } });
    expect((await listTemplates(deps, actor)).filter((tpl) => tpl.source === "tenant")).toEqual([]);
  });

  it("writes to a French contact with the tenant's own French template instead of the built-in one", async () => {
    const deps = depsAt(t(), "2024-04-08");
    const sink = await startSmtpSink();
    const senders = createChannelSenders();
    cleanups.push(sink.close, () => senders.close());
    const { actor } = await germanCustomerWithFormalReminder(deps, sink.port, { name: "Luc Martin", email: "luc@client.example", language: "fr" });
    await saveTemplate(deps, actor, frenchOverdue);

    await dispatchOutbox(deps, { worker: "w1", senders });
    expect(subjectOf(sink.received[0]!.raw)).toBe("Relance maison : 150,00\u00a0€");
    expect(plainTextOf(sink.received[0]!.raw)).toBe("Bonjour Luc Martin,\nA-1 100,00\u00a0€\nA-2 50,00\u00a0€\nTest GmbH");

    const listed = await listTemplates(deps, actor);
    expect(listed.filter((tpl) => tpl.key === "reminder.overdue" && tpl.language === "fr")).toMatchObject([
      { source: "tenant", channel: "email" },
      { source: "builtin", channel: "email", overridden: true },
    ]);
    const preview = await previewTemplate(deps, actor, { key: "reminder.overdue", language: "fr-CA", channel: "email" });
    expect(preview).toMatchObject({ template: { source: "tenant", language: "fr" }, rendered: { subject: expect.stringMatching(/^Relance maison : 1\s730,50\s€$/) } });

    await deleteTemplate(deps, actor, { key: "reminder.overdue", language: "fr", channel: "email" });
    expect((await previewTemplate(deps, actor, { key: "reminder.overdue", language: "fr", channel: "email" })).template.source).toBe("builtin");
    expect(await codeOf(deleteTemplate(deps, actor, { key: "reminder.overdue", language: "fr", channel: "email" }))).toBe("TEMPLATE_NOT_FOUND");
  });

  it("keeps each tenant's settings and templates to itself", async () => {
    const deps = depsAt(t());
    const a = await newTenant(deps);
    const b = await newTenant(deps);
    await updateChannelSettings(deps, a, { email: smtp, portalUrl: "https://pay.a.example" });
    await saveTemplate(deps, a, frenchOverdue);

    expect(await getChannelSettings(deps, b)).toMatchObject({ email: null, sms: null, portalUrl: null, letterPaper: "A4", senderAddress: [] });
    expect((await listTemplates(deps, b)).some((tpl) => tpl.source === "tenant")).toBe(false);
    expect((await previewTemplate(deps, b, { key: "reminder.overdue", language: "fr", channel: "email" })).template.source).toBe("builtin");
    expect(await codeOf(deleteTemplate(deps, b, { key: "reminder.overdue", language: "fr", channel: "email" }))).toBe("TEMPLATE_NOT_FOUND");
  });

  it("logs instead of delivering for a tenant set up with the log provider", async () => {
    const deps = depsAt(t(), "2024-04-08");
    const lines: string[] = [];
    const senders = createChannelSenders({}, (line) => lines.push(line));
    cleanups.push(() => senders.close());
    const { actor } = await germanCustomerWithFormalReminder(deps, 1);
    await updateChannelSettings(deps, actor, { email: { provider: "log", from: "AR <ar@test.example>" } });

    expect(await dispatchOutbox(deps, { worker: "w1", senders })).toMatchObject({ sent: 1 });
    expect(lines).toEqual([expect.stringMatching(/^email <dunwell\.action=3A.+@test\.example> to ap@kunde\.example: Zahlungserinnerung/)]);
  });
});
