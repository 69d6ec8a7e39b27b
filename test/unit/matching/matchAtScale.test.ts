import { describe, expect, it } from "vitest";
import { applyToIndex, buildMatchIndex, matchCredit, type CreditLine, type KnownPayer, type MatchProposal, type OpenItemForMatching } from "../../../src/domain/matching/index.js";
import { formatRfReference, rfReferenceForInvoice } from "../../../src/domain/references/rfReference.js";
import { EUR, settings } from "./matchingKit.js";

/** A small deterministic PRNG (mulberry32), so the generated ledger is the same on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const OPEN_ITEMS = 150_000;
const CUSTOMERS = 20_000;
const LINES = 10_000;

/** A ledger like the issue's (150,000 open of a million invoices, 20,000 customers) and a statement against it, with the truth. */
function generate() {
  const next = random(42);
  const pick = (n: number) => Math.floor(next() * n);
  const ibanOf = (c: number) => `DE${String(10 + (c % 89))}5001051${String(c).padStart(11, "0")}`;
  const items: OpenItemForMatching[] = [];
  const byCustomer: OpenItemForMatching[][] = Array.from({ length: CUSTOMERS }, () => []);
  for (let i = 0; i < OPEN_ITEMS; i++) {
    const number = `INV-${String(i * 6 + pick(6) + 1).padStart(7, "0")}`;
    const customer = pick(CUSTOMERS);
    const open = BigInt(10_00 + pick(1_000_000));
    const month = String(1 + pick(12)).padStart(2, "0");
    const item: OpenItemForMatching = {
      invoiceId: `i${i}`,
      number,
      customerId: `c${customer}`,
      customerRef: `C${String(customer).padStart(6, "0")}`,
      currency: EUR,
      open,
      amount: open,
      issueDate: `2024-${month}-01`,
      dueDate: `2024-${month}-28`,
      rfReference: rfReferenceForInvoice(number),
      ...(i % 10 === 0 ? { discountTiers: [{ days: 10, percentBp: 200 }] } : {}),
    };
    items.push(item);
    byCustomer[customer]!.push(item);
  }
  const payers: KnownPayer[] = Array.from({ length: CUSTOMERS }, (_, c) => ({ iban: ibanOf(c), customerId: `c${c}`, confirmedMatches: pick(6) }));
  const lines: { line: CreditLine; paid: string[] }[] = [];
  for (let l = 0; l < LINES; l++) {
    const item = items[pick(OPEN_ITEMS)]!;
    const customer = Number(item.customerId.slice(1));
    const base = { lineId: `l${l}`, currency: EUR, bookingDate: "2024-06-15", counterparty: { iban: ibanOf(customer), name: `Customer ${customer} GmbH` } };
    const paid = [item.invoiceId];
    const kind = next();
    if (kind < 0.6) {
      const text = l % 2 === 0 ? { creditorReference: item.rfReference, remittance: [] } : { remittance: [`Zahlung ${formatRfReference(item.rfReference)} Danke`] };
      lines.push({ line: { ...base, amount: item.open, ...text }, paid });
    } else if (kind < 0.8) {
      const written = l % 4 === 0 ? typo(item.number, pick) : item.number.replace("INV-", l % 3 === 0 ? "Rechnung " : "INV ");
      lines.push({ line: { ...base, amount: item.open, remittance: [`${written} vom 15.05.2024`] }, paid });
    } else if (kind < 0.9) {
      const siblings = byCustomer[customer]!.filter((i) => i !== item);
      const other = siblings[pick(siblings.length)] ?? item;
      const both = other === item ? [item] : [item, other];
      lines.push({ line: { ...base, amount: both.reduce((sum, i) => sum + i.open, 0n), remittance: [both.map((i) => i.number).join(", ")] }, paid: both.map((i) => i.invoiceId) });
    } else if (kind < 0.95) {
      lines.push({ line: { ...base, amount: item.open - 50n, creditorReference: item.rfReference, remittance: [] }, paid });
    } else {
      lines.push({ line: { ...base, amount: item.open, remittance: ["Sammelzahlung"] }, paid });
    }
  }
  return { items, payers, lines };
}

function typo(number: string, pick: (n: number) => number): string {
  const at = 5 + pick(number.length - 5);
  return number.slice(0, at) + String((Number(number[at]) + 1 + pick(8)) % 10) + number.slice(at + 1);
}

// Speed is a benchmark figure (printed here, measured properly by the cash bench), not a timed assertion.
describe("matching at scale", () => {
  it(`auto-applies most of ${LINES.toLocaleString("en")} generated lines against ${OPEN_ITEMS.toLocaleString("en")} open items, almost never wrongly`, () => {
    const { items, payers, lines } = generate();
    const buildStart = performance.now();
    const index = buildMatchIndex(items, payers, settings);
    const buildMs = performance.now() - buildStart;

    const start = performance.now();
    const cpuStart = process.cpuUsage();
    const proposals: MatchProposal[] = [];
    for (const { line } of lines) {
      const proposal = matchCredit(line, index);
      if (proposal.status === "auto") applyToIndex(index, proposal);
      proposals.push(proposal);
    }
    const matchMs = performance.now() - start;
    const cpu = process.cpuUsage(cpuStart);
    const matchCpuMs = (cpu.user + cpu.system) / 1000;

    const count = (status: MatchProposal["status"]) => proposals.filter((p) => p.status === status).length;
    const wrong = proposals.filter((p, i) => p.status === "auto" && p.allocations.map((a) => a.invoiceId).join() !== lines[i]!.paid.join()).length;
    console.log(
      `matching: index of ${OPEN_ITEMS.toLocaleString("en")} open items built in ${buildMs.toFixed(0)} ms; ` +
        `${LINES.toLocaleString("en")} lines matched in ${matchMs.toFixed(0)} ms (${matchCpuMs.toFixed(0)} ms CPU, typo index included) = ${Math.round(LINES / (matchMs / 1000)).toLocaleString("en")} lines/s; ` +
        `auto ${count("auto")} (wrong ${wrong}), suggested ${count("suggested")}, unmatched ${count("unmatched")}`,
    );
    expect(count("auto")).toBeGreaterThan(LINES * 0.85);
    expect(wrong).toBeLessThanOrEqual(LINES * 0.001);
  }, 60_000);
});
