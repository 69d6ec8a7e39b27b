import { z } from "zod";

/**
 * Shapes shared by the response schemas. Response schemas are strict so that the response check in
 * tests (RouteServices.checkResponses) fails when a view grows a field the OpenAPI document lacks.
 */
export const zDate = z.string().meta({ format: "date", example: "2024-03-01" });
export const zAmount = z.string().meta({ description: "decimal string in the currency's minor-unit precision", example: "1250.00" });
export const zCurrencyCode = z.string().meta({ description: "ISO 4217 code", example: "EUR" });
export const Money = z.strictObject({ amount: zAmount, currency: zCurrencyCode }).meta({ id: "Money" });

/**
 * Ids in paths are plain strings to the router: the use case answers "not found" for a malformed id,
 * exactly as for an id of another tenant, so a probe learns nothing from the difference.
 */
export const zId = z.string().max(100).meta({ format: "uuid" });
export const IdParams = z.object({ id: zId });

/** Every list answer: one page and the cursor of the next (null on the last page). */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.strictObject({
    items: z.array(item),
    nextCursor: z.string().nullable().meta({ description: "pass as ?cursor= to get the next page; null on the last page" }),
  });
