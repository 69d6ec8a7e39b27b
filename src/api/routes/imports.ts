import { z } from "zod";
import { importFile } from "../../app/imports/importFile.js";
import { parseInput } from "../../app/inputs/validate.js";
import { route } from "../route.js";

// importFile takes typed options, so this adapter validates the query itself.
const ImportQuery = z.object({
  kind: z.enum(["customers", "invoices", "payments"]),
  format: z.enum(["csv", "json"]).optional().meta({ description: "default: from Content-Type (text/csv, application/json), else sniffed from the content" }),
  skipInvalid: z.stringbool().optional().meta({ description: "import the valid rows and report the others, instead of rejecting the whole file" }),
  decimalComma: z.stringbool().optional().meta({ description: 'amounts written "1.234,56"' }),
  delimiter: z.enum([",", ";", "tab"]).optional().meta({ description: "CSV delimiter; default: sniffed from the header line" }),
  fileName: z.string().max(255).optional().meta({ description: "recorded in the import log and audit trail" }),
});

const RowError = z
  .strictObject({
    line: z.number().int().meta({ description: "line of the file where the row starts; the CSV header is line 1" }),
    column: z.string().nullable().meta({ description: "column as written in the header, or JSON path; null for the whole row" }),
    code: z.string(),
    message: z.string(),
  })
  .meta({ id: "ImportRowError" });

const ImportReport = z
  .strictObject({
    kind: z.enum(["customers", "invoices", "payments"]),
    rows: z.number().int(),
    inserted: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    rejected: z.number().int(),
    errors: z.array(RowError),
    rejects: z.string().nullable().meta({ description: "with skipInvalid: CSV of the rejected rows with an added error column" }),
    durationMs: z.number(),
  })
  .meta({ id: "ImportReport" });

const FORMAT_BY_MEDIA_TYPE: Record<string, "csv" | "json"> = { "text/csv": "csv", "application/json": "json" };

export const importRoutes = [
  route({
    operationId: "importFile",
    method: "POST",
    url: "/api/v1/imports",
    permission: "ledger:write",
    tag: "imports",
    summary: "Import customers, invoices or payments from a CSV or JSON file sent as the body",
    description:
      "All or nothing: one bad row rejects the file with 422 IMPORT_REJECTED and `error.details.errors` listing every bad row, unless skipInvalid=true. Rows are upserted by natural key, so re-sending a file changes nothing.",
    query: ImportQuery,
    body: "file",
    status: 200,
    response: ImportReport,
    handler: ({ deps, actor, query, body, headers }) => {
      const q = parseInput(ImportQuery, query, "query");
      const mediaType = headers["content-type"]?.split(";")[0]?.trim().toLowerCase() ?? "";
      const format = q.format ?? FORMAT_BY_MEDIA_TYPE[mediaType];
      // An empty body reaches the importer as an empty file, which it rejects with a row-level reason.
      const content = Buffer.isBuffer(body) ? body : Buffer.alloc(0);
      return importFile(deps, actor, q.kind, content, {
        ...(format ? { format } : {}),
        ...(q.skipInvalid !== undefined ? { skipInvalid: q.skipInvalid } : {}),
        ...(q.decimalComma !== undefined ? { decimalComma: q.decimalComma } : {}),
        ...(q.delimiter ? { delimiter: q.delimiter === "tab" ? "\t" : q.delimiter } : {}),
        ...(q.fileName ? { fileName: q.fileName } : {}),
      });
    },
  }),
];
