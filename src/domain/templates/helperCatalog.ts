import type Handlebars from "handlebars";
import type { MoneyValue } from "./context.js";
import { DATE_STYLES, formatDateFor, formatMoneyFor, PLURAL_CATEGORIES, pluralFor, type DateStyle, type PluralForms } from "./localeFormat.js";

/**
 * The helpers a template may call, with the argument rules validation enforces at save time, so a
 * saved template never meets a helper error at send time.
 */

export type ValueKind = "string" | "date" | "number" | "boolean" | "money";

export interface ValueHelper {
  /** Kinds of the positional arguments, all required. */
  readonly params: readonly ValueKind[];
  /** Allowed hash arguments: string literals, restricted to a list of values when one is given. */
  readonly hash: Readonly<Record<string, readonly string[] | "any">>;
  readonly requiredHash: readonly string[];
  readonly run: (language: string, param: unknown, hash: Readonly<Record<string, unknown>>) => string;
}

const pluralHash = Object.fromEntries(PLURAL_CATEGORIES.map((category) => [category, "any" as const]));

export const VALUE_HELPERS: Readonly<Record<string, ValueHelper>> = {
  /** {{money totals.overdue}} — the amount with its currency, in the message language; "" when absent (fee). */
  money: {
    params: ["money"],
    hash: {},
    requiredHash: [],
    run: (language, value) => (value == null ? "" : formatMoneyFor(language, value as MoneyValue)),
  },
  /** {{date dueDate}} or {{date today style="long"}}. */
  date: {
    params: ["date"],
    hash: { style: DATE_STYLES },
    requiredHash: [],
    run: (language, value, hash) => (value == null ? "" : formatDateFor(language, String(value), (hash.style as DateStyle | undefined) ?? "medium")),
  },
  /** {{plural totals.count one="# invoice" other="# invoices"}} — the language's plural rules pick the form. */
  plural: {
    params: ["number"],
    hash: pluralHash,
    requiredHash: ["other"],
    run: (language, value, hash) => pluralFor(language, Number(value), hash as PluralForms),
  },
};

/** Handlebars' own block helpers that templates may use; `lookup` and `log` stay out (dynamic paths, console). */
export const BLOCK_HELPERS = ["if", "unless", "each", "with"] as const;
export type BlockHelper = (typeof BLOCK_HELPERS)[number];

export const isValueHelper = (name: string): boolean => Object.hasOwn(VALUE_HELPERS, name);
export const isBlockHelper = (name: string): name is BlockHelper => (BLOCK_HELPERS as readonly string[]).includes(name);

/** Installs the value helpers in an isolated Handlebars environment; they read the language from the root context. */
export function registerValueHelpers(env: typeof Handlebars): void {
  for (const [name, helper] of Object.entries(VALUE_HELPERS)) {
    env.registerHelper(name, (param: unknown, options: Handlebars.HelperOptions) => {
      const root = (options.data as { root: { language: string } }).root;
      return helper.run(root.language, param, options.hash as Record<string, unknown>);
    });
  }
}
