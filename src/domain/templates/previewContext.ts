import type { MessageContext } from "./context.js";

/**
 * A realistic message context for previewing a template in the editor (and for tests): two overdue
 * invoices, a contact, a fee, bank details and a portal link, in the given language.
 */
export function previewContext(language: string): MessageContext {
  const eur = (amount: string) => ({ amount, currency: "EUR" });
  return {
    language,
    today: "2025-03-17",
    tenant: {
      name: "Northwind Supplies Ltd",
      email: "accounts@northwind.example",
      phone: "+44 20 7946 0000",
      address: ["1 Harbour Street", "London E14 5AB"],
      bankAccount: { iban: "GB33BUKB20201555555555", bic: "BUKBGB22", holder: "Northwind Supplies Ltd" },
    },
    customer: { name: "Contoso Retail", number: "C-1042" },
    contact: { name: "Maria Jensen" },
    items: [
      { number: "INV-2025-0017", issueDate: "2025-01-15", dueDate: "2025-02-14", daysOverdue: 31, amount: eur("1250.00"), open: eur("1250.00") },
      { number: "INV-2025-0042", issueDate: "2025-02-03", dueDate: "2025-03-05", daysOverdue: 12, amount: eur("980.50"), open: eur("480.50") },
    ],
    totals: { listed: eur("1730.50"), overdue: eur("1730.50"), open: eur("2930.50"), notDue: eur("1200.00"), count: 2 },
    daysOverdue: 31,
    payLink: "https://pay.northwind.example/p/7Kq2xV9m",
    paymentReference: "RF18539007547034",
    step: { id: "second-reminder", stage: 4 },
    sender: { name: "Tom Baker" },
    fee: eur("40.00"),
  };
}
