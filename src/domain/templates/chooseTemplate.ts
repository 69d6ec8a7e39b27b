import type { MessageTemplate, TemplateChannel } from "./messageTemplate.js";

const LAST_RESORT = "en";

/**
 * The template for `key` in the first of `languages` that has one — pass contact, customer and
 * tenant language in that order (missing ones as null); English is always tried last. A regional
 * tag tries itself, then its base language ("de-AT", then "de"). Within a language the first
 * matching template of `catalog` wins, so tenant templates listed before the built-ins override
 * them. `channel` tells apart keys that exist for several channels (notice.final: email and letter).
 */
export function chooseTemplate(
  catalog: readonly MessageTemplate[],
  key: string,
  languages: readonly (string | null | undefined)[],
  channel?: TemplateChannel,
): MessageTemplate | undefined {
  const candidates = catalog.filter((t) => t.key === key && (channel === undefined || t.channel === channel));
  if (candidates.length === 0) return undefined;
  for (const language of preferenceOrder(languages)) {
    const found = candidates.find((t) => t.language.toLowerCase() === language);
    if (found) return found;
  }
  return undefined;
}

/** Lower-cased tags to try, most specific first, without repeats: ["de-at", "de", "fr", "en"]. */
export function preferenceOrder(languages: readonly (string | null | undefined)[]): string[] {
  const order: string[] = [];
  for (const tag of [...languages, LAST_RESORT]) {
    const normalized = tag?.trim().toLowerCase().replaceAll("_", "-");
    if (!normalized) continue;
    const subtags = normalized.split("-");
    // "zh-hant-tw" tries "zh-hant-tw", "zh-hant", "zh"
    for (let n = subtags.length; n >= 1; n--) {
      const candidate = subtags.slice(0, n).join("-");
      if (!order.includes(candidate)) order.push(candidate);
    }
  }
  return order;
}
