import { describe, expect, it } from "vitest";
import { PAYMENT_PROFILES, type BookChunk } from "../../../src/app/demo/bookTypes.js";
import { generateBook } from "../../../src/app/demo/generateBook.js";
import { isoDate } from "../../../src/domain/dates/plainDate.js";
import { currency, formatAmount } from "../../../src/domain/money/index.js";
import { dueDateFor, parsePaymentTerms } from "../../../src/domain/terms/paymentTerms.js";

const END = "2025-06-30";
const OPTIONS = { customers: 200, months: 18, seed: 42, endDate: END };
const book = generateBook(OPTIONS);

const serialize = (b: BookChunk) => JSON.stringify(b, (_k, v) => (typeof v === "bigint" ? `${v}n` : v));
const sumBy = <T>(rows: readonly T[], key: (r: T) => string, amount: (r: T) => bigint) => {
  const sums = new Map<string, bigint>();
  for (const r of rows) sums.set(key(r), (sums.get(key(r)) ?? 0n) + amount(r));
  return sums;
};
const daysPastDue = (due: string) => Math.round((Date.parse(END) - Date.parse(due)) / 86_400_000);

describe("generateBook", () => {
  it("is byte-identical for the same seed, whatever the chunk size", () => {
    const again = generateBook({ ...OPTIONS, chunkCustomers: 7 });
    expect(serialize(again)).toBe(serialize(book));
  });

  it("differs for another seed", () => {
    const other = generateBook({ ...OPTIONS, seed: 43 });
    expect(other.invoices[0]!.id).not.toBe(book.invoices[0]!.id);
    expect(other.customers.map((c) => c.legalName)).not.toEqual(book.customers.map((c) => c.legalName));
  });

  it("has every payment profile and every currency among 200 customers", () => {
    expect(new Set(book.customers.map((c) => c.profile))).toEqual(new Set(PAYMENT_PROFILES));
    expect(new Set(book.customers.map((c) => c.currency))).toEqual(new Set(["EUR", "GBP", "USD", "CHF", "SEK", "JPY"]));
    const eur = book.customers.filter((c) => c.currency === "EUR").length;
    expect(eur / book.customers.length).toBeGreaterThan(0.6);
  });

  it("gives each customer a language and a currency that fit its country", () => {
    const languages: Record<string, string[]> = { DE: ["de"], AT: ["de"], FR: ["fr"], NL: ["nl"], BE: ["nl", "fr"], ES: ["es"], IE: ["en"], GB: ["en"], US: ["en"], CH: ["de", "fr"], SE: ["sv"], JP: ["ja"] };
    const currencies: Record<string, string> = { GB: "GBP", US: "USD", CH: "CHF", SE: "SEK", JP: "JPY" };
    for (const c of book.customers) {
      expect(languages[c.country], c.country).toContain(c.language);
      expect(c.currency).toBe(currencies[c.country] ?? "EUR");
    }
    const customers = new Map(book.customers.map((c) => [c.id, c]));
    for (const i of book.invoices) expect(i.currency).toBe(customers.get(i.customerId)!.currency);
    for (const p of book.payments) expect(p.currency).toBe(customers.get(p.customerId)!.currency);
  });

  it("gives every customer a reachable accounts-payable contact and a decision maker", () => {
    const roles = new Map<string, Set<string>>();
    for (const c of book.contacts) for (const r of c.roles) (roles.get(c.customerId) ?? roles.set(c.customerId, new Set()).get(c.customerId)!).add(r);
    for (const c of book.customers) {
      expect(roles.get(c.id)).toContain("accounts_payable");
      expect(roles.get(c.id)).toContain("decision_maker");
    }
    for (const c of book.contacts) expect(c.email !== null || c.phone !== null).toBe(true);
  });

  it("makes amounts positive bigints in the minor units of their currency", () => {
    for (const rows of [book.invoices, book.creditNotes, book.payments, book.allocations]) {
      for (const r of rows) {
        expect(typeof r.amount).toBe("bigint");
        expect(r.amount).toBeGreaterThan(0n);
      }
    }
    const medianOf = (code: string) => {
      const sorted = book.invoices.filter((i) => i.currency === code).map((i) => i.amount).sort((a, b) => (a < b ? -1 : 1));
      return sorted[Math.floor(sorted.length / 2)]!;
    };
    // a euro invoice of a few thousand euros is a few hundred thousand cents; in yen it is a few hundred thousand yen
    expect(medianOf("EUR")).toBeGreaterThan(50_000n);
    expect(medianOf("JPY")).toBeGreaterThan(50_000n);
    expect(medianOf("JPY")).toBeLessThan(100_000_000n);
    expect(book.invoices.some((i) => i.currency === "EUR" && i.amount % 100n !== 0n)).toBe(true);
    for (const i of book.invoices.filter((i) => i.currency === "JPY")) expect(formatAmount(i.amount, currency("JPY"))).toMatch(/^\d+$/);
    for (const i of book.invoices) expect(i.taxAmount).toBeLessThan(i.amount);
  });

  it("never allocates more than an invoice, an installment, a payment or a credit note holds", () => {
    const invoices = new Map(book.invoices.map((i) => [i.id, i]));
    for (const [id, total] of sumBy(book.allocations, (a) => a.invoiceId, (a) => a.amount)) expect(total).toBeLessThanOrEqual(invoices.get(id)!.amount);
    const installments = new Map(book.installments.map((n) => [`${n.invoiceId}/${n.seq}`, n.amount]));
    const onInstallments = book.allocations.filter((a) => a.installmentSeq !== null);
    for (const [key, total] of sumBy(onInstallments, (a) => `${a.invoiceId}/${a.installmentSeq}`, (a) => a.amount)) expect(total).toBeLessThanOrEqual(installments.get(key)!);
    const payments = new Map(book.payments.map((p) => [p.id, p.amount]));
    const paid = sumBy(book.allocations.filter((a) => a.paymentId), (a) => a.paymentId!, (a) => a.amount);
    for (const [id, amount] of payments) expect(paid.get(id) ?? 0n).toBeLessThanOrEqual(amount);
    const credits = new Map(book.creditNotes.map((c) => [c.id, c.amount]));
    for (const [id, total] of sumBy(book.allocations.filter((a) => a.creditNoteId), (a) => a.creditNoteId!, (a) => a.amount)) expect(total).toBeLessThanOrEqual(credits.get(id)!);
  });

  it("allocates every part of an installment invoice to an installment, and schedules sum to the invoice", () => {
    const scheduled = new Set(book.invoices.filter((i) => i.hasInstallments).map((i) => i.id));
    expect(scheduled.size).toBeGreaterThan(0);
    for (const a of book.allocations) expect(a.installmentSeq !== null).toBe(scheduled.has(a.invoiceId));
    const totals = sumBy(book.installments, (n) => n.invoiceId, (n) => n.amount);
    for (const i of book.invoices.filter((i) => i.hasInstallments)) expect(totals.get(i.id)).toBe(i.amount);
  });

  it("dates nothing after the end date and no allocation before its invoice was issued", () => {
    const issued = new Map(book.invoices.map((i) => [i.id, i.issueDate]));
    for (const a of book.allocations) {
      expect(a.appliedOn >= issued.get(a.invoiceId)!).toBe(true);
      expect(a.appliedOn <= END).toBe(true);
    }
    for (const i of book.invoices) expect(i.issueDate <= END && i.issueDate >= "2024-01-01").toBe(true);
    for (const p of book.payments) expect(p.receivedOn <= END).toBe(true);
    for (const c of book.creditNotes) expect(c.issueDate <= END).toBe(true);
  });

  it("derives due dates from the invoice's terms, including early-payment discount terms", () => {
    for (const i of book.invoices.filter((i) => !i.hasInstallments)) {
      const terms = parsePaymentTerms(i.terms);
      if (!terms.ok) throw new Error(i.terms);
      expect(dueDateFor(terms.value, isoDate(i.issueDate)).toString()).toBe(i.dueDate);
    }
    expect(book.invoices.some((i) => i.terms === "2/10 net 30" && i.discounts.length === 1)).toBe(true);
    expect(book.allocations.some((a) => a.kind === "discount")).toBe(true);
  });

  it("leaves about 15 % of invoices open, overdue into every aging bucket", () => {
    const allocated = sumBy(book.allocations, (a) => a.invoiceId, (a) => a.amount);
    const open = book.invoices.filter((i) => (allocated.get(i.id) ?? 0n) < i.amount);
    expect(open.length / book.invoices.length).toBeGreaterThan(0.1);
    expect(open.length / book.invoices.length).toBeLessThan(0.2);
    const buckets = new Set(open.map((i) => { const d = daysPastDue(i.dueDate); return d <= 0 ? 0 : Math.min(5, Math.ceil(d / 30)); }));
    expect(buckets).toEqual(new Set([0, 1, 2, 3, 4, 5]));
    expect(book.allocations.some((a) => a.kind === "payment" && (allocated.get(a.invoiceId) ?? 0n) < invoiceAmount(a.invoiceId))).toBe(true);
  });

  it("writes off only what insolvent customers left unpaid, and credit notes appear", () => {
    const customerOf = new Map(book.invoices.map((i) => [i.id, i.customerId]));
    const insolvent = new Set(book.customers.filter((c) => c.profile === "insolvent").map((c) => c.id));
    const writeOffs = book.allocations.filter((a) => a.kind === "write_off");
    expect(writeOffs.length).toBeGreaterThan(0);
    for (const w of writeOffs) expect(insolvent.has(customerOf.get(w.invoiceId)!)).toBe(true);
    expect(book.creditNotes.length).toBeGreaterThan(0);
  });

  it("makes unique UUIDv7-shaped ids and unique document numbers", () => {
    const ids = [book.customers, book.contacts, book.invoices, book.creditNotes, book.payments, book.allocations].flatMap((rows) => rows.map((r) => r.id));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids.slice(0, 500)) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(book.invoices.map((i) => i.number)).size).toBe(book.invoices.length);
    expect(new Set(book.payments.map((p) => p.externalId)).size).toBe(book.payments.length);
  });

  it("hits an exact invoice count and a restricted currency mix when asked", () => {
    const small = generateBook({ customers: 30, months: 6, seed: 1, endDate: END, invoices: 1234, currencies: ["EUR", "JPY"] });
    expect(small.invoices).toHaveLength(1234);
    expect(new Set(small.customers.map((c) => c.currency))).toEqual(new Set(["EUR", "JPY"]));
    expect(() => generateBook({ customers: 3, months: 6, seed: 1, endDate: END, currencies: ["XXX"] })).toThrow(RangeError);
  });
});

function invoiceAmount(id: string): bigint {
  return book.invoices.find((i) => i.id === id)!.amount;
}
