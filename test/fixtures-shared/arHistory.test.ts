import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { importFile } from "../../src/app/imports/importFile.js";
import { agingReport } from "../../src/app/reports/agingReport.js";
import { bucketIndex } from "../../src/domain/aging/agingBuckets.js";
import { daysBetween, isoDate } from "../../src/domain/dates/plainDate.js";
import { findBalanceDrift } from "../../src/store/balances.js";
import { engineAvailable, useTestDatabase } from "../kit/database.js";
import { depsAt, newTenant } from "../kit/factories.js";
import { sharedAvailable, sharedDir } from "./sharedFixtures.js";

/*
 * The public A/R history data set (2,466 paid invoices with issue, due and settlement dates) replayed
 * through the importers: the ledger's aging as of any date must equal what the raw data says was open.
 */
interface Row {
  customer: string;
  number: string;
  issued: string;
  due: string;
  settled: string;
  cents: bigint;
}

const usDate = (text: string): string => {
  const [m, d, y] = text.split("/");
  return `${y}-${m!.padStart(2, "0")}-${d!.padStart(2, "0")}`;
};

function readHistory(): Row[] {
  const [, ...lines] = readFileSync(sharedDir + "fixtures/ar-history/WA_Fn-UseC_-Accounts-Receivable.csv", "utf8").trim().split(/\r?\n/);
  return lines.map((line) => {
    const f = line.split(",");
    const [whole, fraction = ""] = f[6]!.split(".");
    return { customer: f[1]!, number: f[3]!, issued: usDate(f[4]!), due: usDate(f[5]!), settled: usDate(f[8]!), cents: BigInt(whole! + fraction.padEnd(2, "0")) };
  });
}

describe.skipIf(!sharedAvailable || !engineAvailable())("A/R history fixture", () => {
  const t = useTestDatabase();

  it("ages the replayed history exactly as the raw data says at every month end", async () => {
    const rows = readHistory();
    expect(rows).toHaveLength(2466);
    const deps = depsAt(t(), "2014-12-31");
    const actor = await newTenant(deps, { baseCurrency: "USD", country: "US", timezone: "America/New_York" });
    const money = (c: bigint) => `${c / 100n}.${(c % 100n).toString().padStart(2, "0")}`;
    const customers = [...new Set(rows.map((r) => r.customer))];
    await importFile(deps, actor, "customers", ["external_id,legal_name,currency", ...customers.map((c) => `${c},Customer ${c},USD`)].join("\n"), { format: "csv" });
    await importFile(deps, actor, "invoices", ["number,customer_external_id,issue_date,due_date,currency,amount", ...rows.map((r) => `${r.number},${r.customer},${r.issued},${r.due},USD,${money(r.cents)}`)].join("\n"), { format: "csv" });
    const paid = await importFile(deps, actor, "payments", ["payment_id,customer_external_id,received_on,currency,amount,invoices", ...rows.map((r) => `PAY-${r.number},${r.customer},${r.settled},USD,${money(r.cents)},${r.number}`)].join("\n"), { format: "csv" });
    expect(paid.inserted).toBe(2466);
    expect(await findBalanceDrift(deps.db, actor.tenantId)).toEqual([]);

    for (const asOf of ["2012-03-31", "2012-09-30", "2013-01-31", "2013-06-30", "2013-12-31"]) {
      const expected = [0n, 0n, 0n, 0n, 0n, 0n];
      for (const r of rows) {
        // open when issued by then and settled after (a settlement before the issue date never opened it)
        if (r.issued <= asOf && r.settled > asOf) expected[bucketIndex(daysBetween(isoDate(r.due), isoDate(asOf)), [30, 60, 90, 120])]! += r.cents;
      }
      const report = await agingReport(deps, actor, { asOf });
      expect(report.totals[0]?.buckets ?? ["0.00"], asOf).toEqual(expected.map(money));
    }
  });
});
