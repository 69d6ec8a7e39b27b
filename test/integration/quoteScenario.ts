import type { FastifyInstance } from "fastify";
import Fastify from "fastify";
import { ApiKeyAuthenticator } from "../../src/api/auth.js";
import { installErrorMapping } from "../../src/api/errors.js";
import { registerRoutes } from "../../src/api/route.js";
import { quoteRoutes } from "../../src/api/routes/collections/quotes.js";
import type { Actor, AppDeps } from "../../src/app/deps.js";
import { recordPayment } from "../../src/app/payments/recordPayment.js";
import { applyPolicy } from "../../src/app/policies/applyPolicy.js";
import { payoffQuote } from "../../src/app/quotes/payoffQuote.js";
import { registerQuoteCommands } from "../../src/cli/commands/quoteCommands.js";
import type { CliIo } from "../../src/cli/io.js";
import { buildProgram } from "../../src/cli/program.js";
import { fixedClock } from "../../src/domain/dates/clock.js";
import { Failure, KIND_STATUS, kindOf } from "../../src/domain/errors.js";
import type { Database } from "../../src/store/database.js";
import { newCustomer, newInvoice } from "../kit/factories.js";

/** Quote fixtures: a policy with the interest under test, a customer on it, invoices, payments. */
export function quoteBooks(deps: AppDeps, actor: Actor) {
  let n = 0;
  const policy = (key: string, extra: Record<string, unknown>) =>
    applyPolicy(deps, actor, { key, name: key, steps: [{ id: "r1", offsetDays: 7, channel: "email" }], ...extra });
  return {
    policy,
    /** A customer on a new policy with these settings (`{interest: …, compensation: …}`). */
    async customerOn(extra: Record<string, unknown>, currency = "EUR") {
      const key = `p${++n}-${Date.now() % 100000}`;
      await policy(key, extra);
      return newCustomer(deps, actor, { policy: key, currency, country: currency === "GBP" ? "GB" : "DE" });
    },
    invoice: (customerId: string, dueDate: string, amount: string, extra: Record<string, unknown> = {}) =>
      newInvoice(deps, actor, customerId, { issueDate: "2023-12-01", dueDate, amount, currency: "EUR", ...extra }),
    pay: (customerId: string, invoiceNumber: string, receivedOn: string, amount: string, currency = "EUR") =>
      recordPayment(deps, actor, { externalId: `pay-${++n}-${invoiceNumber}`, customerId, receivedOn, currency, amount, invoices: [invoiceNumber] }),
    quote: (customerId: string, asOf: string) => payoffQuote(deps, actor, { customerId }, { asOf }),
  };
}

/** `dunwell …` on the test database; registers the quote commands when the program does not have them yet. */
export function quoteCli(database: () => Database, today = "2024-06-30") {
  return async (...argv: string[]): Promise<{ code: number; out: string; err: string }> => {
    let out = "";
    let err = "";
    const io: CliIo = { out: (s) => void (out += s + "\n"), err: (s) => void (err += s + "\n"), interactive: false };
    const env = { io, env: {}, database: database(), clock: fixedClock(`${today}T12:00:00Z`) };
    const program = buildProgram(env);
    if (!program.commands.some((c) => c.name() === "quote")) registerQuoteCommands(program, env);
    try {
      await program.parseAsync(argv, { from: "user" });
      return { code: 0, out, err };
    } catch (error) {
      if (!(error instanceof Failure)) throw error;
      return { code: KIND_STATUS[kindOf(error.error.code)].exit, out, err: `error ${error.error.code}: ${error.error.message}` };
    }
  };
}

/** The quote routes on their own server, every answer checked against its schema. */
export function quoteApi(deps: AppDeps): FastifyInstance {
  const app = Fastify({ logger: false });
  installErrorMapping(app);
  registerRoutes(app, quoteRoutes, { deps, auth: new ApiKeyAuthenticator(deps, 0), checkResponses: true });
  return app;
}
