import { describe, expect, it } from "vitest";
import { renderPrintBatch } from "../../../src/channels/letters/printBatch.js";
import { letter, openItems } from "./letterFixtures.js";
import { readPdf } from "./pdfReader.js";

// a one-page letter, a three-page letter (long items table) and another one-page letter
const letters = [
  { content: letter({ recipient: { name: "First Customer AG", addressLines: ["Weg 1", "80331 München"] } }) },
  { content: letter({ recipient: { name: "Second Customer GmbH", addressLines: ["Weg 2", "20095 Hamburg"] }, items: openItems(90) }) },
  { content: letter({ recipient: { name: "Third Customer SE", addressLines: ["Weg 3", "50667 Köln"] } }) },
];

const pageNumbers = (runs: { text: string }[]) => runs.map((r) => r.text.trim()).filter((t) => /^\d+\/\d+$/.test(t));

describe("print batch", () => {
  it("starts every letter on a new page and numbers pages per letter", async () => {
    const batch = await renderPrintBatch(letters, { paper: "A4", duplex: false });
    const pages = readPdf(batch.pdf);

    expect(batch.letters).toEqual([
      { firstPage: 1, pageCount: 1 },
      { firstPage: 2, pageCount: 3 },
      { firstPage: 5, pageCount: 1 },
    ]);
    expect(pages).toHaveLength(5);
    expect(pages[0]!.text).toContain("First Customer AG");
    expect(pages[1]!.text).toContain("Second Customer GmbH");
    expect(pages[4]!.text).toContain("Third Customer SE");
    expect(pages.map((p) => pageNumbers(p.runs))).toEqual([[], ["1/3"], ["2/3"], ["3/3"], []]);
  });

  it("adds a blank page after an odd-length letter for duplex printing, so each letter starts on a front side", async () => {
    const batch = await renderPrintBatch(letters, { paper: "A4", duplex: true });
    const pages = readPdf(batch.pdf);

    expect(batch.letters).toEqual([
      { firstPage: 1, pageCount: 1 },
      { firstPage: 3, pageCount: 3 },
      { firstPage: 7, pageCount: 1 },
    ]);
    expect(pages).toHaveLength(7); // no blank page after the last letter
    expect(pages[1]!.runs).toEqual([]);
    expect(pages[5]!.runs).toEqual([]);
    for (const { firstPage } of batch.letters) expect(firstPage % 2).toBe(1);
    expect(pages[6]!.text).toContain("Third Customer SE");
  });

  it("renders US Letter batches on US Letter pages", async () => {
    const pages = readPdf((await renderPrintBatch(letters.slice(0, 1), { paper: "LETTER", duplex: true })).pdf);
    expect(pages.map((p) => [p.width, p.height])).toEqual([[612, 792]]);
  });
});
