import { describe, expect, it } from "vitest";
import { parsed, refused } from "./bankFileKit.js";

// Account 111: 03/88 amounts 500000 + 650000 + 200000 + 50000, details 150000 + 50000 + 50000 = 1650000 in 9 records.
// Account 222: −100 + 2500 = 2400 in 3 records. Group: 1652400, 2 accounts, 14 records. File: 16 records.
const lines = [
  "01,SENDER,RECEIVER,240502,0600,FILE1,80,,2/",
  "02,RECEIVER,BANK1,1,240502,0700,USD,2/",
  "03,111,,010,500000,,,015,+650000,,/",
  "88,100,200000,2,,400,50000,1,/",
  "16,195,150000,V,240501,,WIRE123,INV-1001,INCOMING WIRE, FROM ACME/",
  "88,REMI: INV-1001 INV-1002",
  "88,DBNM: ACME INC",
  "88:DACT: 987654",
  "16,142,50000,S,10000,20000,20000,ACH1,,ACH CREDIT",
  "16,475,50000,D,2,1,30000,2,20000,CHK9,1234,CHECK PAID/",
  "49,1650000,9/",
  "03,222,CAD,015,-100,,/",
  "16,409,2500,Z,R1,,RETURNED CHEQUE     /",
  "49,2400,3/",
  "98,1652400,2,14/",
  "99,1652400,1,16",
];
const bai2 = lines.join("\n");

describe("BAI2", () => {
  const file = parsed(bai2);
  const [usd, cad] = file.statements;

  it("reads one statement per account, with the group's date and currency, and the ledger balances", () => {
    expect(file.format).toBe("bai2");
    expect(file.statements.map((s) => s.id)).toEqual(["BANK1/2024-05-02/111", "BANK1/2024-05-02/222"]);
    expect(usd).toMatchObject({
      account: { number: "111", currency: "USD" },
      servicer: "BANK1",
      openingBalance: { amount: 500000n, currency: "USD", date: "2024-05-02" },
      closingBalance: { amount: 650000n, currency: "USD", date: "2024-05-02" },
    });
    expect(cad).toMatchObject({ account: { number: "222", currency: "CAD" }, closingBalance: { amount: -100n } });
  });

  it("reads a value-dated credit with text containing commas and 88 continuation lines", () => {
    const wire = usd!.entries[0]!;
    expect(wire).toMatchObject({ line: 5, ref: "WIRE123", customerRef: "INV-1001", bookingDate: "2024-05-02", valueDate: "2024-05-01", amount: 150000n, direction: "credit", bankTxCode: "195" });
    expect(wire.details).toEqual([
      {
        remittance: { unstructured: ["INCOMING WIRE, FROM ACME", "INV-1001 INV-1002", "DBNM: ACME INC", "DACT: 987654"], structured: {} },
        counterparty: { name: "ACME INC", account: "987654" },
      },
    ]);
  });

  it("skips the fields of distributed (S, D) funds types to find the references", () => {
    expect(usd!.entries[1]).toMatchObject({ ref: "ACH1", amount: 50000n, direction: "credit", details: [{ remittance: { unstructured: ["ACH CREDIT"] } }] });
    expect(usd!.entries[1]!.customerRef).toBeUndefined();
    expect(usd!.entries[2]).toMatchObject({ ref: "CHK9", customerRef: "1234", direction: "debit", details: [{ remittance: { unstructured: ["CHECK PAID"] } }] });
  });

  it("reads amounts in the currency's minor units and debit type codes 400–699", () => {
    expect(cad!.entries).toMatchObject([{ ref: "R1", amount: 2500n, currency: "CAD", direction: "debit", valueDate: "2024-05-02" }]);
  });

  it("lets an operator read a file with wrong trailers when asked to skip the control totals", () => {
    const wrong = lines.with(10, "49,1,1/").join("\n");
    expect(refused(wrong).code).toBe("CONTROL_TOTAL_MISMATCH");
    expect(parsed(wrong, { checkControlTotals: false }).statements).toHaveLength(2);
  });

  it("refuses a file cut off before its trailer, and records out of place", () => {
    expect(refused(lines.slice(0, -1).join("\n"))).toMatchObject({ code: "MALFORMED_BANK_FILE", line: 15 });
    // without its 03 record the account's 88 continues the group header, and the 16 record stands outside any account
    expect(refused(lines.toSpliced(2, 1).join("\n"))).toMatchObject({ code: "MALFORMED_BANK_FILE", line: 4, path: "16 record" });
    expect(refused(["88,X", ...lines].join("\n"), { format: "bai2" })).toMatchObject({ code: "MALFORMED_BANK_FILE", line: 1 });
    expect(refused([...lines, "01,AGAIN"].join("\n"))).toMatchObject({ code: "MALFORMED_BANK_FILE", line: 17 });
  });

  it("refuses a detail whose type code is neither credit nor debit, and an unknown funds type", () => {
    expect(refused(lines.with(12, "16,750,2500,Z,R1,,LOAN/").join("\n"))).toMatchObject({ code: "MALFORMED_BANK_FILE", line: 13 });
    expect(refused(lines.with(12, "16,409,2500,Q,R1,,X/").join("\n"))).toMatchObject({ code: "MALFORMED_BANK_FILE", line: 13 });
    expect(refused(lines.with(12, "16,409,25.00,Z,R1,,X/").join("\n"))).toMatchObject({ code: "MALFORMED_BANK_FILE", line: 13 });
  });

  it("refuses BAI version 1", () => {
    expect(refused(lines.with(0, "01,SENDER,RECEIVER,240502,0600,FILE1,80,,1/").join("\n"))).toMatchObject({ code: "UNSUPPORTED_BANK_FORMAT", line: 1 });
  });
});
