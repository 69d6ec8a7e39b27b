import { describe, expect, it } from "vitest";
import { renderInvoiceCopyPdf, type InvoiceCopyContent } from "../../../src/channels/documents/invoiceCopyPdf.js";
import { renderStatementPdf } from "../../../src/channels/documents/statementPdf.js";
import { letter, openItems } from "./letterFixtures.js";
import { readPdf } from "./pdfReader.js";

const { sender, recipient, footer } = letter();

const invoiceCopy: InvoiceCopyContent = {
  sender,
  recipient,
  date: "12. März 2025",
  place: "Berlin",
  title: "Rechnungskopie RE-2025-0042",
  number: { label: "Rechnungsnummer", value: "RE-2025-0042" },
  issueDate: { label: "Rechnungsdatum", value: "15.01.2025" },
  dueDate: { label: "Fällig am", value: "14.02.2025" },
  customer: { label: "Kunde", value: "Müller & Söhne KG (10023)" },
  terms: { label: "Zahlungsbedingungen", value: "30 Tage netto; 2 % Skonto bei Zahlung binnen 10 Tagen" },
  paymentReference: { label: "Verwendungszweck", value: "RF18 5390 0754 7034" },
  net: { label: "Nettobetrag", value: "1.000,00 €" },
  tax: { label: "USt. 19 %", value: "190,00 €" },
  amount: { label: "Rechnungsbetrag", value: "1.190,00 €" },
  open: { label: "Offener Betrag", value: "690,00 €" },
  lines: { header: ["Pos.", "Beschreibung", "Menge", "Betrag"], rows: [["1", "Schrauben M8, verzinkt", "1.000", "1.000,00 €"]], align: ["left", "left", "right", "right"] },
  notes: ["Bitte überweisen Sie den offenen Betrag auf IBAN DE89 3704 0044 0532 0130 00 mit dem Verwendungszweck RF18 5390 0754 7034."],
  footer,
};

describe("invoice copy PDF", () => {
  it("shows the invoice's facts and amounts on one page", async () => {
    const pdf = await renderInvoiceCopyPdf(invoiceCopy, { paper: "A4" });
    expect(pdf.subarray(0, 4).toString("latin1")).toBe("%PDF");
    const pages = readPdf(pdf);
    expect(pages).toHaveLength(1);
    const lines = pages[0]!.runs.map((r) => r.text.trim());
    for (const fact of [invoiceCopy.number, invoiceCopy.issueDate, invoiceCopy.dueDate, invoiceCopy.customer, invoiceCopy.terms, invoiceCopy.paymentReference, invoiceCopy.net!, invoiceCopy.tax, invoiceCopy.amount, invoiceCopy.open]) {
      expect(lines).toContain(fact.label);
      expect(lines).toContain(fact.value);
    }
    expect(lines).toContain("Rechnungskopie RE-2025-0042");
    expect(lines).toContain("Schrauben M8, verzinkt");
    // the open amount comes last among the amounts
    const y = (text: string) => pages[0]!.runs.find((r) => r.text.trim() === text)!.y;
    expect(y("690,00 €")).toBeGreaterThan(y("1.190,00 €"));
    expect(y("1.190,00 €")).toBeGreaterThan(y("190,00 €"));
  });

  it("wraps a long description within its column and keeps amounts on one line", async () => {
    const description = "Sonderanfertigung nach Zeichnung 4711, Edelstahl V4A, gebürstet, inklusive Montage vor Ort, Anfahrt und Entsorgung des Verpackungsmaterials";
    const lines = { ...invoiceCopy.lines!, rows: [["1", description, "1", "12.345.678,90 €"]] };
    const [page] = readPdf(await renderInvoiceCopyPdf({ ...invoiceCopy, lines }, { paper: "A4" }));
    const amount = page!.runs.find((r) => r.text === "12.345.678,90 €")!;
    const descriptionRuns = page!.runs.filter((r) => description.includes(r.text.trim()) && r.text.trim().length > 10);

    expect(descriptionRuns.length).toBeGreaterThan(1);
    expect(descriptionRuns.map((r) => r.text.trim()).join(" ")).toBe(description);
    expect(amount.x).toBeGreaterThan(Math.max(...descriptionRuns.map((r) => r.x)));
    expect(amount.x).toBeLessThan(page!.width - 20 * (72 / 25.4)); // inside the right margin
  });
});

describe("statement PDF", () => {
  it("lists all open items with totals over numbered pages", async () => {
    const items = openItems(70);
    const pdf = await renderStatementPdf(
      { sender, recipient, date: "1. April 2025", place: "Berlin", title: "Kontoauszug", asOf: "Stand: 31.03.2025", references: ["Kundennr. 10023"], intro: ["Ihre offenen Posten:"], items, notes: ["Bitte prüfen Sie den Auszug."], footer },
      { paper: "LETTER" },
    );
    const pages = readPdf(pdf);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(pages[0]!.text).toContain("Stand: 31.03.2025");
    expect(pages[0]!.text).toContain("Kundennr. 10023");
    pages.forEach((page, i) => {
      expect(page.runs.map((r) => r.text.trim())).toContain("Rechnung");
      expect(page.runs.map((r) => r.text.trim())).toContain(`${i + 1}/${pages.length}`);
    });
    const listed = pages.flatMap((p) => p.runs.map((r) => r.text.trim()).filter((t) => t.startsWith("RE-2025-")));
    expect(listed).toEqual(items.rows.map((row) => row[0]));
    expect(pages.at(-1)!.text).toContain("12.345,67 €");
  });
});
