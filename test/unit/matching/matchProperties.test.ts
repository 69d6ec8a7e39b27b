import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyToIndex, buildMatchIndex, matchCredit, type CreditLine, type KnownPayer, type MatchProposal, type OpenItemForMatching } from "../../../src/domain/matching/index.js";
import { formatRfReference, rfReferenceForInvoice } from "../../../src/domain/references/rfReference.js";
import { EUR, settings, USD } from "./matchingKit.js";

// Few numbers, customers and amounts, so that typos, shared amounts and combinations happen often.
const NUMBERS = ["INV-1023", "INV-1123", "INV-1024", "INV-0123", "123", "RE-77", "INV-2040", "FA-1023"];
const IBANS = ["DE89370400440532013000", "CH9300762011623852957", "GB29NWBK60161331926819"];

const openItemArb = fc.record({
  number: fc.constantFrom(...NUMBERS),
  customer: fc.integer({ min: 1, max: 3 }),
  open: fc.bigInt({ min: 1n, max: 2_000n }),
  paidBefore: fc.bigInt({ min: 0n, max: 500n }),
  installments: fc.integer({ min: 1, max: 3 }),
  usd: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
  discount: fc.boolean(),
  due: fc.integer({ min: 1, max: 28 }),
});

type ItemDraft = typeof openItemArb extends fc.Arbitrary<infer T> ? T : never;

function itemsFrom(drafts: ItemDraft[]): OpenItemForMatching[] {
  const seen = new Set<string>();
  return drafts.flatMap((d) => {
    if (seen.has(d.number)) return [];
    seen.add(d.number);
    return Array.from({ length: d.installments }, (_, k) => ({
      invoiceId: `inv-${d.number}`,
      ...(d.installments > 1 ? { installmentSeq: k + 1 } : {}),
      number: d.number,
      customerId: `cust-${d.customer}`,
      customerRef: `C${d.customer}00`,
      currency: d.usd ? USD : EUR,
      open: d.open + BigInt(k),
      amount: d.open + BigInt(k) + d.paidBefore,
      issueDate: "2024-03-01",
      dueDate: `2024-04-${String(d.due).padStart(2, "0")}`,
      rfReference: rfReferenceForInvoice(d.number),
      ...(d.discount ? { discountTiers: [{ days: 10, percentBp: 200 }] } : {}),
    }));
  });
}

const wordArb = fc.oneof(
  fc.constantFrom(...NUMBERS),
  fc.constantFrom(...NUMBERS).map((n) => formatRfReference(rfReferenceForInvoice(n))),
  fc.constantFrom(...NUMBERS).map((n) => n.replace("1", "I")),
  fc.constantFrom("Rechnung", "Nr.", "#", "danke", "1.230,00", "15.03.2024", "C100", "C200", "4711", "INV"),
);

const lineArb = fc.record({
  amount: fc.bigInt({ min: 1n, max: 6_000n }),
  usd: fc.boolean(),
  words: fc.array(wordArb, { maxLength: 6 }),
  reference: fc.option(fc.constantFrom(...NUMBERS), { nil: undefined }),
  iban: fc.option(fc.constantFrom(...IBANS), { nil: undefined }),
  day: fc.integer({ min: 1, max: 30 }),
  // when given, the amount is these items' open amounts (less a little: a discount or bank charges)
  payFor: fc.array(fc.nat(20), { maxLength: 3 }),
  short: fc.constantFrom(0n, 0n, 1n, 20n, 50n),
});

type LineDraft = typeof lineArb extends fc.Arbitrary<infer T> ? T : never;

function lineFrom(d: LineDraft, n: number, items: readonly OpenItemForMatching[]): CreditLine {
  const owed = d.payFor.reduce((sum, i) => sum + items[i % items.length]!.open, 0n) - d.short;
  return {
    lineId: `line-${n}`,
    amount: d.payFor.length > 0 && owed > 0n ? owed : d.amount,
    currency: d.usd ? USD : EUR,
    bookingDate: `2024-03-${String(d.day).padStart(2, "0")}`,
    remittance: [d.words.join(" ")],
    ...(d.reference ? { creditorReference: rfReferenceForInvoice(d.reference) } : {}),
    counterparty: d.iban ? { iban: d.iban } : {},
  };
}

const payersArb = fc.array(fc.record({ iban: fc.constantFrom(...IBANS), customerId: fc.constantFrom("cust-1", "cust-2", "cust-3"), confirmedMatches: fc.integer({ min: 0, max: 6 }) }), { maxLength: 4 });

const scenarioArb = fc.record({ items: fc.array(openItemArb, { minLength: 1, maxLength: 8 }), payers: payersArb, lines: fc.array(lineArb, { minLength: 1, maxLength: 6 }) });

const key = (invoiceId: string, seq?: number) => `${invoiceId}#${seq ?? ""}`;

function checkProposal(proposal: MatchProposal, line: CreditLine, openBefore: Map<string, bigint>, currencyOf: Map<string, string>): void {
  const allocated = proposal.allocations.reduce((sum, a) => sum + a.amount, 0n);
  expect(allocated + proposal.unapplied).toBe(line.amount);
  expect(allocated).toBeLessThanOrEqual(line.amount);
  expect(proposal.unapplied).toBeGreaterThanOrEqual(0n);
  const keys = proposal.allocations.map((a) => key(a.invoiceId, a.installmentSeq));
  expect(new Set(keys).size).toBe(keys.length);
  for (const a of proposal.allocations) {
    const open = openBefore.get(key(a.invoiceId, a.installmentSeq));
    expect(open).toBeDefined();
    expect(a.amount).toBeGreaterThan(0n);
    expect(a.amount + (a.discount ?? 0n)).toBeLessThanOrEqual(open!);
    if (a.discount !== undefined) expect(a.discount).toBeGreaterThan(0n);
    expect(a.bankCharges ?? 0n).toBeLessThanOrEqual(a.discount ?? 0n);
    expect(currencyOf.get(a.invoiceId)).toBe(line.currency);
  }
  if (proposal.status === "unmatched") expect(proposal.allocations).toEqual([]);
  else expect(proposal.allocations.length).toBeGreaterThan(0);
  if (proposal.status === "auto") expect(proposal.confidence).toBeGreaterThanOrEqual(settings.autoApplyThreshold);
}

describe("matching properties", () => {
  it("never allocates more than the line or an item's open amount, and allocations + unapplied = the line", () => {
    fc.assert(
      fc.property(scenarioArb, ({ items: drafts, payers, lines: lineDrafts }) => {
        const items = itemsFrom(drafts);
        const index = buildMatchIndex(items, payers as KnownPayer[], settings);
        const open = new Map(items.map((i) => [key(i.invoiceId, i.installmentSeq), i.open]));
        const original = new Map(open);
        const currencyOf = new Map(items.map((i) => [i.invoiceId, i.currency as string]));
        lineDrafts.forEach((d, n) => {
          const line = lineFrom(d, n, items);
          const proposal = matchCredit(line, index);
          checkProposal(proposal, line, open, currencyOf);
          if (proposal.status !== "auto") return;
          applyToIndex(index, proposal);
          for (const a of proposal.allocations) open.set(key(a.invoiceId, a.installmentSeq), open.get(key(a.invoiceId, a.installmentSeq))! - a.amount - (a.discount ?? 0n));
        });
        // across the whole import, no item was settled beyond what it had open
        for (const [k, left] of open) {
          expect(left).toBeGreaterThanOrEqual(0n);
          expect(left).toBeLessThanOrEqual(original.get(k)!);
        }
      }),
      { numRuns: 400 },
    );
  });

  it("is deterministic: the same line against the same open items gives the same proposal", () => {
    fc.assert(
      fc.property(scenarioArb, ({ items: drafts, payers, lines: lineDrafts }) => {
        const items = itemsFrom(drafts);
        const line = lineFrom(lineDrafts[0]!, 0, items);
        const first = buildMatchIndex(items, payers as KnownPayer[], settings);
        const proposal = matchCredit(line, first);
        expect(matchCredit(line, first)).toEqual(proposal);
        expect(matchCredit(line, buildMatchIndex(structuredClone(items), structuredClone(payers) as KnownPayer[], settings))).toEqual(proposal);
      }),
      { numRuns: 200 },
    );
  });
});
