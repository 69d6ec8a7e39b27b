import Handlebars from "handlebars";
import { registerValueHelpers, VALUE_HELPERS } from "./helperCatalog.js";
import type { TemplatePart } from "./messageTemplate.js";

/**
 * The one Handlebars environment templates compile in: isolated from the global instance (nobody
 * else's helpers or partials leak in) and holding only our value helpers.
 */
export const templateEnvironment = Handlebars.create();
registerValueHelpers(templateEnvironment);

type CompileOptions = NonNullable<Parameters<typeof Handlebars.compile>[1]>;

const knownHelpers = Object.fromEntries(Object.keys(VALUE_HELPERS).map((name) => [name, true]));

/**
 * HTML bodies escape variables; subjects, text, SMS and letters must not (a customer "O'Neil & Co"
 * would arrive as "O&#x27;Neil &amp; Co"). `knownHelpersOnly` makes the compiler refuse any helper
 * validation would have refused, and lets it compile plain lookups without helper checks.
 * Not `strict`: optional variables (fee, tenant.bankAccount) are legitimately absent.
 */
export const compileOptions = (part: TemplatePart): CompileOptions => ({
  noEscape: part !== "html",
  knownHelpers,
  knownHelpersOnly: true,
  strict: false,
  data: true,
});

interface JisonLocation {
  first_line: number;
  first_column: number;
}

/**
 * Where the parser stopped after a syntax error. Handlebars' grammar errors carry the position only
 * in their text, so it is read from the shared lexer, whose state the failed (synchronous) parse left.
 */
export function lastParsePosition(): { line: number; column: number } {
  const lexer = (templateEnvironment as unknown as { Parser?: { lexer?: { yylloc?: JisonLocation } } }).Parser?.lexer;
  const loc = lexer?.yylloc;
  return loc ? { line: loc.first_line, column: loc.first_column + 1 } : { line: 1, column: 1 };
}
