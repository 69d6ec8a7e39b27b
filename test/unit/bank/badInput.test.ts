import { describe, expect, it } from "vitest";
import { amt, bal, camtXml, lineOf, refused } from "./bankFileKit.js";

// The bad-input cases of issue 6: each refuses the whole file with a code naming the line or element.

const statement = camtXml(
  "camt.053",
  "02",
  `<Stmt><Id>S1</Id><Acct><Id><IBAN>DE89370400440532013000</IBAN></Id></Acct>
  ${bal("OPBD", "1.00", "CRDT", "2024-05-01")}
  <Ntry>${amt("10.00")}<CdtDbtInd>CRDT</CdtDbtInd><BookgDt><Dt>2024-05-02</Dt></BookgDt></Ntry>
</Stmt>`,
);

describe("malformed XML", () => {
  it("names the line where the XML breaks", () => {
    const broken = statement.replace("</Ntry>", "</Entry>");
    const error = refused(broken);
    expect(error).toMatchObject({ code: "MALFORMED_BANK_FILE", line: lineOf(broken, "</Entry>") });
    expect(error.message).toMatch(/^line \d+: malformed XML/);
  });

  it("refuses a file cut off in the middle", () => {
    expect(refused(statement.slice(0, statement.length / 2)).code).toBe("MALFORMED_BANK_FILE");
  });
});

describe("XML with a DTD or entities", () => {
  it("refuses an internal DTD (billion laughs) before parsing, naming its line", () => {
    const laughs = statement.replace(
      "<Document",
      '<!DOCTYPE Document [\n<!ENTITY lol "lol">\n<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">\n]>\n<Document',
    );
    expect(refused(laughs)).toMatchObject({ code: "XML_DTD_FORBIDDEN", line: 2 });
  });

  it("refuses an external entity (XXE)", () => {
    const xxe = statement.replace("<Document", '<!DOCTYPE Document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<Document').replace("<Id>S1</Id>", "<Id>&xxe;</Id>");
    expect(refused(xxe)).toMatchObject({ code: "XML_DTD_FORBIDDEN", line: 2 });
  });

  it("refuses an entity declaration even without DOCTYPE, and whatever the case", () => {
    expect(refused(statement.replace("<Stmt>", '<!entity x "y">\n<Stmt>'))).toMatchObject({ code: "XML_DTD_FORBIDDEN", line: lineOf(statement, "<Stmt>") });
  });

  it("does not expand undeclared entity references, and reads the predefined ones", () => {
    const error = refused(statement.replace("<Id>S1</Id>", "<Id>&foo; &amp; &lt;</Id>").replace('Ccy="EUR">10.00', 'Ccy="&#88;YZ">10.00'));
    // the character reference is decoded: the currency is read as XYZ, not as the raw text
    expect(error).toMatchObject({ code: "UNKNOWN_CURRENCY", path: "Stmt[1]/Ntry[1]/Amt" });
  });
});

describe("a 50 MB file", () => {
  const fiftyMegabytes = 50 * 1024 * 1024;

  it("is refused from its size alone, as bytes or as text", () => {
    expect(refused(new Uint8Array(fiftyMegabytes))).toMatchObject({ code: "FILE_TOO_LARGE" });
    expect(refused(":20:X\n".padEnd(fiftyMegabytes, "x"))).toMatchObject({ code: "FILE_TOO_LARGE" });
  });

  it("counts UTF-8 bytes of text, and honours a smaller limit", () => {
    expect(refused("ü".repeat(600), { maxBytes: 1000 })).toMatchObject({ code: "FILE_TOO_LARGE" });
    expect(refused(statement, { maxBytes: 100 }).message).toContain("limit of 100 bytes");
  });
});

describe("MT940 with a broken balance line", () => {
  const mt940 = [":20:STMT1", ":25:DE89370400440532013000", ":28C:7/1", ":60F:C240501EUR100,00", ":61:2405020502C50,00NTRFNONREF//B1", ":86:Payment INV-1", ":62F:C240502EUR150,00", "-"].join("\r\n");

  it("refuses an unreadable closing balance, naming its line", () => {
    const broken = mt940.replace(":62F:C240502EUR150,00", ":62F:C2405EUR150,00");
    expect(refused(broken)).toMatchObject({ code: "MALFORMED_BANK_FILE", line: 7, path: ":62F:" });
  });

  it("refuses a closing balance that is not opening plus entries, naming the statement and the :62F: line", () => {
    const error = refused(mt940.replace("EUR150,00", "EUR151,00"));
    expect(error).toMatchObject({ code: "BALANCE_MISMATCH", line: 7, path: ":62F:" });
    expect(error.message).toContain("statement STMT1/7/1");
    expect(refused(mt940.replace(":60F:C240501EUR100,00", ":60F:D240501EUR100,00")).code).toBe("BALANCE_MISMATCH");
  });

  it("refuses a statement without a closing balance", () => {
    expect(refused(mt940.replace(":62F:C240502EUR150,00\r\n", ""))).toMatchObject({ code: "MALFORMED_BANK_FILE", line: 1, path: ":20:" });
  });
});

describe("BAI2 whose control totals do not add up", () => {
  const bai2 = [
    "01,SENDER,RECEIVER,240502,0600,1,,,2/",
    "02,RECEIVER,BANK1,1,240502,,USD,2/",
    "03,123456,USD,010,100000,,,015,150000,,/",
    "16,195,50000,Z,BR1,CR1,INCOMING WIRE/",
    "49,300000,3/",
    "98,300000,1,5/",
    "99,300000,1,7/",
  ];

  it("refuses a wrong account total, naming the 49 record's line", () => {
    const error = refused(bai2.with(4, "49,300001,3/").join("\n"));
    expect(error).toMatchObject({ code: "CONTROL_TOTAL_MISMATCH", line: 5, path: "49 record" });
    expect(error.message).toContain("account 123456");
  });

  it("refuses wrong record and account counts in the 49, 98 and 99 trailers", () => {
    expect(refused(bai2.with(4, "49,300000,4/").join("\n"))).toMatchObject({ code: "CONTROL_TOTAL_MISMATCH", line: 5 });
    expect(refused(bai2.with(5, "98,300000,2,5/").join("\n"))).toMatchObject({ code: "CONTROL_TOTAL_MISMATCH", line: 6 });
    expect(refused(bai2.with(6, "99,300000,1,8/").join("\n"))).toMatchObject({ code: "CONTROL_TOTAL_MISMATCH", line: 7 });
    expect(refused(bai2.with(6, "99,299999,1,7/").join("\n"))).toMatchObject({ code: "CONTROL_TOTAL_MISMATCH", line: 7, path: "99 record" });
  });
});

describe("a statement in an unknown currency", () => {
  it("names the camt element and its line", () => {
    const xyz = statement.replace(amt("10.00"), amt("10.00", "XYZ"));
    expect(refused(xyz)).toMatchObject({ code: "UNKNOWN_CURRENCY", path: "Stmt[1]/Ntry[1]/Amt", line: lineOf(xyz, 'Ccy="XYZ">10.00') });
  });

  it("names the MT940 balance line", () => {
    expect(refused(":20:S\n:25:123\n:60F:C240501XYZ1,00\n:62F:C240501XYZ1,00\n")).toMatchObject({ code: "UNKNOWN_CURRENCY", line: 3, path: ":60F:" });
  });

  it("names the BAI2 account record", () => {
    const bai2 = ["01,S,R,240502,0600,1,,,2/", "02,R,B,1,240502,,,2/", "03,123456,XYZ,010,1,,/", "49,1,2/", "98,1,1,4/", "99,1,1,6/"].join("\n");
    expect(refused(bai2)).toMatchObject({ code: "UNKNOWN_CURRENCY", line: 3 });
  });

  it("names the CSV line and column", () => {
    const csv = "date,amount,currency\n2024-05-02,10.00,EUR\n2024-05-03,12.00,XYZ\n";
    const mapping = { columns: { bookingDate: "date", amount: "amount", currency: "currency" } };
    expect(refused(csv, { csvMapping: mapping })).toMatchObject({ code: "UNKNOWN_CURRENCY", line: 3, path: "currency" });
  });
});
