import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildServer } from "../../src/api/server.js";
import { engineAvailable, useTestDatabase } from "../kit/database.js";
import { apiAs, depsAt, newApiKey, newTenant } from "../kit/factories.js";
import { readPdf } from "../unit/channels/pdfReader.js";
import { customerHandedOffToAgency, type HandedOffCustomer } from "./handoffScenario.js";


describe.skipIf(!engineAvailable())("HTTP API: the hand-off case file", () => {
  const t = useTestDatabase();
  let app: FastifyInstance;
  let scenario: HandedOffCustomer;
  let viewer: ReturnType<typeof apiAs>;
  let stranger: ReturnType<typeof apiAs>;

  beforeAll(async () => {
    scenario = await customerHandedOffToAgency(t());
    const deps = depsAt(t(), "2024-05-20");
    app = buildServer(deps, { logger: false, checkResponses: true });
    viewer = apiAs(app, await newApiKey(deps, scenario.actor, "viewer"));
    stranger = apiAs(app, await newApiKey(deps, await newTenant(deps), "admin"));
  });
  afterAll(() => app?.close());

  it("answers the case as JSON, within its declared schema, for a read-only key", async () => {
    const res = await viewer.get(`/api/v1/customers/${scenario.customer.id}/handoff`);
    expect(res.statusCode).toBe(200);
    const file = res.json();
    expect(file.asOf).toBe("2024-05-20");
    expect(file.openItems.map((i: { number: string; disputed: boolean }) => [i.number, i.disputed])).toEqual([
      ["INV-A", false],
      ["INV-B", true],
    ]);
    expect(file.totals).toEqual([{ currency: "EUR", open: "1150.00", overdue: "1150.00", disputed: "250.00", credits: "0.00", claimed: "900.00" }]);
    expect(file.handoff).toMatchObject({ date: "2024-05-15", stepId: "agency" });

    const preview = (await viewer.get(`/api/v1/customers/${scenario.customer.id}/handoff?asOf=2024-03-15`)).json();
    expect(preview).toMatchObject({ asOf: "2024-03-15", handoff: null });
    const bad = await viewer.get(`/api/v1/customers/${scenario.customer.id}/handoff?asOf=15.03.2024`);
    expect([bad.statusCode, bad.json().error.code, bad.json().error.path]).toEqual([400, "VALIDATION_FAILED", "asOf"]);
  });

  it("answers the dossier as a PDF download", async () => {
    const res = await viewer.get(`/api/v1/customers/${scenario.customer.id}/handoff.pdf?asOf=2024-05-15`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    expect(res.headers["content-disposition"]).toBe(`attachment; filename="${scenario.customer.externalId}-handoff.pdf"`);
    expect(res.rawPayload.subarray(0, 4).toString("latin1")).toBe("%PDF");
    const pages = readPdf(res.rawPayload);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(pages[0]!.text).toContain("Kunde AG");
  });

  it("shows another tenant nothing: 404 for the case and the dossier", async () => {
    for (const url of [`/api/v1/customers/${scenario.customer.id}/handoff`, `/api/v1/customers/${scenario.customer.id}/handoff.pdf`, "/api/v1/customers/not-a-uuid/handoff.pdf"]) {
      const res = await stranger.get(url);
      expect([url, res.statusCode, res.headers["content-type"], res.json().error.code]).toEqual([url, 404, "application/json; charset=utf-8", "CUSTOMER_NOT_FOUND"]);
    }
  });

  it("asks for a key on the dossier like on every other route", async () => {
    const res = await app.inject({ method: "GET", url: `/api/v1/customers/${scenario.customer.id}/handoff.pdf` });
    expect([res.statusCode, res.json().error.code]).toEqual([401, "UNAUTHENTICATED"]);
  });
});
