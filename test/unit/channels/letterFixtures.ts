import type { LetterContent } from "../../../src/channels/letters/letterPdf.js";
import type { TableContent } from "../../../src/channels/pdf/table.js";

/** n open items as the lead's mapping would pre-format them (German locale). */
export function openItems(n: number): TableContent {
  const rows = Array.from({ length: n }, (_, i) => [`RE-2025-${String(i + 1).padStart(4, "0")}`, "15.01.2025", "14.02.2025", `${30 + i}`, `${(1000 + i * 17).toLocaleString("de-DE")},00 €`]);
  return { header: ["Rechnung", "Datum", "Fällig", "Tage überfällig", "Offen"], rows, totals: [["Summe", "", "", "", "12.345,67 €"]], align: ["left", "left", "left", "right", "right"] };
}

export function letter(overrides: Partial<LetterContent> = {}): LetterContent {
  return {
    sender: { name: "Acme Großhandel GmbH", addressLines: ["Hauptstraße 5", "10115 Berlin", "Deutschland"] },
    recipient: { name: "Müller & Söhne KG", addressLines: ["z. Hd. Buchhaltung", "Königsallee 12", "40212 Düsseldorf", "Deutschland"] },
    date: "12. März 2025",
    place: "Berlin",
    subject: "Zahlungserinnerung – Kundennummer 10023",
    paragraphs: [
      "Sehr geehrte Damen und Herren,",
      "bei der Durchsicht unserer Konten ist uns aufgefallen, dass die folgenden Rechnungen noch offen sind. Sicher handelt es sich um ein Versehen. Wir bitten Sie, den offenen Betrag von 1.234,56 € bis zum 26. März 2025 zu überweisen.",
    ],
    items: openItems(3),
    afterItems: ["Sollten Sie die Zahlung bereits veranlasst haben, betrachten Sie dieses Schreiben bitte als gegenstandslos."],
    closing: "Mit freundlichen Grüßen\nAcme Großhandel GmbH – Debitorenbuchhaltung",
    footer: ["Acme Großhandel GmbH · Hauptstraße 5 · 10115 Berlin · HRB 12345 B · USt-IdNr. DE123456789", "IBAN DE89 3704 0044 0532 0130 00 · BIC COBADEFFXXX · Verwendungszweck RF18 5390 0754 7034"],
    reference: "Kundennr. 10023 · Ref. RF18 5390 0754 7034",
    ...overrides,
  };
}
