import { describe, expect, it } from "vitest";
import { messageLanguage, reminderContent } from "../../../src/app/outbox/messageContext.js";
import { letterContent } from "../../../src/app/outbox/messageDocuments.js";
import type { TenantChannels } from "../../../src/app/settings/tenantChannels.js";
import type { OpenItemRow, ReminderFactsRow } from "../../../src/store/outboxMessages.js";

const facts = (overrides: Partial<ReminderFactsRow> = {}): ReminderFactsRow => ({
  action_id: "a1",
  run_date: "2024-04-08",
  step_id: "formal",
  step_index: 2,
  cycle: 1,
  channel: "email",
  invoice_ids: ["i1", "i2"],
  customer_id: "c1",
  currency: "EUR",
  overdue_amount: 15000n,
  customer_name: "Kunde AG",
  customer_number: "K 100/7",
  customer_language: "de",
  address_lines: ["Lindenallee 5", "10115 Berlin"],
  customer_do_not_dun: false,
  contact_id: "p1",
  contact_name: "Jana Schulz",
  contact_email: "ap@kunde.example",
  contact_phone: null,
  contact_language: null,
  collector_name: null,
  ...overrides,
});

const item = (id: string, overrides: Partial<OpenItemRow> = {}): OpenItemRow => ({
  invoice_id: id,
  customer_id: "c1",
  currency: "EUR",
  number: id.toUpperCase(),
  issue_date: "2024-03-01",
  due_date: "2024-03-31",
  amount: 10000n,
  tax_amount: 0n,
  terms: null,
  open: 10000n,
  disputed: false,
  do_not_dun: false,
  ...overrides,
});

const tenant: TenantChannels = {
  tenantId: "t1",
  name: "Test GmbH",
  language: "en",
  country: "DE",
  timezone: "Europe/Berlin",
  updatedAt: null,
  settings: {
    email: { host: "smtp.example", port: 587, from: "Test AR <ar@test.example>" },
    sms: null,
    letterPaper: "A4",
    senderAddress: ["Hafenstraße 1", "20457 Hamburg"],
    bank: { iban: "DE89370400440532013000" },
    portalUrl: "https://pay.example/",
    defaultPolicy: "standard",
  },
};

const account = [item("i1"), item("i2", { due_date: "2024-04-04", open: 5000n, amount: 5000n }), item("i3", { due_date: "2024-05-01", open: 2500n })];

describe("reminder content", () => {
  it("lists the run's invoices with today's open amounts, days overdue on the run date and the account's totals", () => {
    const content = reminderContent(facts(), account, tenant, "de");
    if (content.kind !== "content") throw new Error(content.reason);
    const c = content.context;
    expect(c.items.map((i) => [i.number, i.daysOverdue, i.open.amount])).toEqual([["I1", 8, "100.00"], ["I2", 4, "50.00"]]);
    expect(c.totals).toEqual({ listed: { amount: "150.00", currency: "EUR" }, overdue: { amount: "150.00", currency: "EUR" }, open: { amount: "175.00", currency: "EUR" }, notDue: { amount: "25.00", currency: "EUR" }, count: 2 });
    expect(c).toMatchObject({ language: "de", today: "2024-04-08", daysOverdue: 8, paymentReference: "K 100/7", payLink: "https://pay.example/c/K%20100%2F7", step: { id: "formal", stage: 3 } });
    expect(c.tenant).toEqual({ name: "Test GmbH", email: "ar@test.example", address: ["Hafenstraße 1", "20457 Hamburg"], bankAccount: { iban: "DE89370400440532013000" } });
  });

  it("drops what was paid since the run and quotes the one invoice left as the payment reference", () => {
    const content = reminderContent(facts(), account.filter((i) => i.invoice_id !== "i1"), tenant, "de");
    expect(content).toMatchObject({ kind: "content", context: { paymentReference: "I2", items: [{ number: "I2" }], totals: { count: 1 } } });
  });

  it("has nothing left to say when everything was paid, disputed or the customer may not be chased", () => {
    expect(reminderContent(facts(), [item("i3")], tenant, "de")).toEqual({ kind: "nothing_left", reason: "paid before delivery" });
    expect(reminderContent(facts(), [item("i1", { disputed: true })], tenant, "de")).toMatchObject({ kind: "nothing_left", reason: "disputed or excluded before delivery" });
    expect(reminderContent(facts({ customer_do_not_dun: true }), account, tenant, "de")).toMatchObject({ kind: "nothing_left" });
  });

  it("leaves the pay link empty without a portal", () => {
    const content = reminderContent(facts(), account, { ...tenant, settings: { ...tenant.settings, portalUrl: null } }, "de");
    expect(content).toMatchObject({ context: { payLink: "" } });
  });
});

describe("message language", () => {
  it("keeps the regional tag a base-language template serves, else the template's language", () => {
    expect(messageLanguage(["de-AT", "de", "en"], "de")).toBe("de-AT");
    expect(messageLanguage([null, "fr", "en"], "fr")).toBe("fr");
    expect(messageLanguage(["pt", null, "de"], "en")).toBe("en");
  });
});

describe("letter content", () => {
  it("turns the rendered blocks into paragraphs, an items table and the closing", () => {
    const content = reminderContent(facts(), account, tenant, "de");
    if (content.kind !== "content") throw new Error(content.reason);
    const letter = letterContent(facts(), tenant, content, { subject: "Letzte Mahnung", text: "Guten Tag,\n\nbitte zahlen.\n\n\nMit freundlichen Grüßen\nTest GmbH" });
    expect(letter).toMatchObject({ subject: "Letzte Mahnung", paragraphs: ["Guten Tag,", "bitte zahlen."], closing: "Mit freundlichen Grüßen\nTest GmbH", date: "8. April 2024" });
    expect(letter.recipient).toEqual({ name: "Kunde AG", addressLines: ["Lindenallee 5", "10115 Berlin"] });
    expect(letter.items?.rows.map((row) => row[0])).toEqual(["I1", "I2"]);
    expect(letter.items?.totals?.[0]?.at(-1)).toBe("150,00\u00a0€");
  });
});
