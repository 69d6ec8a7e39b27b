import type { BookChunk, BookCounts, BookOptions } from "./bookTypes.js";
import { customerInvoices, installmentsOf, type BookCounters } from "./customerInvoices.js";
import { periodOf, planCustomers, STREAM } from "./customerPlans.js";
import { customerRecord, type GroupHead } from "./customerRecords.js";
import { settleCustomer } from "./customerSettlement.js";
import { DemoIds } from "./demoIds.js";
import { Rng } from "./prng.js";

const DEFAULT_CHUNK_CUSTOMERS = 500;

const emptyChunk = (): BookChunk => ({ customers: [], contacts: [], invoices: [], installments: [], creditNotes: [], payments: [], allocations: [] });

/**
 * A realistic, deterministic A/R book, generated customer by customer and handed out in chunks of
 * `chunkCustomers` customers so a loader can COPY a million invoices without holding them all. Each
 * chunk is self-contained except that a subsidiary may name a group head from an earlier chunk.
 * The same options give byte-identical output, whatever the chunk size.
 */
export function* generateBookChunks(options: BookOptions): Generator<BookChunk, void, undefined> {
  const period = periodOf(options);
  const plans = planCustomers(options, period);
  const ids = new DemoIds(options.seed);
  const counters: BookCounters = { invoices: 0, creditNotes: 0, payments: 0 };
  const heads = new Map<number, GroupHead>();
  const chunkCustomers = options.chunkCustomers ?? DEFAULT_CHUNK_CUSTOMERS;
  let chunk = emptyChunk();
  for (const plan of plans) {
    const record = customerRecord(plan, period, ids, heads, Rng.stream(options.seed, STREAM.record, plan.index));
    if (record.head) heads.set(plan.index, record.head);
    const { customer } = record;
    const drafts = customerInvoices(plan, customer.id, customer.externalId, period, ids, counters, Rng.stream(options.seed, STREAM.invoices, plan.index));
    const settlement = settleCustomer(plan, customer, drafts, period, ids, counters, Rng.stream(options.seed, STREAM.settlement, plan.index));
    chunk.customers.push(customer);
    chunk.contacts.push(...record.contacts);
    for (const draft of drafts) {
      chunk.invoices.push(draft.invoice);
      if (draft.invoice.hasInstallments) chunk.installments.push(...installmentsOf(draft));
    }
    chunk.creditNotes.push(...settlement.creditNotes);
    chunk.payments.push(...settlement.payments);
    chunk.allocations.push(...settlement.allocations);
    if (chunk.customers.length >= chunkCustomers) {
      yield chunk;
      chunk = emptyChunk();
    }
  }
  if (chunk.customers.length > 0) yield chunk;
}

/** The whole book in memory: for tests and small demos. */
export function generateBook(options: BookOptions): BookChunk {
  const book = emptyChunk();
  for (const chunk of generateBookChunks(options)) {
    // a loop, not push(...rows): a chunk can exceed the engine's argument limit
    for (const key of Object.keys(book) as (keyof BookChunk)[]) {
      const rows = book[key] as unknown[];
      for (const row of chunk[key]) rows.push(row);
    }
  }
  return book;
}

export const countChunk = (chunk: BookChunk): BookCounts => ({
  customers: chunk.customers.length,
  contacts: chunk.contacts.length,
  invoices: chunk.invoices.length,
  installments: chunk.installments.length,
  creditNotes: chunk.creditNotes.length,
  payments: chunk.payments.length,
  allocations: chunk.allocations.length,
});

export const addCounts = (a: BookCounts, b: BookCounts): BookCounts => ({
  customers: a.customers + b.customers,
  contacts: a.contacts + b.contacts,
  invoices: a.invoices + b.invoices,
  installments: a.installments + b.installments,
  creditNotes: a.creditNotes + b.creditNotes,
  payments: a.payments + b.payments,
  allocations: a.allocations + b.allocations,
});
