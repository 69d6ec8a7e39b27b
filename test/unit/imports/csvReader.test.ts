import fc from "fast-check";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { describe, expect, it } from "vitest";
import { CsvReader, countLines } from "../../../src/app/imports/source/csvReader.js";
import { sniffDelimiter, sniffFormat } from "../../../src/app/imports/source/sniff.js";
import { Failure } from "../../../src/domain/errors.js";

const readAll = (text: string, delimiter: "," | ";" | "\t" = ",") => {
  const reader = new CsvReader(text, delimiter);
  const records = [];
  for (let r = reader.next(); r; r = reader.next()) records.push(r);
  return records;
};

describe("CsvReader", () => {
  it("reads what csv-stringify writes exactly as csv-parse does", () => {
    const cellText = fc.string({ unit: fc.constantFrom("a", "B", "7", " ", ",", ";", '"', "\n", "\r\n", "ä", "\t") });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.constantFrom(",", ";", "\t"), fc.boolean(), (width, delimiter, crlf) =>
        fc.assert(
          fc.property(fc.array(fc.array(cellText, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 8 }), (rows) => {
            // a row of nothing but empty cells is a blank line, which both readers skip
            const kept = rows.filter((r) => r.some((c) => c.trim() !== ""));
            const text = stringify(rows, { delimiter, record_delimiter: crlf ? "\r\n" : "\n", quoted_match: /[\r\n]/ });
            const recordDelimiter = crlf ? "\r\n" : "\n";
            const expected = (parse(text, { delimiter, record_delimiter: recordDelimiter, relax_column_count: true, skip_empty_lines: true }) as string[][]).filter((r) => r.some((c) => c.trim() !== ""));
            expect(readAll(text, delimiter as "," | ";" | "\t").map((r) => r.fields)).toEqual(kept);
            expect(expected).toEqual(kept);
          }),
          { numRuns: 20 },
        ),
      ),
      { numRuns: 30 },
    );
  });

  it("numbers each record by the physical line it starts on", () => {
    const records = readAll('h1,h2\r\n\r\na,"multi\nline"\r\nb,c\n\n  ,  \nd,e');
    expect(records.map((r) => [r.line, r.fields])).toEqual([
      [1, ["h1", "h2"]],
      [3, ["a", "multi\nline"]],
      [5, ["b", "c"]],
      [8, ["d", "e"]],
    ]);
  });

  it("keeps a quote inside an unquoted field and unescapes doubled quotes", () => {
    expect(readAll('12" pipe,"say ""hi"""\n').map((r) => r.fields)).toEqual([['12" pipe', 'say "hi"']]);
  });

  it("fails with the line of an unclosed quote or of text after a closing quote", () => {
    const failure = (text: string) => {
      try {
        readAll(text);
      } catch (error) {
        return error instanceof Failure ? [error.error.code, error.error.line] : error;
      }
      return undefined;
    };
    expect(failure('a,b\nc,"open\nd,e\n')).toEqual(["MALFORMED_FILE", 2]);
    expect(failure('a,b\n"c"x,d\n')).toEqual(["MALFORMED_FILE", 2]);
  });

  it("counts lines for the progress total", () => {
    expect([countLines(""), countLines("a"), countLines("a\n"), countLines("a\nb"), countLines("a\r\nb\r\n")]).toEqual([0, 1, 1, 2, 2]);
  });
});

describe("sniffing", () => {
  it("takes the delimiter that dominates the header, outside quotes", () => {
    expect(sniffDelimiter("a;b;c\n1,5;2;3")).toBe(";");
    expect(sniffDelimiter("a\tb\tc")).toBe("\t");
    expect(sniffDelimiter('"x;y;z",b,c\n')).toBe(",");
    expect(sniffDelimiter("single")).toBe(",");
  });

  it("reads JSON by name or by its first character", () => {
    expect(sniffFormat("a,b", { fileName: "x.JSON" })).toBe("json");
    expect(sniffFormat("  \n [ ]", {})).toBe("json");
    expect(sniffFormat("[ ]", { format: "csv" })).toBe("csv");
    expect(sniffFormat("number,amount", {})).toBe("csv");
  });
});
