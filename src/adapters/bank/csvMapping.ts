import { z } from "zod";

/** A column: its header name (matched ignoring case and surrounding blanks) or, in files without a header, its 0-based position. */
const Column = z.union([z.string().trim().min(1), z.number().int().min(0)]);

const CSV_DATE_FORMATS = ["YYYY-MM-DD", "DD.MM.YYYY", "DD/MM/YYYY", "MM/DD/YYYY", "DD-MM-YYYY", "YYYYMMDD"] as const;

/**
 * How to read a bank's CSV export. Amounts come either from one signed column (negative = debit), from an
 * unsigned column with a credit/debit indicator column, or from separate credit and debit columns.
 */
export const CsvMapping = z
  .strictObject({
    delimiter: z.enum([",", ";", "\t", "|"]).default(","),
    /** "1.234,56": comma as decimal separator, "." or spaces grouping thousands. */
    decimalComma: z.boolean().default(false),
    header: z.boolean().default(true),
    /** Lines to skip before the header or first record (bank preambles such as account and period lines). */
    skipLines: z.number().int().min(0).default(0),
    dateFormat: z.enum(CSV_DATE_FORMATS).default("YYYY-MM-DD"),
    /** The currency of every row, when the file has no currency column. */
    currency: z.string().length(3).optional(),
    account: z.strictObject({ iban: z.string().optional(), number: z.string().optional(), bic: z.string().optional() }).optional(),
    columns: z.strictObject({
      bookingDate: Column,
      valueDate: Column.optional(),
      amount: Column.optional(),
      credit: Column.optional(),
      debit: Column.optional(),
      direction: z.strictObject({ column: Column, credit: z.array(z.string()).min(1), debit: z.array(z.string()).min(1) }).optional(),
      currency: Column.optional(),
      reference: Column.optional(),
      endToEndId: Column.optional(),
      counterpartyName: Column.optional(),
      counterpartyIban: Column.optional(),
      /** One column, or several read as separate remittance lines. */
      remittance: z.union([Column, z.array(Column).min(1)]).optional(),
    }),
  })
  .superRefine((mapping, ctx) => {
    const { amount, credit, debit, direction, currency } = mapping.columns;
    if ((amount === undefined) === (credit === undefined && debit === undefined)) {
      ctx.addIssue({ code: "custom", path: ["columns", "amount"], message: "map either amount, or credit and debit" });
    }
    if ((credit === undefined) !== (debit === undefined)) ctx.addIssue({ code: "custom", path: ["columns", credit === undefined ? "credit" : "debit"], message: "credit and debit go together" });
    if (direction !== undefined && amount === undefined) ctx.addIssue({ code: "custom", path: ["columns", "direction"], message: "a direction column qualifies the amount column" });
    if (currency === undefined && mapping.currency === undefined) ctx.addIssue({ code: "custom", path: ["currency"], message: "give a currency, or map a currency column" });
    if (!mapping.header) {
      for (const [name, column] of Object.entries(mapping.columns)) {
        const columns = Array.isArray(column) ? column : [typeof column === "object" ? column.column : column];
        if (columns.some((c) => typeof c === "string")) ctx.addIssue({ code: "custom", path: ["columns", name], message: "without a header, columns are 0-based positions" });
      }
    }
  });

export type CsvMappingInput = z.input<typeof CsvMapping>;
export type CsvMappingConfig = z.output<typeof CsvMapping>;
