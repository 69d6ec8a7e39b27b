import { describe, expect, it } from "vitest";
import { amt, camtXml, parsed, refused } from "./bankFileKit.js";

const camt = camtXml("camt.053", "02", `<Stmt><Id>S</Id><Acct><Id><IBAN>DE89370400440532013000</IBAN></Id></Acct><Ntry>${amt("1.00")}<CdtDbtInd>CRDT</CdtDbtInd><BookgDt><Dt>2024-05-02</Dt></BookgDt></Ntry></Stmt>`);
const mt940 = ":20:S\n:25:DE89370400440532013000\n:60F:C240501EUR0,00\n:61:240502C1,00NTRFNONREF\n:86:Zahlung für Rechnung 7\n:62F:C240502EUR1,00\n";
const bai2 = "01,S,R,240502,0600,1,,,2/\n02,R,B,1,240502,,USD,2/\n03,1,USD,010,0,,/\n16,195,100,Z,REF,,X/\n49,100,3/\n98,100,1,5/\n99,100,1,7/\n";

describe("parseBankFile", () => {
  it("sniffs each format from the content", () => {
    expect(parsed(camt).format).toBe("camt.053");
    expect(parsed(mt940).format).toBe("mt940");
    expect(parsed(bai2).format).toBe("bai2");
    expect(parsed("\uFEFF  \n" + mt940).format).toBe("mt940");
  });

  it("reads bytes: UTF-8 with BOM, Windows-1252 MT940 and XML in its declared encoding", () => {
    const utf8 = new TextEncoder().encode("\uFEFF" + mt940);
    expect(parsed(utf8).statements[0]!.entries[0]!.details[0]!.remittance.unstructured).toEqual(["Zahlung für Rechnung 7"]);
    const latin1 = Uint8Array.from(mt940, (c) => c.charCodeAt(0));
    expect(parsed(latin1).statements[0]!.entries[0]!.details[0]!.remittance.unstructured).toEqual(["Zahlung für Rechnung 7"]);
    const declared = camt.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"').replace("<Id>S</Id>", "<Id>Müller</Id>");
    expect(parsed(Uint8Array.from(declared, (c) => c.charCodeAt(0))).statements[0]!.id).toBe("Müller");
  });

  it("refuses what it does not recognize, and CSV without a mapping", () => {
    expect(refused("date,amount\n2024-05-02,1.00\n")).toMatchObject({ code: "UNSUPPORTED_BANK_FORMAT", line: 1 });
    expect(refused("<html><body/></html>")).toMatchObject({ code: "UNSUPPORTED_BANK_FORMAT" });
    expect(refused(camt.replace(/BkToCstmrStmt/g, "BkToCstmrAcctRpt").replace("camt.053", "camt.052"))).toMatchObject({ code: "UNSUPPORTED_BANK_FORMAT" });
    expect(refused(mt940, { format: "mt942" as never })).toMatchObject({ code: "UNSUPPORTED_BANK_FORMAT", path: "format" });
  });

  it("reads the format the caller names, whatever the sniffer would say", () => {
    expect(refused(mt940, { format: "bai2" })).toMatchObject({ code: "MALFORMED_BANK_FILE", line: 1 });
    expect(refused(camt, { format: "mt940" }).code).toBe("MALFORMED_BANK_FILE");
  });
});
