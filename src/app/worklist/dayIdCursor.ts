import { fail } from "../../domain/errors.js";
import { decodeCursor } from "../../store/pagination.js";
import { isUuid, zIsoDate } from "../inputs/fields.js";

/** A [day, id] keyset cursor, checked before SQL casts it, so a forged one is INVALID_CURSOR, not a database error. */
export function decodeDayIdCursor(cursor: string | undefined): string[] | undefined {
  const after = decodeCursor(cursor, 2);
  if (after && !(zIsoDate.safeParse(after[0]).success && isUuid(after[1]!))) fail("INVALID_CURSOR", "the cursor is not one this API issued", { path: "cursor" });
  return after;
}
