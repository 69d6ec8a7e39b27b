/**
 * How a payer is recognised again: by IBAN (exact, without blanks) or by name. Bank files spell names
 * differently from one payment to the next ("Müller GmbH", "MUELLER GMBH", "Muller Gmbh."), so names are
 * compared without case, accents, punctuation and legal-form words.
 */

const NORMALIZED_IBAN = /^[A-Z0-9]*$/;

/** "de89 3704 0044 0532 0130 00" → "DE89370400440532013000". */
export const normalizeIban = (iban: string): string => (NORMALIZED_IBAN.test(iban) ? iban : iban.replace(/\s+/g, "").toUpperCase());

// Legal forms say nothing about who paid and are written with and without dots, so they are dropped.
const LEGAL_FORMS = new Set(
  "AG BV CO CORP CORPORATION GMBH INC KG KGAA LLC LLP LP LTD LIMITED NV OHG PLC SA SARL SAS SE SPA SRL UG".split(" "),
);

/** "Müller & Söhne GmbH & Co. KG" → "MULLER SOHNE", "MUSTER G.M.B.H." → "MUSTER"; empty when nothing distinctive is left. */
export function normalizePayerName(name: string): string {
  return name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toUpperCase()
    .replace(/[.']/g, "") // "G.M.B.H." is GMBH, "O'Neil" ONEIL
    .replace(/[^A-Z0-9]+/g, " ")
    .split(" ")
    .filter((word) => word !== "" && !LEGAL_FORMS.has(word))
    .join(" ");
}
