import { readFile } from "node:fs/promises";
import type { Command } from "commander";
import { getCustomerByRef } from "../../app/customers/readCustomers.js";
import type { PolicyInput } from "../../app/inputs/policyInputs.js";
import { payoffQuote } from "../../app/quotes/payoffQuote.js";
import type { PayoffQuote, QuoteItemView } from "../../app/quotes/quoteView.js";
import { importRateTable, resetRateTable } from "../../app/rates/importRateTable.js";
import { getRateTable, listRateTables, type RateTableSummary } from "../../app/rates/listRateTables.js";
import { fail } from "../../domain/errors.js";
import { withContext, type CliEnvironment } from "../context.js";
import { formatTable, toJson } from "../io.js";

const right = "right" as const;
const itemName = (i: QuoteItemView) => (i.installment ? `${i.number}/${i.installment}` : i.number);

/** "statutory DE, act/365" / "1.5 % a month, act/360, 10 grace days, from 2024-01-01". */
function interestText(interest: NonNullable<PolicyInput["interest"]>): string {
  const rule = interest.statutory ? `statutory ${interest.statutory}` : interest.monthlyPercent ? `${interest.monthlyPercent} % a month` : `${interest.annualPercent} % a year`;
  const extras = [
    interest.dayCount,
    interest.graceDays ? `${interest.graceDays} grace days` : undefined,
    interest.capAnnualPercent ? `capped at ${interest.capAnnualPercent} %` : undefined,
    interest.stopAfterDays ? `stops after ${interest.stopAfterDays} days` : undefined,
    interest.stopAfterHandoff ? "stops at hand-off" : undefined,
    interest.from ? `from ${interest.from}` : undefined,
  ];
  return [rule, ...extras.filter(Boolean)].join(", ");
}

/** The quote as a person reads it: the items, each item's interest period by period, the totals. */
export function renderQuote(q: PayoffQuote): string {
  const header = [
    `Payoff quote for ${q.customer.legalName} (${q.customer.externalId}) as of ${q.asOf}`,
    `policy ${q.policy.key} v${q.policy.version}; interest: ${q.interest ? interestText(q.interest) : "none"}; compensation: ${q.compensation ? "yes" : "no"}`,
  ];
  if (q.items.length === 0) return [...header, "", "Nothing is owed."].join("\n");
  const items = formatTable(q.items, [
    { header: "item", value: itemName },
    { header: "due", value: (i) => i.dueDate },
    { header: "days late", value: (i) => (i.daysOverdue > 0 ? i.daysOverdue : ""), align: right },
    { header: "paid", value: (i) => i.settledOn },
    { header: "cur", value: (i) => i.currency },
    { header: "principal", value: (i) => i.principal, align: right },
    { header: "fees", value: (i) => i.fees, align: right },
    { header: "interest", value: (i) => i.interest, align: right },
    { header: "posted int.", value: (i) => i.postedInterest, align: right },
    { header: "compensation", value: (i) => i.compensation, align: right },
    { header: "total", value: (i) => i.total, align: right },
  ]);
  const breakdowns = q.items
    .filter((i) => i.breakdown.length > 0)
    .map((i) => {
      const periods = formatTable(i.breakdown, [
        { header: "from", value: (p) => p.from },
        { header: "to", value: (p) => p.to },
        { header: "days", value: (p) => p.days, align: right },
        { header: "principal", value: (p) => p.principal, align: right },
        { header: "rate %", value: (p) => p.rate, align: right },
        { header: "amount", value: (p) => p.amount, align: right },
        { header: "basis", value: (p) => p.basis },
      ]);
      return `${itemName(i)}: ${i.interestAccrued} ${i.currency} accrued\n${indent(periods)}`;
    });
  const totals = formatTable(q.totals, [
    { header: "cur", value: (t) => t.currency },
    { header: "principal", value: (t) => t.principal, align: right },
    { header: "fees", value: (t) => t.fees, align: right },
    { header: "interest", value: (t) => t.interest, align: right },
    { header: "compensation", value: (t) => t.compensation, align: right },
    { header: "total", value: (t) => t.total, align: right },
    { header: "credits", value: (t) => t.credits, align: right },
    { header: "payoff", value: (t) => t.payoff, align: right },
  ]);
  return [...header, "", items, ...(breakdowns.length ? ["", "Interest breakdown", ...breakdowns] : []), "", totals].join("\n");
}

const indent = (text: string): string => text.replace(/^/gm, "  ");

function renderRateTables(tables: readonly RateTableSummary[]): string {
  return formatTable(tables, [
    { header: "table", value: (t) => t.name },
    { header: "cadence", value: (t) => t.cadence },
    { header: "source", value: (t) => t.source },
    { header: "rows", value: (t) => t.rows, align: right },
    { header: "last from", value: (t) => t.last.from },
    { header: "last rate %", value: (t) => t.last.rate, align: right },
    { header: "covered until", value: (t) => t.coveredUntil ?? "until changed" },
  ]);
}

export function registerQuoteCommands(program: Command, env: CliEnvironment): void {
  program
    .command("quote <customer>")
    .description("payoff quote of a customer (external id or id): principal, fees, interest with its breakdown, compensation")
    .option("--as-of <date>", "YYYY-MM-DD, default today")
    .action((ref: string, opts: { asOf?: string }, cmd: Command) =>
      withContext(cmd, env, async (ctx) => {
        const { actor } = await ctx.tenant();
        const customer = await getCustomerByRef(ctx.deps, actor, ref);
        const quote = await payoffQuote(ctx.deps, actor, { customerId: customer.id }, { asOf: opts.asOf });
        ctx.io.out(ctx.json ? toJson(quote) : renderQuote(quote));
      }),
    );

  const rates = program.command("rates").description("reference-rate tables for statutory interest (base rates, ECB, Bank of England)");
  rates
    .command("list")
    .description("the tables in use, where each comes from and how far it reaches; with --table, one table's rates")
    .option("--table <name>", "e.g. de-basiszinssatz")
    .action((opts: { table?: string }, cmd: Command) =>
      withContext(cmd, env, async (ctx) => {
        const { actor } = await ctx.tenant();
        if (!opts.table) {
          const tables = await listRateTables(ctx.deps, actor);
          return ctx.io.out(ctx.json ? toJson(tables) : renderRateTables(tables));
        }
        const table = await getRateTable(ctx.deps, actor, opts.table);
        if (ctx.json) return ctx.io.out(toJson(table));
        ctx.io.out(`${renderRateTables([table])}\n\n${formatTable(table.rates, [{ header: "from", value: (r) => r.from }, { header: "rate %", value: (r) => r.rate, align: right }, { header: "source", value: (r) => r.note }])}`);
      }),
    );
  rates
    .command("import <file>")
    .description("replace a table for this tenant with a CSV (effective_from,rate_percent,source_note): the shipped file plus the new rows; nothing is saved if it has a gap, an overlap or a bad rate")
    .requiredOption("--table <name>", "which table, e.g. de-basiszinssatz")
    .action((file: string, opts: { table: string }, cmd: Command) =>
      withContext(cmd, env, async (ctx) => {
        const { actor } = await ctx.tenant();
        const csv = await readFile(file, "utf8").catch(() => fail("VALIDATION_FAILED", `cannot read ${file}`, { path: "file" }));
        const table = await importRateTable(ctx.deps, actor, { table: opts.table, csv });
        ctx.io.out(ctx.json ? toJson(table) : `${table.file}: ${table.rows} rates, the last from ${table.last.from} (${table.last.rate} %)`);
      }),
    );
  rates
    .command("reset")
    .description("drop this tenant's copy of a table: the shipped one applies again")
    .requiredOption("--table <name>", "which table, e.g. de-basiszinssatz")
    .action((opts: { table: string }, cmd: Command) =>
      withContext(cmd, env, async (ctx) => {
        const { actor } = await ctx.tenant();
        const table = await resetRateTable(ctx.deps, actor, opts.table);
        ctx.io.out(ctx.json ? toJson(table) : `${table.file}: the shipped table applies (${table.rows} rates, the last from ${table.last.from})`);
      }),
    );
}
