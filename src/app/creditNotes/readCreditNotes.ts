import { z } from "zod";
import { fail } from "../../domain/errors.js";
import * as creditNotes from "../../store/creditNotes.js";
import { decodeCursor, type Page } from "../../store/pagination.js";
import type { Actor, AppDeps } from "../deps.js";
import { isUuid, zPageQuery } from "../inputs/fields.js";
import { parseInput } from "../inputs/validate.js";
import { creditNoteView, type CreditNoteView } from "../views/ledgerViews.js";

export const CreditNoteListQuery = zPageQuery.extend({ customerId: z.uuid().optional() });

export async function getCreditNote(deps: AppDeps, actor: Actor, creditNoteId: string): Promise<CreditNoteView> {
  const row = isUuid(creditNoteId) ? await creditNotes.findCreditNote(deps.db, actor.tenantId, creditNoteId) : undefined;
  return row ? creditNoteView(row) : fail("CREDIT_NOTE_NOT_FOUND", `no credit note ${creditNoteId}`);
}

export async function listCreditNotes(deps: AppDeps, actor: Actor, query: unknown): Promise<Page<CreditNoteView>> {
  const q = parseInput(CreditNoteListQuery, query, "query");
  const page = await creditNotes.listCreditNotes(deps.db, { tenantId: actor.tenantId, limit: q.limit, after: decodeCursor(q.cursor, 1), customerId: q.customerId });
  return { items: page.items.map(creditNoteView), nextCursor: page.nextCursor };
}
