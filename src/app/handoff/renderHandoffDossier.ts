import { renderDossierPdf } from "../../channels/documents/dossierPdf.js";
import type { Paper } from "../../channels/pdf/paperLayouts.js";
import { loadTenantChannels } from "../settings/tenantChannels.js";
import type { Actor, AppDeps } from "../deps.js";
import type { HandoffCase } from "./caseFile.js";
import { dossierContent } from "./dossierContent.js";
import { handoffCase, type CustomerRef } from "./handoffCase.js";

/** The case file as a PDF dossier: cover, open items, money received, pauses, chase history, every message in full, contacts. */
export const renderHandoffDossier = (c: HandoffCase, options: { paper: Paper }): Promise<Buffer> => renderDossierPdf(dossierContent(c), options);

/** The case file and its dossier on the tenant's letter paper: what an export hands over. */
export async function handoffDossier(deps: AppDeps, actor: Actor, ref: CustomerRef, options: unknown = {}): Promise<{ case: HandoffCase; pdf: Buffer }> {
  const file = await handoffCase(deps, actor, ref, options);
  const { settings } = await loadTenantChannels(deps.db, actor.tenantId);
  return { case: file, pdf: await renderHandoffDossier(file, { paper: settings.letterPaper }) };
}

/** "<external id>-handoff", the name of the exported files. External ids come from ERPs ("K/1001", "ACME 7"): only safe characters reach a file name. */
export const handoffFileStem = (externalId: string): string => `${externalId.replace(/[^A-Za-z0-9._-]/g, "_")}-handoff`;
