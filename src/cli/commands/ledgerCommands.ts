import type { Command } from "commander";
import { getCustomerByRef, listCustomers } from "../../app/customers/readCustomers.js";
import { listInvoices } from "../../app/invoices/readInvoices.js";
import { agingReport } from "../../app/reports/agingReport.js";
import { customerStatement } from "../../app/reports/customerStatement.js";
import { withContext, type CliEnvironment } from "../context.js";
import { formatTable, toJson } from "../io.js";

const right = "right" as const;

export function registerLedgerCommands(program: Command, env: CliEnvironment): void {
  program
    .command("customers")
    .description("customers")
    .command("list")
    .option("--search <text>", "name contains, or exact external id")
    .option("--segment <name>")
    .option("--limit <n>", "rows per page", "100")
    .option("--cursor <cursor>", "continue after a previous page")
    .action((_o, cmd: Command) =>
      withContext(cmd, env, async (ctx) => {
        const { actor } = await ctx.tenant();
        const page = await listCustomers(ctx.deps, actor, cmd.opts());
        if (ctx.json) return ctx.io.out(toJson(page));
        ctx.io.out(formatTable(page.items, [
          { header: "external id", value: (c) => c.externalId },
          { header: "name", value: (c) => c.legalName },
          { header: "country", value: (c) => c.country },
          { header: "currency", value: (c) => c.currency },
          { header: "segment", value: (c) => c.segment },
        ]));
        if (page.nextCursor) ctx.io.out(`more: --cursor ${page.nextCursor}`);
      }),
    );

  program
    .command("invoices")
    .description("invoices")
    .command("list")
    .option("--overdue", "only invoices with an item past due")
    .option("--as-of <date>", "overdue as of this date (default today)")
    .option("--status <status>", "open or settled")
    .option("--customer <id>", "customer id or external id")
    .option("--limit <n>", "rows per page", "100")
    .option("--cursor <cursor>")
    .action((_o, cmd: Command) =>
      withContext(cmd, env, async (ctx) => {
        const { actor } = await ctx.tenant();
        const o = cmd.opts();
        const customerId = o.customer ? (await getCustomerByRef(ctx.deps, actor, o.customer as string)).id : undefined;
        const page = await listInvoices(ctx.deps, actor, { limit: o.limit, cursor: o.cursor, status: o.status, overdue: o.overdue ? "true" : undefined, asOf: o.asOf, customerId });
        if (ctx.json) return ctx.io.out(toJson(page));
        ctx.io.out(formatTable(page.items, [
          { header: "number", value: (i) => i.number },
          { header: "issued", value: (i) => i.issueDate },
          { header: "due", value: (i) => i.dueDate },
          { header: "cur", value: (i) => i.currency },
          { header: "amount", value: (i) => i.amount, align: right },
          { header: "open", value: (i) => i.open, align: right },
          { header: "status", value: (i) => i.status },
        ]));
        if (page.nextCursor) ctx.io.out(`more: --cursor ${page.nextCursor}`);
      }),
    );

  program
    .command("statement <customer>")
    .description("what a customer owes as of a date (customer id or external id)")
    .option("--as-of <date>", "YYYY-MM-DD, default today")
    .action((ref: string, _o, cmd: Command) =>
      withContext(cmd, env, async (ctx) => {
        const { actor } = await ctx.tenant();
        const customer = await getCustomerByRef(ctx.deps, actor, ref);
        const s = await customerStatement(ctx.deps, actor, customer.id, { asOf: cmd.opts().asOf });
        if (ctx.json) return ctx.io.out(toJson(s));
        ctx.io.out(`Statement for ${s.customer.legalName} (${s.customer.externalId}) as of ${s.asOf}\n`);
        ctx.io.out(formatTable(s.items, [
          { header: "invoice", value: (i) => (i.installment ? `${i.number}/${i.installment}` : i.number) },
          { header: "issued", value: (i) => i.issueDate },
          { header: "due", value: (i) => i.dueDate },
          { header: "days late", value: (i) => (i.daysPastDue > 0 ? i.daysPastDue : ""), align: right },
          { header: "cur", value: (i) => i.currency },
          { header: "amount", value: (i) => i.amount, align: right },
          { header: "open", value: (i) => i.open, align: right },
        ]));
        if (s.credits.length > 0) {
          ctx.io.out("\nUnapplied payments and credits");
          ctx.io.out(formatTable(s.credits, [{ header: "reference", value: (c) => c.reference }, { header: "date", value: (c) => c.date }, { header: "cur", value: (c) => c.currency }, { header: "unapplied", value: (c) => c.unapplied, align: right }]));
        }
        ctx.io.out("\n" + formatTable(s.totals, [{ header: "cur", value: (t) => t.currency }, { header: "open", value: (t) => t.open, align: right }, { header: "overdue", value: (t) => t.overdue, align: right }, { header: "credits", value: (t) => t.credits, align: right }, { header: "balance", value: (t) => t.balance, align: right }]));
      }),
    );

  program
    .command("aging")
    .description("open A/R by days past due")
    .option("--as-of <date>", "YYYY-MM-DD, default today")
    .option("--by <grouping>", "customer: one row per customer and currency")
    .option("--buckets <days>", "bucket upper bounds, e.g. 30,60,90,120")
    .action((_o, cmd: Command) =>
      withContext(cmd, env, async (ctx) => {
        const { actor } = await ctx.tenant();
        const o = cmd.opts();
        const report = await agingReport(ctx.deps, actor, { asOf: o.asOf, by: o.by, buckets: o.buckets });
        if (ctx.json) return ctx.io.out(toJson(report));
        const bucketColumns = report.buckets.map((b, i) => ({ header: b.key.replace("_", " "), value: (r: { buckets: string[] }) => r.buckets[i], align: right }));
        ctx.io.out(`Aging as of ${report.asOf}\n`);
        if (report.customers) {
          ctx.io.out(formatTable(report.customers, [{ header: "customer", value: (r) => r.externalId }, { header: "name", value: (r) => r.legalName.slice(0, 32) }, { header: "cur", value: (r) => r.currency }, ...bucketColumns, { header: "total", value: (r) => r.total, align: right }]) + "\n");
        }
        ctx.io.out(formatTable(report.totals, [{ header: "cur", value: (r) => r.currency }, ...bucketColumns, { header: "total", value: (r) => r.total, align: right }, { header: "items", value: (r) => r.items, align: right }]));
      }),
    );
}
