import { describe, expect, it } from "vitest";
import { useApiServer } from "../kit/apiServer.js";
import { engineAvailable } from "../kit/database.js";
import { apiAs, newApiKey } from "../kit/factories.js";

describe.skipIf(!engineAvailable())("HTTP API: channel settings, templates, print batches", () => {
  const s = useApiServer("admin");

  it("keeps channel settings with secrets masked, for admins only", async () => {
    const changed = await s.api.patch("/api/v1/settings/channels", { email: { host: "smtp.example", port: 587, user: "ar", password: "s3cret", from: "AR <ar@acme.example>" }, letterPaper: "LETTER" });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ email: { host: "smtp.example", password: "********" }, letterPaper: "LETTER" });
    expect(JSON.stringify((await s.api.get("/api/v1/settings/channels")).json())).not.toContain("s3cret");
    const viewer = apiAs(s.app, await newApiKey(s.deps, s.actor, "viewer"));
    expect((await viewer.get("/api/v1/settings/channels")).statusCode).toBe(403);
  });

  it("rejects a template with an unknown variable when it is saved, and previews a saved one", async () => {
    const bad = await s.api.put("/api/v1/templates", { key: "reminder.overdue", language: "fr", channel: "email", subject: "Rappel", text: "Bonjour {{customer.nom}}" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe("TEMPLATE_UNKNOWN_VARIABLE");
    const saved = await s.api.put("/api/v1/templates", { key: "reminder.overdue", language: "fr", channel: "email", subject: "Rappel {{customer.name}}", text: "Bonjour {{customer.name}}, {{money totals.overdue}} restent dus." });
    expect(saved.statusCode).toBe(200);
    const preview = await s.api.post("/api/v1/templates/preview", { key: "reminder.overdue", language: "fr", channel: "email" });
    expect(preview.statusCode).toBe(200);
    expect(preview.json().rendered.text).toMatch(/^Bonjour .+ restent dus\.$/);
    const listed = (await s.api.get("/api/v1/templates")).json().items as { key: string; language: string; source: string; overridden?: boolean }[];
    expect(listed.find((t) => t.key === "reminder.overdue" && t.language === "fr" && t.source === "tenant")).toBeDefined();
    expect((await s.api.post("/api/v1/templates/delete", { key: "reminder.overdue", language: "fr", channel: "email" })).statusCode).toBe(204);
  });

  it("answers 404 for a day without letters to print", async () => {
    const response = await s.api.get("/api/v1/print-batches/2024-06-28");
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe("PRINT_BATCH_NOT_FOUND");
  });
});
