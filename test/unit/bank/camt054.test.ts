import { describe, expect, it } from "vitest";
import { amt, camtXml, parsed, refused } from "./bankFileKit.js";

const notification = camtXml(
  "camt.054",
  "04",
  `<Ntfctn>
    <Id>NTF-1</Id>
    <CreDtTm>2024-05-02T09:00:00</CreDtTm>
    <Acct><Id><IBAN>FI2112345600000785</IBAN></Id><Ccy>EUR</Ccy><Svcr><FinInstnId><BIC>HANDFIHH</BIC></FinInstnId></Svcr></Acct>
    <Ntry><NtryRef>N-1</NtryRef>${amt("742.45")}<CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2024-05-02</Dt></BookgDt><ValDt><Dt>2024-05-02</Dt></ValDt>
      <NtryDtls><TxDtls><Refs><EndToEndId>E2E-12</EndToEndId></Refs>
        <RltdPties><Dbtr><Nm>TEST OY</Nm></Dbtr></RltdPties>
        <RmtInf><Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry></Tp><Ref>RF71 5390 0754 7034</Ref></CdtrRefInf></Strd></RmtInf>
      </TxDtls></NtryDtls></Ntry>
    <Ntry>${amt("216.85")}<CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2024-05-02</Dt></BookgDt>
      <NtryDtls><TxDtls>
        <AmtDtls><InstdAmt>${amt("2082.58", "SEK")}</InstdAmt><TxAmt>${amt("216.85")}</TxAmt></AmtDtls>
        <RltdPties><Dbtr><Nm>Svensk AB</Nm></Dbtr></RltdPties>
        <RmtInf><Ustrd>PARTIAL PYMT 170124         INV 43459</Ustrd></RmtInf>
      </TxDtls></NtryDtls></Ntry>
  </Ntfctn>`,
);

describe("camt.054 debit/credit notification", () => {
  it("reads a notification like a statement, without balances", () => {
    const file = parsed(notification);
    expect(file.format).toBe("camt.054");
    const [statement] = file.statements;
    expect(statement).toMatchObject({ id: "NTF-1", account: { iban: "FI2112345600000785", currency: "EUR", bic: "HANDFIHH" }, createdAt: "2024-05-02T09:00:00" });
    expect(statement!.openingBalance).toBeUndefined();
    expect(statement!.entries.map((e) => [e.ref, e.amount, e.direction])).toEqual([
      ["N-1", 74245n, "credit"],
      [null, 21685n, "credit"],
    ]);
  });

  it("keeps a creditor reference as sent, even one whose check digits are wrong (matching decides)", () => {
    const detail = parsed(notification).statements[0]!.entries[0]!.details[0]!;
    expect(detail.remittance.structured).toEqual({ creditorReference: "RF71 5390 0754 7034", referenceType: "SCOR" });
    expect(detail).toMatchObject({ endToEndId: "E2E-12", counterparty: { name: "TEST OY" } });
  });

  it("reads a foreign payment's instructed amount and currency", () => {
    const detail = parsed(notification).statements[0]!.entries[1]!.details[0]!;
    expect(detail).toMatchObject({ amount: 21685n, currency: "EUR", fx: { instructedAmount: 208258n, instructedCurrency: "SEK" } });
    expect(detail.remittance.unstructured).toEqual(["PARTIAL PYMT 170124 INV 43459"]);
  });

  it("is sniffed from the namespace, and refused when the caller says it is a camt.053", () => {
    expect(parsed(notification, { format: "camt.054" }).format).toBe("camt.054");
    expect(refused(notification, { format: "camt.053" })).toMatchObject({ code: "UNSUPPORTED_BANK_FORMAT" });
  });

  it("is recognized by its message element when the namespace is missing", () => {
    const bare = notification.replace(/ xmlns="[^"]*"/, "");
    expect(parsed(bare).format).toBe("camt.054");
  });

  it("refuses a notification message without any Ntfctn", () => {
    const empty = camtXml("camt.054", "02", "");
    expect(refused(empty)).toMatchObject({ code: "MALFORMED_BANK_FILE", path: "BkToCstmrDbtCdtNtfctn" });
  });
});
