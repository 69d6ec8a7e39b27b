import { describe, expect, it } from "vitest";
import { parsed, refused } from "./bankFileKit.js";

// Two statements of a German bank in SWIFT framing (SOH/ETX, blocks 1–5), CRLF line ends.
const german = [
  "\u0001{1:F01COBADEFFAXXX0000000000}{2:O9401200240502COBADEFFAXXX00000000002405021200N}{3:}{4:",
  ":20:STARTUMS",
  ":25:37040044/0532013000",
  ":28C:00042/001",
  ":60F:C240501EUR1000,00",
  ":61:2405020502CR1190,00NTRFNONREF//0724710345313905",
  ":86:166?00GUTSCHRIFT?100399?20EREF+E2E-4711?21KREF+PAYMENT-42?22SVWZ+RF18 5390 0754 7034 Rec",
  "hnung 20?23240017?30BYLADEM1001?31DE02120300000000202051?32Mueller und Soehne Gmb?33H",
  ":61:2405020502DR9,NMSCNONREF",
  ":86:805?00ABSCHLUSS?20Kontofuehrung?21April",
  ":61:2405020502RDR50,NRTINONREF//R1",
  ":86:109?00RUECKLASTSCHRIFT?20EREF+DD-1?21MREF+MANDATE-7?22SVWZ+Beitrag Mai",
  ":62F:C240502EUR2231,00",
  "-}{5:}\u0003",
  "{1:F01COBADEFFAXXX0000000000}{2:O940COBADEFFAXXXN}{4:",
  ":20:STARTUMS",
  ":25:37040044/0532013000",
  ":28C:00043/001",
  ":60F:C240502EUR2231,00",
  ":61:2405030503DR31,NTRFKREF+//B-9",
  ":86:116?00SEPA-UEBERW?20KREF+ORDER 9?21SVWZ+Tankstelle",
  ":61:2405030503RCR100,NRTINONREF",
  ":86:159?00RETOURE?20EREF+E2E-1?21MTLG:Konto erloschen",
  ":62F:C240503EUR2100,00",
  "-}",
].join("\r\n");

describe("MT940, German bank with ?-subfields", () => {
  const file = parsed(german);
  const [first, second] = file.statements;

  it("reads every statement with account, sequence, balances and the sending bank", () => {
    expect(file.format).toBe("mt940");
    expect(file.statements).toHaveLength(2);
    expect(first).toMatchObject({
      id: "STARTUMS/00042/001",
      sequence: "00042/001",
      servicer: "COBADEFF",
      account: { number: "37040044/0532013000", currency: "EUR" },
      openingBalance: { amount: 100000n, currency: "EUR", date: "2024-05-01" },
      closingBalance: { amount: 223100n, currency: "EUR", date: "2024-05-02" },
    });
    expect(second!.id).toBe("STARTUMS/00043/001");
  });

  it("reads a SEPA credit: end-to-end id, customer reference, remittance text and payer from ?30–?33", () => {
    const credit = first!.entries[0]!;
    expect(credit).toMatchObject({
      line: 6,
      ref: "0724710345313905",
      valueDate: "2024-05-02",
      bookingDate: "2024-05-02",
      amount: 119000n,
      direction: "credit",
      reversal: false,
      bankTxCode: "NTRF/166",
      additionalInfo: "GUTSCHRIFT",
    });
    expect(credit.details).toEqual([
      {
        endToEndId: "E2E-4711",
        instructionId: "PAYMENT-42",
        remittance: { unstructured: ["RF18 5390 0754 7034 Rechnung 20240017"], structured: {} },
        counterparty: { bic: "BYLADEM1001", iban: "DE02120300000000202051", name: "Mueller und Soehne GmbH" },
      },
    ]);
  });

  it("reads pre-SEPA subfields as text, and an amount written with a bare decimal comma", () => {
    const fee = first!.entries[1]!;
    expect(fee).toMatchObject({ amount: 900n, direction: "debit", ref: null, bankTxCode: "NMSC/805" });
    expect(fee.details[0]!.remittance.unstructured).toEqual(["Kontofuehrung April"]);
  });

  it("reads RD as a reversed debit (money back) and RC as a reversed credit (money out)", () => {
    expect(first!.entries[2]).toMatchObject({ direction: "credit", reversal: true, amount: 5000n, ref: "R1" });
    expect(first!.entries[2]!.details[0]).toMatchObject({ endToEndId: "DD-1", mandateId: "MANDATE-7", remittance: { unstructured: ["Beitrag Mai"] } });
    expect(second!.entries[1]).toMatchObject({ direction: "debit", reversal: true, amount: 10000n });
    expect(second!.entries[1]!.details[0]!.remittance.unstructured).toEqual(["MTLG:Konto erloschen"]);
  });

  it("keeps the owner's reference apart from the bank reference", () => {
    expect(second!.entries[0]).toMatchObject({ ref: "B-9", customerRef: "KREF+", details: [{ instructionId: "ORDER 9", remittance: { unstructured: ["Tankstelle"] } }] });
  });

  it("reads the same file with LF line ends", () => {
    expect(parsed(german.replace(/\r\n/g, "\n"))).toEqual(file);
  });
});

describe("MT940, Dutch and unstructured :86:", () => {
  const dutch = [
    ":20:940S240502",
    ":25:NL91ABNA0417164300",
    ":28C:1",
    ":60F:D240501EUR10,00",
    ":61:240502C1250,50NTRFEREF//00000000001",
    ":86:/TRTP/SEPA OVERBOEKING/IBAN/NL20INGB0001234567/BIC/INGBNL2A/NAME/Acme B.V./REMI/STRD/CUR/RF18539007547034/EREF/NOTPROVIDED",
    ":61:240502C99,NTRFNONREF",
    ":86:/EREF/E-55//CNTP/NL69INGB0123456789/INGBNL2A/J. Jansen/Utrecht///REMI/USTD//Factuur 2024-0017 en 2024-",
    "0018/",
    ":61:2312310102D5,00NMSC0121470966      W.P. Jansen",
    ":86:GIRO   428428 KPN - DIGITENNE    BETALINGSKENM.  000000042188659",
    "5314606715                       BETREFT FACTUUR D.D. 20-05-2011",
    "",
    ":86:INCL. 1,44 BTW",
    ":62F:C240502EUR1334,50",
  ].join("\n");

  it("reads the /TRTP/…/REMI/… keys, a structured RF reference and the counterparty", () => {
    const [entry] = parsed(dutch).statements[0]!.entries;
    expect(entry).toMatchObject({ ref: "00000000001", customerRef: "EREF", amount: 125050n, additionalInfo: "SEPA OVERBOEKING" });
    expect(entry!.details[0]).toEqual({
      remittance: { unstructured: [], structured: { creditorReference: "RF18539007547034" } },
      counterparty: { iban: "NL20INGB0001234567", bic: "INGBNL2A", name: "Acme B.V." },
    });
  });

  it("reads CNTP and free REMI text wrapped over lines", () => {
    const entry = parsed(dutch).statements[0]!.entries[1]!;
    expect(entry.details[0]).toEqual({
      endToEndId: "E-55",
      remittance: { unstructured: ["Factuur 2024-0017 en 2024-0018"], structured: {} },
      counterparty: { iban: "NL69INGB0123456789", bic: "INGBNL2A", name: "J. Jansen" },
    });
  });

  it("keeps unstructured lines of several :86: fields, the name after the reference, and a booking date across the year end", () => {
    const file = parsed(dutch);
    const entry = file.statements[0]!.entries[2]!;
    expect(entry).toMatchObject({ valueDate: "2023-12-31", bookingDate: "2024-01-02", customerRef: "0121470966", additionalInfo: "W.P. Jansen", amount: 500n });
    expect(entry.details[0]!.remittance.unstructured).toEqual([
      "GIRO 428428 KPN - DIGITENNE BETALINGSKENM. 000000042188659",
      "5314606715 BETREFT FACTUUR D.D. 20-05-2011",
      "INCL. 1,44 BTW",
    ]);
    expect(file.statements[0]!.account).toEqual({ iban: "NL91ABNA0417164300", currency: "EUR" });
  });

  it("checks the balance including a debit opening balance: −10.00 + 1250.50 + 99.00 − 5.00 = 1334.50", () => {
    expect(refused(dutch.replace("EUR1334,50", "EUR1335,00"))).toMatchObject({ code: "BALANCE_MISMATCH", line: 15, path: ":62F:" });
    expect(parsed(dutch.replace("EUR1334,50", "EUR1335,00"), { checkBalances: false }).statements[0]!.entries).toHaveLength(3);
  });

  it("refuses a statement line it cannot read, naming the line", () => {
    const wrapped = dutch.replace(":61:2312310102D5,00", ":61:231231010\n2D5,00");
    expect(refused(wrapped)).toMatchObject({ code: "MALFORMED_BANK_FILE", line: 10, path: ":61:" });
  });
});

describe("MT940 framing", () => {
  it("reads the account BIC and number of a :25: written as BIC/account, and a :64: after the closing balance", () => {
    const file = parsed("\u0001\n:20:X\n:25:BPHKPLPK/320000546101\n:28C:1/1\n:60F:C240101PLN0,40\n:61:2401010101CN0,01NTRFNONREF//MB1\n911-TRANSAKCJA\n:86:911 TRANSAKCJA\n:62F:C240101PLN0,41\n:64:C240101PLN0,41\n-\u0003");
    expect(file.statements[0]!.account).toEqual({ bic: "BPHKPLPK", number: "320000546101", currency: "PLN" });
    expect(file.statements[0]!.entries[0]).toMatchObject({ amount: 1n, ref: "MB1", additionalInfo: "911-TRANSAKCJA", bankTxCode: "NTRF" });
  });

  it("refuses a file without any statement", () => {
    expect(refused("just some text\n", { format: "mt940" })).toMatchObject({ code: "MALFORMED_BANK_FILE", line: 1 });
  });
});
