import type { ErrorCode } from "../errors.js";
import { MESSAGE_CONTEXT_SCHEMA, type Field } from "./context.js";
import { lastParsePosition, templateEnvironment } from "./environment.js";
import { isBlockHelper, isValueHelper, VALUE_HELPERS, type ValueKind } from "./helperCatalog.js";
import type { TemplatePart } from "./messageTemplate.js";

/**
 * Checks one Handlebars source against the message context, statically: every path must exist in
 * the schema where it is used, every helper must be ours and get arguments of the right kind. What
 * passes here cannot fail on a missing variable or helper when it is sent.
 */

export interface SourceProblem {
  code: ErrorCode;
  message: string;
  line: number;
  column: number;
}

type Node = hbs.AST.Node;

interface Scope {
  /** Context frames, innermost first: `../` steps one frame out. Only #each and #with push frames. */
  frames: readonly Field[];
  /** @index, @first, @last exist inside #each (and blocks nested in it). */
  inEach: boolean;
}

const PRINTABLE: ReadonlySet<Field["kind"]> = new Set(["string", "date", "number", "boolean"]);
const EACH_DATA: Readonly<Record<string, Field>> = { index: { kind: "number" }, first: { kind: "boolean" }, last: { kind: "boolean" } };

export function checkTemplateSource(source: string, part: TemplatePart): SourceProblem[] {
  let program: hbs.AST.Program;
  try {
    program = templateEnvironment.parse(source);
  } catch (error) {
    return [syntaxProblem(error)];
  }
  const problems: SourceProblem[] = [];
  const report = (code: ErrorCode, node: Node, message: string) =>
    problems.push({ code, message, line: node.loc.start.line, column: node.loc.start.column + 1 });

  function resolve(path: hbs.AST.PathExpression, scope: Scope): Field | undefined {
    const found = lookup(path, scope);
    if (found) return found;
    const outer = scope.frames.length - 1;
    // the classic slip: a message field used inside {{#each items}} without ../
    const hint = !path.data && path.depth === 0 && outer > 0 && walk(MESSAGE_CONTEXT_SCHEMA, path.parts) ? `; inside a block, write ${"../".repeat(outer)}${path.original}` : "";
    report("TEMPLATE_UNKNOWN_VARIABLE", path, `unknown variable "${path.original}"${hint}`);
    return undefined;
  }

  function lookup(path: hbs.AST.PathExpression, scope: Scope): Field | undefined {
    const [head, ...rest] = path.parts;
    if (path.data) {
      if (path.depth > 0 || head === undefined) return undefined;
      if (head === "root") return walk(MESSAGE_CONTEXT_SCHEMA, rest);
      return rest.length === 0 && scope.inEach && Object.hasOwn(EACH_DATA, head) ? EACH_DATA[head] : undefined;
    }
    const frame = scope.frames[path.depth];
    return frame && walk(frame, path.parts);
  }

  /** The kind an argument evaluates to, or undefined after reporting why it has none. */
  function kindOf(expr: hbs.AST.Expression, scope: Scope): Field | undefined {
    switch (expr.type) {
      case "PathExpression":
        return resolve(expr as hbs.AST.PathExpression, scope);
      case "SubExpression": {
        const sub = expr as hbs.AST.SubExpression;
        return helperCall(sub, sub.path, scope) ? { kind: "string" } : undefined;
      }
      case "StringLiteral":
        return { kind: "string" };
      case "NumberLiteral":
        return { kind: "number" };
      case "BooleanLiteral":
        return { kind: "boolean" };
      default:
        return { kind: "string", optional: true }; // undefined / null literals
    }
  }

  /** A value helper call: {{money x}} or (money x). Returns whether it is valid. */
  function helperCall(node: Node & { params: hbs.AST.Expression[]; hash?: hbs.AST.Hash }, path: hbs.AST.PathExpression, scope: Scope): boolean {
    const name = path.original;
    if (!isValueHelper(name)) {
      if (isBlockHelper(name)) report("TEMPLATE_NOT_ALLOWED", node, `"${name}" works only as a block: {{#${name} …}}…{{/${name}}}`);
      else report("TEMPLATE_UNKNOWN_HELPER", node, `unknown helper "${name}"; available: ${Object.keys(VALUE_HELPERS).join(", ")}`);
      return false;
    }
    const helper = VALUE_HELPERS[name]!;
    const problemsBefore = problems.length;
    if (node.params.length !== helper.params.length) {
      report("TEMPLATE_BAD_ARGUMENT", node, `"${name}" takes ${helper.params.length} argument(s), got ${node.params.length}`);
    }
    node.params.slice(0, helper.params.length).forEach((param, i) => expectKind(param, helper.params[i]!, name, scope));
    const given = new Map((node.hash?.pairs ?? []).map((pair) => [pair.key, pair]));
    for (const [key, pair] of given) {
      const allowed = helper.hash[key];
      const value = pair.value.type === "StringLiteral" ? (pair.value as hbs.AST.StringLiteral).value : undefined;
      if (!allowed) report("TEMPLATE_BAD_ARGUMENT", pair, `"${name}" has no option "${key}"`);
      else if (value === undefined) report("TEMPLATE_BAD_ARGUMENT", pair, `"${name}" option "${key}" must be a quoted text`);
      else if (allowed !== "any" && !allowed.includes(value)) report("TEMPLATE_BAD_ARGUMENT", pair, `"${name}" option ${key}="${value}" must be one of ${allowed.join(", ")}`);
    }
    for (const key of helper.requiredHash) {
      if (!given.has(key)) report("TEMPLATE_BAD_ARGUMENT", node, `"${name}" needs the option ${key}="…"`);
    }
    return problems.length === problemsBefore;
  }

  function expectKind(expr: hbs.AST.Expression, kind: ValueKind, helper: string, scope: Scope): void {
    const found = kindOf(expr, scope);
    if (found && found.kind !== kind) report("TEMPLATE_BAD_ARGUMENT", expr, `"${helper}" needs a ${kind} value; ${describe(expr)} is ${found.kind}`);
  }

  function mustache(node: hbs.AST.MustacheStatement, scope: Scope): void {
    if (node.path.type !== "PathExpression") return void report("TEMPLATE_NOT_ALLOWED", node, "a literal cannot be output as an expression; write it as text");
    if (part === "html" && !node.escaped) report("TEMPLATE_NOT_ALLOWED", node, "{{{…}}} and {{& …}} would insert unescaped HTML; use {{…}}");
    const path = node.path as hbs.AST.PathExpression;
    const simple = isSimpleId(path);
    if (node.params.length > 0 || node.hash || (simple && (isValueHelper(path.original) || isBlockHelper(path.original)))) {
      helperCall(node, path, scope);
      return;
    }
    const field = resolve(path, scope);
    if (field && !PRINTABLE.has(field.kind)) {
      const hint = field.kind === "money" ? `; write {{money ${path.original}}}` : field.kind === "list" ? "; loop over it with {{#each}}" : "; print one of its fields";
      report("TEMPLATE_NOT_PRINTABLE", node, `"${path.original}" is a ${field.kind} value and cannot be printed as it is${hint}`);
    }
  }

  function block(node: hbs.AST.BlockStatement, scope: Scope): void {
    const name = node.path.original;
    if (!isSimpleId(node.path) || !isBlockHelper(name)) {
      if (isValueHelper(name)) report("TEMPLATE_NOT_ALLOWED", node, `"${name}" is not a block; write {{${name} …}}`);
      else report("TEMPLATE_UNKNOWN_HELPER", node, `unknown block "#${name}"; blocks are #if, #unless, #each and #with`);
      return;
    }
    if (node.program.blockParams?.length) report("TEMPLATE_NOT_ALLOWED", node, `block parameters (as |…|) are not supported; inside {{#${name}}} use the fields directly`);
    if (node.params.length !== 1) report("TEMPLATE_BAD_ARGUMENT", node, `#${name} takes exactly one argument, got ${node.params.length}`);
    for (const pair of node.hash?.pairs ?? []) {
      const allowed = (name === "if" || name === "unless") && pair.key === "includeZero" && pair.value.type === "BooleanLiteral";
      if (!allowed) report("TEMPLATE_BAD_ARGUMENT", pair, `#${name} has no option "${pair.key}"`);
    }
    const param = node.params[0];
    const field = param && kindOf(param, scope);
    let inner = scope;
    if (name === "each" && field) {
      if (field.kind === "list") inner = { frames: [field.of, ...scope.frames], inEach: true };
      else report("TEMPLATE_BAD_ARGUMENT", node, `#each needs a list; ${describe(param)} is ${field.kind}`);
    } else if (name === "with" && field) {
      if (field.kind === "object" || field.kind === "money") inner = { frames: [field, ...scope.frames], inEach: scope.inEach };
      else report("TEMPLATE_BAD_ARGUMENT", node, `#with needs an object; ${describe(param)} is ${field.kind}`);
    }
    visit(node.program, inner);
    if (node.inverse) visit(node.inverse, scope); // {{else}} runs in the enclosing context
  }

  function visit(program: hbs.AST.Program, scope: Scope): void {
    for (const statement of program.body) {
      switch (statement.type) {
        case "ContentStatement":
        case "CommentStatement":
          break;
        case "MustacheStatement":
          mustache(statement as hbs.AST.MustacheStatement, scope);
          break;
        case "BlockStatement":
          block(statement as hbs.AST.BlockStatement, scope);
          break;
        case "PartialStatement":
        case "PartialBlockStatement":
          report("TEMPLATE_NOT_ALLOWED", statement, "partials ({{> …}}) are not allowed; templates are self-contained");
          break;
        default:
          report("TEMPLATE_NOT_ALLOWED", statement, `${statement.type} is not allowed in templates`);
      }
    }
  }

  visit(program, { frames: [MESSAGE_CONTEXT_SCHEMA], inEach: false });
  return problems;
}

function walk(field: Field, parts: readonly string[]): Field | undefined {
  let current: Field | undefined = field;
  for (const part of parts) {
    if (current?.kind === "object" && Object.hasOwn(current.fields, part)) current = current.fields[part];
    else if (current?.kind === "money" && (part === "amount" || part === "currency")) current = { kind: "string" };
    else return undefined;
  }
  return current;
}

/** As Handlebars decides whether `{{name}}` may be a helper call: one plain segment, no `this`, `./` or `../`. */
const isSimpleId = (path: hbs.AST.PathExpression): boolean =>
  !path.data && path.depth === 0 && path.parts.length === 1 && !/^\.|this\b/.test(path.original);

const describe = (expr: hbs.AST.Expression): string =>
  expr.type === "PathExpression" ? `"${(expr as hbs.AST.PathExpression).original}"` : `the ${expr.type.replace(/(Literal|Expression)$/, "").toLowerCase()} given`;

function syntaxProblem(error: unknown): SourceProblem {
  const text = error instanceof Error ? error.message : String(error);
  const located = error as { lineNumber?: number; column?: number };
  // grammar errors: "Parse error on line 2:\n<excerpt>\n---^\nExpecting …, got …"; semantic ones end in " - line:column"
  const position = located.lineNumber !== undefined ? { line: located.lineNumber, column: (located.column ?? 0) + 1 } : lastParsePosition();
  const lines = text.split("\n");
  const reason = text.startsWith("Parse error") ? lines[lines.length - 1]! : lines[0]!.replace(/ - \d+:\d+$/, "");
  return { code: "TEMPLATE_SYNTAX", message: `syntax error: ${reason}`, ...position };
}
