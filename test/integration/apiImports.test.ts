import { describe, expect, it } from "vitest";
import { engineAvailable} from "../kit/database.js";
import { useApiServer } from "../kit/apiServer.js";
import { apiAs, newApiKey, newTenant } from "../kit/factories.js";

describe.skipIf(!engineAvailable())("HTTP API: POST /api/v1/imports", () => {
  const server = useApiServer("collector");

  const customersCsv = ["external_id,legal_name,currency", "IMP-1,Import One,EUR", "IMP-2,Import Two,EUR"].join("\n");

  it("imports a CSV file sent as the body and reports what changed", async () => {
    const res = await server.api.post("/api/v1/imports?kind=customers", customersCsv, { "content-type": "text/csv" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ kind: "customers", rows: 2, inserted: 2, rejected: 0, errors: [] });
    expect((await server.api.get("/api/v1/customers?search=IMP-1")).json().items).toMatchObject([{ legalName: "Import One" }]);
    const again = await server.api.post("/api/v1/imports?kind=customers", customersCsv, { "content-type": "text/csv" });
    expect(again.json()).toMatchObject({ inserted: 0, unchanged: 2 });
  });

  it("reads a JSON file without parsing it as the request's own JSON", async () => {
    const invoices = [{ number: "IMP-INV-1", customerExternalId: "IMP-1", issueDate: "2024-06-01", dueDate: "2024-07-01", currency: "EUR", amount: "120.00" }];
    const res = await server.api.post("/api/v1/imports?kind=invoices", JSON.stringify(invoices), { "content-type": "application/json" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ kind: "invoices", inserted: 1 });
  });

  it("rejects a file with bad rows as a whole: 422 with every row error", async () => {
    const csv = ["external_id,legal_name,currency", "IMP-3,Good,EUR", "IMP-4,Bad,XXX", ",Nameless,EUR"].join("\n");
    const res = await server.api.post("/api/v1/imports?kind=customers", csv, { "content-type": "text/csv" });
    expect(res.statusCode).toBe(422);
    const { error } = res.json();
    expect(error.code).toBe("IMPORT_REJECTED");
    expect(error.details.errors.map((e: { line: number }) => e.line)).toEqual([3, 4]);
    expect((await server.api.get("/api/v1/customers?search=IMP-3")).json().items).toEqual([]);

    const skipped = await server.api.post("/api/v1/imports?kind=customers&skipInvalid=true&fileName=customers.csv", csv, { "content-type": "text/csv" });
    expect(skipped.statusCode).toBe(200);
    expect(skipped.json()).toMatchObject({ inserted: 1, rejected: 2 });
    expect(skipped.json().rejects).toContain("IMP-4");
  });

  it("honours the delimiter and decimal-comma options", async () => {
    const csv = ["external_id;legal_name;currency;credit_limit", "IMP-5;Komma GmbH;EUR;1.234,50"].join("\n");
    const res = await server.api.post("/api/v1/imports?kind=customers&delimiter=%3B&decimalComma=true", csv, { "content-type": "application/octet-stream" });
    expect(res.statusCode).toBe(200);
    expect((await server.api.get("/api/v1/customers?search=IMP-5")).json().items[0].creditLimit).toEqual({ amount: "1234.50", currency: "EUR" });
  });

  it("refuses a missing kind, an unknown media type and an empty body", async () => {
    const noKind = await server.api.post("/api/v1/imports", customersCsv, { "content-type": "text/csv" });
    expect([noKind.statusCode, noKind.json().error.path]).toEqual([400, "kind"]);
    const xml = await server.api.post("/api/v1/imports?kind=customers", "<x/>", { "content-type": "application/xml" });
    expect([xml.statusCode, xml.json().error.code]).toEqual([415, "UNSUPPORTED_MEDIA_TYPE"]);
    const empty = await server.api.post("/api/v1/imports?kind=customers", "", { "content-type": "text/csv" });
    expect([empty.statusCode, empty.json().error.code]).toEqual([422, "IMPORT_REJECTED"]);
  });

  it("replays an import retried with the same Idempotency-Key", async () => {
    const csv = ["external_id,legal_name,currency", "IMP-6,Six,EUR"].join("\n");
    const first = await server.api.post("/api/v1/imports?kind=customers", csv, { "content-type": "text/csv", "idempotency-key": "import-6" });
    const repeat = await server.api.post("/api/v1/imports?kind=customers", csv, { "content-type": "text/csv", "idempotency-key": "import-6" });
    expect(repeat.headers["idempotent-replayed"]).toBe("true");
    expect(repeat.json()).toEqual(first.json());
    const otherFile = await server.api.post("/api/v1/imports?kind=customers", `${csv}\nIMP-7,Seven,EUR`, { "content-type": "text/csv", "idempotency-key": "import-6" });
    expect(otherFile.json().error.code).toBe("IDEMPOTENCY_KEY_REUSED");
  });

  it("needs the ledger:write permission", async () => {
    const analyst = apiAs(server.app, await newApiKey(server.deps, await newTenant(server.deps), "analyst"));
    expect((await analyst.post("/api/v1/imports?kind=customers", customersCsv, { "content-type": "text/csv" })).statusCode).toBe(403);
  });
});
