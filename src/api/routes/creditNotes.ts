import { createCreditNote } from "../../app/creditNotes/createCreditNote.js";
import { CreditNoteListQuery, getCreditNote, listCreditNotes } from "../../app/creditNotes/readCreditNotes.js";
import { CreditNoteInput } from "../../app/inputs/ledgerInputs.js";
import { route } from "../route.js";
import { IdParams, pageOf } from "../schemas/common.js";
import { CreditNote } from "../schemas/ledger.js";

const tag = "credit notes";

export const creditNoteRoutes = [
  route({
    operationId: "listCreditNotes",
    method: "GET",
    url: "/api/v1/credit-notes",
    permission: "ledger:read",
    tag,
    summary: "List credit notes",
    query: CreditNoteListQuery,
    response: pageOf(CreditNote),
    handler: ({ deps, actor, query }) => listCreditNotes(deps, actor, query),
  }),
  route({
    operationId: "getCreditNote",
    method: "GET",
    url: "/api/v1/credit-notes/:id",
    permission: "ledger:read",
    tag,
    summary: "Get one credit note",
    params: IdParams,
    response: CreditNote,
    handler: ({ deps, actor, params }) => getCreditNote(deps, actor, params.id),
  }),
  route({
    operationId: "createCreditNote",
    method: "POST",
    url: "/api/v1/credit-notes",
    permission: "ledger:write",
    tag,
    summary: "Issue a credit note; one naming an invoice reduces it, the rest stays on account",
    body: CreditNoteInput,
    response: CreditNote,
    handler: ({ deps, actor, body }) => createCreditNote(deps, actor, body),
  }),
];
