import type { MessageTemplate } from "../messageTemplate.js";
import { de } from "./de.js";
import { en } from "./en.js";
import { es } from "./es.js";
import { fr } from "./fr.js";
import { languageTemplates } from "./layout.js";
import { nl } from "./nl.js";

const PACKS = [en, de, fr, es, nl];

/** Languages Dunwell ships templates for; tenants add others by saving their own. */
export const BUILTIN_LANGUAGES: readonly string[] = PACKS.map((pack) => pack.language);

/**
 * Every shipped template. Tenant templates go before these in the catalog passed to
 * chooseTemplate, so a tenant's own wording wins. Frozen: render caches compiled templates by object.
 */
export const builtinCatalog: readonly MessageTemplate[] = Object.freeze(PACKS.flatMap(languageTemplates).map((t) => Object.freeze(t)));
