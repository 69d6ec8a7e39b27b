import { expect } from "vitest";
import { runCollections } from "../../src/app/collections/runCollections.js";
import { addContact } from "../../src/app/customers/contacts.js";
import type { Actor } from "../../src/app/deps.js";
import { createChannelSenders } from "../../src/app/outbox/channelSenders.js";
import { dispatchOutbox } from "../../src/app/outbox/dispatchOutbox.js";
import { openDispute } from "../../src/app/pauses/disputes.js";
import { recordPromise } from "../../src/app/pauses/promises.js";
import { recordPayment } from "../../src/app/payments/recordPayment.js";
import { updateChannelSettings } from "../../src/app/settings/updateChannelSettings.js";
import type { Database } from "../../src/store/database.js";
import { depsAt, newCustomer, newInvoice, newTenant } from "../kit/factories.js";
import { startSmtpSink } from "../unit/channels/smtpSink.js";

export interface HandedOffCustomer {
  actor: Actor;
  customer: { id: string; externalId: string };
}

/**
 * A customer chased by the standard policy all the way to the collection agency. Kunde AG (child of
 * Kunde Holding SE, contact Jana Schulz) owes INV-A (1,000.00, PO-7) and INV-B (250.00, disputed on
 * 5 February for quality), both due 31 January 2024. The runs and their outcome:
 *  - 8 Feb: "formal" email (friendly and due-today caught up); 9 Feb: promise of 500.00 by 20 Feb;
 *    15 Feb: 100.00 paid on INV-A;
 *  - 1 Mar: the promise is broken, the chase resumes with the "second" email;
 *  - 2 Apr (31 Mar is a Sunday, 1 Apr Easter Monday): the "final" letter (escalation and call caught up);
 *  - 15 May: 43 days after the letter, more than the 14 days' notice: the "agency" step hands it off.
 * Every message is dispatched the day it is decided, so the timeline holds their full texts.
 */
export async function customerHandedOffToAgency(database: Database): Promise<HandedOffCustomer> {
  const sink = await startSmtpSink();
  const senders = createChannelSenders();
  try {
    const setup = depsAt(database, "2024-01-05");
    const actor = await newTenant(setup);
    await updateChannelSettings(setup, actor, {
      email: { host: "127.0.0.1", port: sink.port, from: "Test GmbH <ar@test-gmbh.example>", timeoutMs: 5000 },
      senderAddress: ["Hafenstraße 1", "20457 Hamburg"],
      bank: { iban: "DE89 3704 0044 0532 0130 00", bic: "COBADEFFXXX", holder: "Test GmbH" },
    });
    const parent = await newCustomer(setup, actor, { legalName: "Kunde Holding SE" });
    const customer = await newCustomer(setup, actor, { legalName: "Kunde AG", language: "en", taxId: "DE123456789", parentExternalId: parent.externalId, addressLines: ["Lindenallee 5", "10115 Berlin"] });
    await addContact(setup, actor, customer.id, { name: "Jana Schulz", email: "ap@kunde.example", phone: "+49 30 1234567", roles: ["accounts_payable", "decision_maker"] });
    await newInvoice(setup, actor, customer.id, { number: "INV-A", amount: "1000.00", poNumber: "PO-7" });
    await newInvoice(setup, actor, customer.id, { number: "INV-B", amount: "250.00" });
    const disputeDay = depsAt(database, "2024-02-05");
    await openDispute(disputeDay, actor, { invoiceNumber: "INV-B", reason: "quality", note: "pallets damaged" });

    const runOn = async (date: string, steps: Record<string, number>) => {
      const deps = depsAt(database, date);
      const run = await runCollections(deps, actor, { asOf: date });
      expect([date, run.performed]).toEqual([date, steps]);
      await dispatchOutbox(deps, { worker: "handoff-test", senders });
    };
    await runOn("2024-02-08", { email: 1 });
    await recordPromise(depsAt(database, "2024-02-09"), actor, { customerId: customer.id, amount: "500.00", promisedDate: "2024-02-20", note: "CFO promised by phone" });
    await recordPayment(depsAt(database, "2024-02-15"), actor, { externalId: "P1", customerId: customer.id, receivedOn: "2024-02-15", currency: "EUR", amount: "100.00", invoices: ["INV-A"] });
    await runOn("2024-03-01", { email: 1 });
    await runOn("2024-04-02", { letter: 1 });
    await runOn("2024-05-15", { agency: 1 });
    expect(sink.received).toHaveLength(2);
    return { actor, customer };
  } finally {
    await senders.close();
    await sink.close();
  }
}
