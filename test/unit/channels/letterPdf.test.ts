import { describe, expect, it } from "vitest";
import { renderLetterPdf } from "../../../src/channels/letters/letterPdf.js";
import { PAPER_LAYOUTS } from "../../../src/channels/pdf/paperLayouts.js";
import { toWinAnsi } from "../../../src/channels/pdf/winAnsiText.js";
import { letter, openItems } from "./letterFixtures.js";
import { readPdf, type PdfPage } from "./pdfReader.js";

const MM = 72 / 25.4;

const runOf = (page: PdfPage, text: string) => {
  const run = page.runs.find((r) => r.text.trim() === text);
  expect(run, `"${text}" on the page`).toBeDefined();
  return run!;
};

describe("letter PDF", () => {
  it("renders a one-page A4 letter with every part, in Latin-1 and €", async () => {
    const pdf = await renderLetterPdf(letter(), { paper: "A4" });
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const pages = readPdf(pdf);
    expect(pages).toHaveLength(1);
    const [page] = pages;
    expect(page!.width).toBeCloseTo(595.28, 1);
    expect(page!.height).toBeCloseTo(841.89, 1);
    for (const text of [
      "Acme Großhandel GmbH",
      "Müller & Söhne KG",
      "Königsallee 12",
      "40212 Düsseldorf",
      "Berlin, 12. März 2025",
      "Kundennr. 10023 · Ref. RF18 5390 0754 7034",
      "Zahlungserinnerung – Kundennummer 10023",
      "Sehr geehrte Damen und Herren,",
      "Mit freundlichen Grüßen",
      "1.017,00 €",
      "12.345,67 €",
    ]) {
      expect(page!.text, text).toContain(text);
    }
    expect(page!.text).toContain("Acme Großhandel GmbH · Hauptstraße 5 · 10115 Berlin · Deutschland"); // return address
    expect(page!.text).not.toMatch(/^\d+\/\d+$/m); // a single page carries no page number
  });

  it("places the recipient in the DIN 5008 form B window and the return address above it", async () => {
    const [page] = readPdf(await renderLetterPdf(letter(), { paper: "A4" }));
    const field = PAPER_LAYOUTS.A4.addressField;
    const name = runOf(page!, "Müller & Söhne KG");
    const country = page!.runs.filter((r) => r.text.trim() === "Deutschland").at(-1)!; // the recipient's, not the letterhead's
    const returnLine = page!.runs.find((r) => r.text.startsWith("Acme Großhandel GmbH · "))!;

    expect(name.x).toBeCloseTo(20 * MM, 1);
    for (const run of [name, country, returnLine]) {
      expect(run.y).toBeGreaterThan(45 * MM);
      expect(run.y).toBeLessThan(90 * MM); // the field is 45 mm high from 45 mm
    }
    expect(returnLine.y).toBeLessThan(field.top + field.returnZone);
    expect(name.y).toBeGreaterThan(field.top + field.returnZone);
    expect(runOf(page!, "Zahlungserinnerung – Kundennummer 10023").y).toBeGreaterThan(98 * MM);
  });

  it("places the recipient in the #10 window on US Letter", async () => {
    const [page] = readPdf(await renderLetterPdf(letter({ recipient: { name: "Buyer Inc.", addressLines: ["100 Main Street", "Springfield, IL 62701"] } }), { paper: "LETTER" }));
    expect([page!.width, page!.height]).toEqual([612, 792]);
    const name = runOf(page!, "Buyer Inc.");
    const city = runOf(page!, "Springfield, IL 62701");
    expect(name.x).toBeCloseTo(0.875 * 72, 1);
    expect(name.y).toBeGreaterThan(2 * 72);
    expect(city.y).toBeLessThan(3.125 * 72); // the window is 1 1/8 in high from 2 in
  });

  it("continues a long items table over pages with the header on each and numbers the pages", async () => {
    const items = openItems(120);
    const pages = readPdf(await renderLetterPdf(letter({ items }), { paper: "A4" }));
    expect(pages.length).toBeGreaterThanOrEqual(3);

    pages.forEach((page, i) => {
      expect(page.runs.filter((r) => r.text.trim() === "Tage überfällig"), `header on page ${i + 1}`).toHaveLength(1);
      expect(page.runs.map((r) => r.text.trim()), `page number on page ${i + 1}`).toContain(`${i + 1}/${pages.length}`);
      expect(page.text, `footer on page ${i + 1}`).toContain("IBAN DE89 3704 0044 0532 0130 00");
    });
    const invoiceNumbers = pages.flatMap((p) => p.runs.map((r) => r.text.trim()).filter((t) => t.startsWith("RE-2025-")));
    expect(invoiceNumbers).toEqual(items.rows.map((row) => row[0]));
    expect(pages.at(-1)!.text).toContain("12.345,67 €");
    expect(pages.at(-1)!.text).toContain("Mit freundlichen Grüßen");

    // nothing drawn into the footer zone: every body run sits above the page number
    for (const page of pages) {
      const pageNumber = page.runs.find((r) => /^\d+\/\d+$/.test(r.text.trim()))!;
      const bodyRuns = page.runs.filter((r) => r.text.startsWith("RE-2025-"));
      expect(Math.max(...bodyRuns.map((r) => r.y))).toBeLessThan(pageNumber.y);
    }
  });

  it("writes characters outside WinAnsi as their nearest Latin-1 letter", async () => {
    const [page] = readPdf(await renderLetterPdf(letter({ recipient: { name: "Łódź Kővári Sp. z o.o.", addressLines: ["ul. Piotrkowska 1", "90-001 Łódź", "Polska"] } }), { paper: "A4" }));
    expect(page!.text).toContain("Lódz Kovári Sp. z o.o.");
    expect(page!.text).toContain("90-001 Lódz");
  });
});

describe("WinAnsi text", () => {
  it("keeps Latin-1 and the WinAnsi extras, maps the rest", () => {
    expect(toWinAnsi("äöüß éç ñ € „Anführung“ – Œuvre Š")).toBe("äöüß éç ñ € „Anführung“ – Œuvre Š");
    expect(toWinAnsi("1\u202f234,56\u00a0€")).toBe("1\u00a0234,56\u00a0€"); // fr-FR grouping
    expect(toWinAnsi("Dvořák, Łukasz, Ørsted")).toBe("Dvorák, Lukasz, Ørsted");
    expect(toWinAnsi("東京\r\nline")).toBe("??\nline");
  });
});
