import { describe, expect, it } from "vitest";
import { amt, bal, camtXml, lineOf, parsed, refused } from "./bankFileKit.js";

// A statement of two accounts in two currencies, camt.053.001.02 style (no Pty wrapper, BIC, Sts as text).
const v02 = camtXml(
  "camt.053",
  "02",
  `
<Stmt>
  <Id>STMT-EUR-2024-05-02</Id>
  <ElctrncSeqNb>42</ElctrncSeqNb>
  <CreDtTm>2024-05-02T06:00:00+02:00</CreDtTm>
  <Acct><Id><IBAN>DE89 3704 0044 0532 0130 00</IBAN></Id><Ccy>EUR</Ccy><Svcr><FinInstnId><BIC>COBADEFFXXX</BIC></FinInstnId></Svcr></Acct>
  ${bal("PRCD", "1000.00", "CRDT", "2024-05-01")}
  ${bal("CLBD", "1745.50", "CRDT", "2024-05-02")}
  <Ntry>
    <NtryRef>N-1</NtryRef>
    ${amt("1190.00")}
    <CdtDbtInd>CRDT</CdtDbtInd>
    <Sts>BOOK</Sts>
    <BookgDt><Dt>2024-05-02</Dt></BookgDt>
    <ValDt><Dt>2024-05-03</Dt></ValDt>
    <AcctSvcrRef>BANK-REF-1</AcctSvcrRef>
    <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>
    <NtryDtls><TxDtls>
      <Refs><EndToEndId>E2E-4711</EndToEndId><InstrId>NOTPROVIDED</InstrId></Refs>
      <AmtDtls><TxAmt>${amt("1190.00")}</TxAmt></AmtDtls>
      <RltdPties>
        <Dbtr><Nm>M&#252;ller &amp; S&#xF6;hne GmbH</Nm></Dbtr>
        <DbtrAcct><Id><IBAN>DE02120300000000202051</IBAN></Id></DbtrAcct>
        <Cdtr><Nm>Dunwell Demo GmbH</Nm></Cdtr>
      </RltdPties>
      <RltdAgts><DbtrAgt><FinInstnId><BIC>BYLADEM1001</BIC></FinInstnId></DbtrAgt></RltdAgts>
      <Purp><Cd>SUPP</Cd></Purp>
      <RmtInf><Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry></Tp><Ref>RF18539007547034</Ref></CdtrRefInf></Strd></RmtInf>
    </TxDtls></NtryDtls>
    <AddtlNtryInf>SEPA   Gutschrift</AddtlNtryInf>
  </Ntry>
  <Ntry>
    ${amt("350.00")}
    <CdtDbtInd>DBIT</CdtDbtInd>
    <Sts>BOOK</Sts>
    <BookgDt><Dt>2024-05-02</Dt></BookgDt>
    <ValDt><Dt>2024-05-02</Dt></ValDt>
    <AcctSvcrRef>BANK-REF-2</AcctSvcrRef>
    <NtryDtls>
      <Btch><NbOfTxs>2</NbOfTxs></Btch>
      <TxDtls>
        <Refs><EndToEndId>PAY-1</EndToEndId></Refs>
        <AmtDtls><TxAmt>${amt("200.00")}</TxAmt></AmtDtls>
        <RltdPties><Cdtr><Nm>Supplier One</Nm></Cdtr><CdtrAcct><Id><IBAN>FR1420041010050500013M02606</IBAN></Id></CdtrAcct></RltdPties>
        <RmtInf><Ustrd>Invoice 881</Ustrd></RmtInf>
      </TxDtls>
      <TxDtls>
        <Refs><EndToEndId>PAY-2</EndToEndId></Refs>
        <AmtDtls><TxAmt>${amt("150.00")}</TxAmt></AmtDtls>
        <RltdPties><Cdtr><Nm>Supplier Two</Nm></Cdtr></RltdPties>
        <RmtInf><Ustrd>Invoice 882</Ustrd><Ustrd>  second   line </Ustrd></RmtInf>
      </TxDtls>
    </NtryDtls>
  </Ntry>
  <Ntry>
    ${amt("94.50")}
    <CdtDbtInd>DBIT</CdtDbtInd>
    <RvslInd>true</RvslInd>
    <Sts>BOOK</Sts>
    <BookgDt><Dt>2024-05-02</Dt></BookgDt>
    <AcctSvcrRef>BANK-REF-3</AcctSvcrRef>
    <NtryDtls><TxDtls>
      <RltdPties><Dbtr><Nm>Returned Payer AG</Nm></Dbtr><Cdtr><Nm>Dunwell Demo GmbH</Nm></Cdtr></RltdPties>
      <RmtInf><Ustrd>RETURN AC04 INV-77</Ustrd></RmtInf>
    </TxDtls></NtryDtls>
  </Ntry>
</Stmt>
<Stmt>
  <Id>STMT-CHF-2024-05-02</Id>
  <Acct><Id><Othr><Id>0815-4711</Id></Othr></Id><Ccy>CHF</Ccy></Acct>
  ${bal("OPBD", "20.00", "DBIT", "2024-05-02", "CHF")}
  <Ntry>
    <NtryRef>CH-1</NtryRef>
    ${amt("5000.00", "CHF")}
    <CdtDbtInd>CRDT</CdtDbtInd>
    <Sts>BOOK</Sts>
    <BookgDt><DtTm>2024-05-02T10:15:00</DtTm></BookgDt>
    <ValDt><Dt>2024-05-02</Dt></ValDt>
    <BkTxCd><Prtry><Cd>NTRF+166</Cd></Prtry></BkTxCd>
    <NtryDtls><Btch><NbOfTxs>3</NbOfTxs></Btch></NtryDtls>
  </Ntry>
</Stmt>`,
);

describe("camt.053.001.02", () => {
  const file = parsed(v02);
  const [eur, chf] = file.statements;

  it("reads every statement of the message, each with its account, currency and balances", () => {
    expect(file.format).toBe("camt.053");
    expect(file.statements).toHaveLength(2);
    expect(eur).toMatchObject({
      id: "STMT-EUR-2024-05-02",
      sequence: "42",
      createdAt: "2024-05-02T06:00:00+02:00",
      account: { iban: "DE89370400440532013000", bic: "COBADEFFXXX", currency: "EUR" },
      servicer: "COBADEFFXXX",
      openingBalance: { amount: 100000n, currency: "EUR", date: "2024-05-01" },
      closingBalance: { amount: 174550n, currency: "EUR", date: "2024-05-02" },
    });
    expect(chf).toMatchObject({ account: { number: "0815-4711", currency: "CHF" }, openingBalance: { amount: -2000n, currency: "CHF" } });
    expect(chf!.closingBalance).toBeUndefined();
  });

  it("reads a credit with an RF reference, the payer's name, IBAN and BIC", () => {
    const credit = eur!.entries[0]!;
    expect(credit).toMatchObject({
      ref: "BANK-REF-1",
      bookingDate: "2024-05-02",
      valueDate: "2024-05-03",
      amount: 119000n,
      currency: "EUR",
      direction: "credit",
      reversal: false,
      status: "BOOK",
      bankTxCode: "PMNT/RCDT/ESCT",
      additionalInfo: "SEPA Gutschrift",
    });
    expect(credit.details).toEqual([
      {
        amount: 119000n,
        currency: "EUR",
        endToEndId: "E2E-4711",
        purpose: "SUPP",
        remittance: { unstructured: [], structured: { creditorReference: "RF18539007547034", referenceType: "SCOR" } },
        counterparty: { name: "Müller & Söhne GmbH", iban: "DE02120300000000202051", bic: "BYLADEM1001" },
      },
    ]);
  });

  it("reads each transaction of a batch booking with its own amount and payee", () => {
    const batch = eur!.entries[1]!;
    // the entry starts on the line of its <Ntry>, the one before its amount
    expect(batch).toMatchObject({ ref: "BANK-REF-2", direction: "debit", amount: 35000n, batchSize: 2, valueDate: "2024-05-02", line: lineOf(v02, amt("350.00")) - 1 });
    expect(batch.details.map((d) => [d.amount, d.endToEndId, d.counterparty.name, d.remittance.unstructured])).toEqual([
      [20000n, "PAY-1", "Supplier One", ["Invoice 881"]],
      [15000n, "PAY-2", "Supplier Two", ["Invoice 882", "second line"]],
    ]);
    expect(batch.details[0]!.counterparty.iban).toBe("FR1420041010050500013M02606");
  });

  it("marks a reversal and keeps the original payer as the counterparty", () => {
    const reversal = eur!.entries[2]!;
    expect(reversal).toMatchObject({ direction: "debit", reversal: true, amount: 9450n, bookingDate: "2024-05-02", valueDate: "2024-05-02" });
    expect(reversal.details[0]!.counterparty).toEqual({ name: "Returned Payer AG" });
  });

  it("takes the account currency from the balances when Acct/Ccy is left out", () => {
    const withoutCcy = v02.replace("<Ccy>EUR</Ccy>", "");
    expect(parsed(withoutCcy).statements[0]!.account.currency).toBe("EUR");
    const noBalances = camtXml("camt.053", "02", `<Stmt><Id>S</Id><Acct><Id><IBAN>DE89370400440532013000</IBAN></Id></Acct></Stmt>`);
    expect(parsed(noBalances).statements[0]!.account).toEqual({ iban: "DE89370400440532013000" });
  });

  it("gives a batch without transaction details one empty detail and the bank's count", () => {
    const entry = chf!.entries[0]!;
    expect(entry).toMatchObject({ ref: "CH-1", bookingDate: "2024-05-02", bankTxCode: "NTRF+166", batchSize: 3, currency: "CHF" });
    expect(entry.details).toEqual([{ remittance: { unstructured: [], structured: {} }, counterparty: {} }]);
  });
});

describe("camt.053.001.08", () => {
  const v08 = camtXml(
    "camt.053",
    "08",
    `<Stmt><Id>S8</Id>
      <Acct><Id><IBAN>CH9300762011623852957</IBAN></Id><Ccy>CHF</Ccy><Svcr><FinInstnId><BICFI>UBSWCHZH80A</BICFI></FinInstnId></Svcr></Acct>
      <Ntry>${amt("20.97")}<CdtDbtInd>DBIT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>2024-06-20</Dt></BookgDt><ValDt><Dt>2024-06-21</Dt></ValDt>
        <AcctSvcrRef>UBS-1</AcctSvcrRef>
        <NtryDtls><TxDtls>
          <Refs><InstrId>I-1</InstrId><EndToEndId>E-1</EndToEndId><MndtId>M-9</MndtId></Refs>
          ${amt("20.97")}
          <AmtDtls><InstdAmt>${amt("19.69", "CHF")}</InstdAmt><TxAmt>${amt("20.97")}<CcyXchg><SrcCcy>CHF</SrcCcy><XchgRate>0.9433</XchgRate></CcyXchg></TxAmt></AmtDtls>
          <RltdPties><Dbtr><Pty><Nm>Own Company AG</Nm></Pty></Dbtr><Cdtr><Pty><Nm>DHL Express AG</Nm></Pty></Cdtr><CdtrAcct><Id><IBAN>CH5604835012345678009</IBAN></Id></CdtrAcct></RltdPties>
          <RltdAgts><CdtrAgt><FinInstnId><BICFI>UBSWCHZH80A</BICFI></FinInstnId></CdtrAgt></RltdAgts>
          <RmtInf>
            <Strd><RfrdDocInf><Tp><CdOrPrtry><Cd>CINV</Cd></CdOrPrtry></Tp><Nb>INV-2024-001</Nb></RfrdDocInf></Strd>
            <Strd><RfrdDocInf><Tp><CdOrPrtry><Cd>CREN</Cd></CdOrPrtry></Tp><Nb>CN-7</Nb></RfrdDocInf></Strd>
            <Strd><RfrdDocInf><Nb>INV-2024-002</Nb></RfrdDocInf><RfrdDocInf><Tp><CdOrPrtry><Cd>PUOR</Cd></CdOrPrtry></Tp><Nb>PO-1</Nb></RfrdDocInf>
              <CdtrRefInf><Tp><CdOrPrtry><Prtry>QRR</Prtry></CdOrPrtry></Tp><Ref>210000000003139471430009017</Ref></CdtrRefInf><AddtlRmtInf>see attached</AddtlRmtInf></Strd>
          </RmtInf>
        </TxDtls></NtryDtls>
      </Ntry></Stmt>`,
  );

  it("reads the Pty-wrapped parties, Sts/Cd, BICFI, the transaction amount and the exchange", () => {
    const entry = parsed(v08).statements[0]!.entries[0]!;
    expect(entry).toMatchObject({ ref: "UBS-1", status: "BOOK", currency: "EUR", direction: "debit", valueDate: "2024-06-21" });
    expect(entry.details[0]).toEqual({
      amount: 2097n,
      currency: "EUR",
      endToEndId: "E-1",
      instructionId: "I-1",
      mandateId: "M-9",
      fx: { instructedAmount: 1969n, instructedCurrency: "CHF", rate: "0.9433" },
      counterparty: { name: "DHL Express AG", iban: "CH5604835012345678009", bic: "UBSWCHZH80A" },
      remittance: {
        unstructured: ["see attached"],
        structured: { creditorReference: "210000000003139471430009017", referenceType: "QRR", invoiceNumbers: ["INV-2024-001", "INV-2024-002"], creditNoteNumbers: ["CN-7"] },
      },
    });
    expect(parsed(v08).statements[0]!.account).toEqual({ iban: "CH9300762011623852957", bic: "UBSWCHZH80A", currency: "CHF" });
  });

  it("accepts versions up to .001.13 and a namespace prefix, refuses .001.01", () => {
    expect(parsed(v08.replace("camt.053.001.08", "camt.053.001.13")).statements).toHaveLength(1);
    const prefixed = v08.replace(/<(\/?)([A-Za-z])/g, "<$1c:$2").replace("<c:Document xmlns=", "<c:Document xmlns:c=");
    expect(parsed(prefixed).statements[0]!.entries[0]!.amount).toBe(2097n);
    expect(refused(v08.replace("camt.053.001.08", "camt.053.001.01")).code).toBe("UNSUPPORTED_BANK_FORMAT");
  });

  it("refuses an entry without an amount currency, naming the element and its line", () => {
    const broken = v08.replace(amt("20.97"), "<Amt>20.97</Amt>");
    const error = refused(broken);
    expect(error).toMatchObject({ code: "MALFORMED_BANK_FILE", path: "Stmt[1]/Ntry[1]/Amt" });
    expect(error.message).toContain("Ccy");
  });

  it("refuses an entry with neither booking nor value date", () => {
    const broken = v08.replace("<BookgDt><Dt>2024-06-20</Dt></BookgDt><ValDt><Dt>2024-06-21</Dt></ValDt>", "");
    expect(refused(broken)).toMatchObject({ code: "MALFORMED_BANK_FILE", path: "Stmt[1]/Ntry[1]", line: lineOf(broken, "<Ntry>") });
  });
});
