import { beforeAll, describe, expect, it } from "vitest";
import { addUser } from "../../src/app/access/users.js";
import { engineAvailable } from "../kit/database.js";
import { useApiServer } from "../kit/apiServer.js";
import { apiAs, newApiKey } from "../kit/factories.js";

/**
 * The worklist through the API: the daily run puts a call task on it with talking points, and the
 * collector's outcome feeds back into the engine. The server's clock says 2024-06-30.
 */
describe.skipIf(!engineAvailable())("worklist: call tasks, outcomes and the timeline", () => {
  const server = useApiServer("manager");
  let collector: ReturnType<typeof apiAs>;
  const ids = { payer: "", other: "", contact: "", otherContact: "", payerCall: "", payerEscalation: "", otherCall: "" };

  /** A customer with a contact and an invoice 30 days overdue on Friday 2024-06-28, plus `extra` invoices. */
  async function overdueCustomer(externalId: string, extra: { number: string; dueDate: string; amount: string }[] = []) {
    const customer = (await server.api.post("/api/v1/customers", { externalId, legalName: `${externalId} GmbH`, currency: "EUR", country: "DE" })).json();
    const contact = (await server.api.post(`/api/v1/customers/${customer.id}/contacts`, { name: "Ana", email: `ap@${externalId.toLowerCase()}.example`, phone: "+49 30 1234567" })).json();
    for (const invoice of [{ number: `${externalId}-1`, dueDate: "2024-05-29", amount: "1200.00" }, ...extra]) {
      const res = await server.api.post("/api/v1/invoices", { ...invoice, customerId: customer.id, issueDate: "2024-04-29", currency: "EUR" });
      expect(res.statusCode).toBe(201);
    }
    return { customerId: customer.id as string, contactId: contact.id as string };
  }

  const tasksOf = async (customerId: string, query = "") => (await server.api.get(`/api/v1/tasks?customerId=${customerId}${query}`)).json().items as { id: string; kind: string }[];

  beforeAll(async () => {
    collector = apiAs(server.app, await newApiKey(server.deps, server.actor, "collector"));
    const payer = await overdueCustomer("PAYER", [
      { number: "PAYER-2", dueDate: "2024-06-10", amount: "300.00" },
      { number: "PAYER-3", dueDate: "2024-07-15", amount: "999.00" },
    ]);
    const other = await overdueCustomer("OTHER");
    Object.assign(ids, { payer: payer.customerId, contact: payer.contactId, other: other.customerId, otherContact: other.contactId });

    const run = await server.api.post("/api/v1/collections/runs", { asOf: "2024-06-28" });
    expect(run.statusCode).toBe(201);
    expect(run.json()).toMatchObject({ date: "2024-06-28", dryRun: false, performed: { call: 2, escalation: 2 } });
    const payerTasks = await tasksOf(ids.payer);
    ids.payerCall = payerTasks.find((t) => t.kind === "call")!.id;
    ids.payerEscalation = payerTasks.find((t) => t.kind === "escalation")!.id;
    ids.otherCall = (await tasksOf(ids.other, "&kind=call"))[0]!.id;
  });

  it("lists the call task the run created, with its customer and talking points", async () => {
    const res = await collector.get(`/api/v1/tasks?kind=call&customerId=${ids.payer}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      items: [
        expect.objectContaining({
          id: ids.payerCall,
          kind: "call",
          status: "open",
          dueOn: "2024-06-28",
          customer: { id: ids.payer, externalId: "PAYER", legalName: "PAYER GmbH" },
          assignee: null,
          outcome: null,
          details: expect.objectContaining({ stepId: "call", currency: "EUR" }),
          // overdue on 2024-06-30: PAYER-3 is not due yet
          talkingPoints: {
            overdue: { amount: "1500.00", currency: "EUR" },
            items: [
              { invoiceId: expect.any(String), number: "PAYER-1", dueDate: "2024-05-29", open: "1200.00" },
              { invoiceId: expect.any(String), number: "PAYER-2", dueDate: "2024-06-10", open: "300.00" },
            ],
          },
        }),
      ],
      nextCursor: null,
    });
    const escalation = (await collector.get(`/api/v1/tasks?kind=escalation&customerId=${ids.payer}`)).json().items[0];
    expect(escalation).toMatchObject({ id: ids.payerEscalation, talkingPoints: null });
  });

  it("pages through the worklist without skipping or repeating a task", async () => {
    const seen: string[] = [];
    let url: string | null = "/api/v1/tasks?limit=1&dueBy=2024-06-30";
    while (url) {
      const page: { items: { id: string }[]; nextCursor: string | null } = (await server.api.get(url)).json();
      expect(page.items.length).toBeLessThanOrEqual(1);
      seen.push(...page.items.map((t) => t.id));
      url = page.nextCursor ? `/api/v1/tasks?limit=1&dueBy=2024-06-30&cursor=${page.nextCursor}` : null;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expect.arrayContaining([ids.payerCall, ids.payerEscalation, ids.otherCall]));
    expect((await server.api.get("/api/v1/tasks?dueBy=2024-06-27")).json().items).toEqual([]);
    expect((await server.api.get("/api/v1/tasks?cursor=WyIyMDI0LTA2LTI4IiwieCJd")).json().error.code).toBe("INVALID_CURSOR");
  });

  it("keeps the task open and records nothing when a promise in the outcome is invalid", async () => {
    const res = await collector.post(`/api/v1/tasks/${ids.payerCall}/complete`, { outcome: "promise", promise: { amount: "1500.00", promisedDate: "2024-06-01" } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: "VALIDATION_FAILED", path: "promise.promisedDate" });
    const missing = await collector.post(`/api/v1/tasks/${ids.payerCall}/complete`, { outcome: "promise" });
    expect(missing.json().error).toMatchObject({ code: "MISSING_VALUE", path: "promise" });
    const stray = await collector.post(`/api/v1/tasks/${ids.payerCall}/complete`, { outcome: "reached", contactId: ids.contact });
    expect(stray.json().error).toMatchObject({ code: "VALIDATION_FAILED", path: "contactId" });
    expect((await server.api.get(`/api/v1/customers/${ids.payer}/promises`)).json().items).toEqual([]);
    expect((await tasksOf(ids.payer, "&kind=call")).map((t) => t.id)).toEqual([ids.payerCall]);
  });

  it("records a promise with the call's outcome, which pauses the chase on later runs", async () => {
    const res = await collector.post(`/api/v1/tasks/${ids.payerCall}/complete`, { outcome: "promise", note: "pays after month end", promise: { amount: "1500.00", promisedDate: "2024-08-05" } });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.task).toMatchObject({ id: ids.payerCall, status: "done", outcome: "promise", note: "pays after month end", completedBy: expect.stringMatching(/^apikey:/) });
    expect(body.promise).toMatchObject({ customerId: ids.payer, amount: { amount: "1500.00", currency: "EUR" }, madeOn: "2024-06-30", promisedDate: "2024-08-05", status: "open" });
    expect(body.dispute).toBeNull();
    expect((await server.api.get(`/api/v1/customers/${ids.payer}/promises`)).json().items).toEqual([body.promise]);

    const again = await collector.post(`/api/v1/tasks/${ids.payerCall}/complete`, { outcome: "reached" });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("TASK_CLOSED");
    expect(await tasksOf(ids.payer, "&kind=call")).toEqual([]);
    expect((await tasksOf(ids.payer, "&kind=call&status=done")).map((t) => t.id)).toEqual([ids.payerCall]);

    // +60 (the final letter) falls on Monday 2024-07-29: due for OTHER, paused by the promise for PAYER.
    const later = (await server.api.post("/api/v1/collections/runs", { asOf: "2024-07-29" })).json();
    expect(later.performed).toEqual({ letter: 1 });
    expect(later.waiting).toMatchObject({ promise: 1 });
  });

  it("opens a dispute from a call outcome, only on the task customer's own invoices", async () => {
    const foreign = await collector.post(`/api/v1/tasks/${ids.otherCall}/complete`, { outcome: "dispute", dispute: { invoiceNumber: "PAYER-2", reason: "quality" } });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error).toMatchObject({ code: "VALIDATION_FAILED", path: "dispute.invoiceNumber" });
    const unknown = await collector.post(`/api/v1/tasks/${ids.otherCall}/complete`, { outcome: "dispute", dispute: { invoiceNumber: "NOPE", reason: "quality" } });
    expect(unknown.json().error).toMatchObject({ code: "INVOICE_NOT_FOUND", path: "dispute.invoiceNumber" });

    const res = await collector.post(`/api/v1/tasks/${ids.otherCall}/complete`, { outcome: "dispute", note: "pallets arrived broken", dispute: { invoiceNumber: "OTHER-1", reason: "quality" } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ task: { status: "done", outcome: "dispute" }, promise: null, dispute: { customerId: ids.other, reason: "quality", status: "open", note: "pallets arrived broken" } });
    const open = (await server.api.get(`/api/v1/disputes?status=open&customerId=${ids.other}`)).json().items;
    expect(open.map((d: { id: string }) => d.id)).toEqual([res.json().dispute.id]);
  });

  it("flags a wrong contact on the timeline and keeps the contact", async () => {
    const foreign = await collector.post(`/api/v1/tasks/${ids.payerEscalation}/complete`, { outcome: "wrong_contact", contactId: ids.otherContact });
    expect(foreign.json().error).toMatchObject({ code: "CONTACT_NOT_FOUND", path: "contactId" });
    const res = await collector.post(`/api/v1/tasks/${ids.payerEscalation}/complete`, { outcome: "wrong_contact", contactId: ids.contact });
    expect(res.statusCode).toBe(200);
    expect(res.json().task).toMatchObject({ status: "done", outcome: "wrong_contact" });
    const calls = (await collector.get(`/api/v1/customers/${ids.payer}/timeline?kind=call`)).json().items;
    expect(calls[0]).toMatchObject({ kind: "call", refId: ids.payerEscalation, summary: expect.stringContaining("fix or replace Ana, +49 30 1234567"), details: { contactId: ids.contact, outcome: "wrong_contact" } });
    expect((await server.api.get(`/api/v1/customers/${ids.payer}/contacts`)).json().items.map((c: { id: string }) => c.id)).toEqual([ids.contact]);
  });

  it("assigns a task to a user and filters the worklist by assignee", async () => {
    const user = await addUser(server.deps, server.actor, { email: "rita@example.com", name: "Rita", role: "collector", password: "correct horse battery" });
    const [noContact] = await tasksOf(ids.other);
    const res = await collector.post(`/api/v1/tasks/${noContact!.id}/assign`, { assigneeId: user.id });
    expect(res.statusCode).toBe(200);
    expect(res.json().assignee).toEqual({ id: user.id, name: "Rita", email: "rita@example.com" });
    expect((await server.api.get(`/api/v1/tasks?assigneeId=${user.id}`)).json().items.map((t: { id: string }) => t.id)).toEqual([noContact!.id]);
    expect((await server.api.get("/api/v1/tasks?assigneeId=unassigned")).json().items.map((t: { id: string }) => t.id)).not.toContain(noContact!.id);

    const nobody = await collector.post(`/api/v1/tasks/${noContact!.id}/assign`, { assigneeId: "0190f3a4-0000-7000-8000-000000000000" });
    expect(nobody.json().error).toMatchObject({ code: "USER_NOT_FOUND", path: "assigneeId" });
    expect((await collector.post(`/api/v1/tasks/${noContact!.id}/assign`, { assigneeId: null })).json().assignee).toBeNull();
    expect((await collector.post(`/api/v1/tasks/${ids.payerCall}/assign`, { assigneeId: null })).json().error.code).toBe("TASK_CLOSED");
    expect((await collector.post("/api/v1/tasks/not-a-task/assign", { assigneeId: null })).json().error.code).toBe("TASK_NOT_FOUND");
  });

  it("shows the customer's timeline newest first, filtered by kind and paged", async () => {
    const note = await collector.post(`/api/v1/customers/${ids.payer}/notes`, { text: "  Asked for a statement by email  " });
    expect(note.statusCode).toBe(201);
    expect(note.json()).toMatchObject({ kind: "note", summary: "Asked for a statement by email", occurredOn: "2024-06-30", actor: expect.stringMatching(/^apikey:/), invoiceIds: [], refId: null });

    const all = (await collector.get(`/api/v1/customers/${ids.payer}/timeline?limit=1000`)).json().items as { id: string; occurredOn: string; kind: string }[];
    expect(all.map((e) => e.occurredOn)).toEqual([...all.map((e) => e.occurredOn)].sort().reverse());
    expect(all.map((e) => e.kind)).toEqual(expect.arrayContaining(["action", "promise", "call", "note"]));
    expect(all[0]!.id).toBe(note.json().id); // the newest day is 2024-06-30 (the promise pause of 2024-07-29 wrote nothing); the note came last
    const paged: string[] = [];
    let cursor = "";
    do {
      const page = (await collector.get(`/api/v1/customers/${ids.payer}/timeline?limit=2${cursor ? `&cursor=${cursor}` : ""}`)).json();
      paged.push(...page.items.map((e: { id: string }) => e.id));
      cursor = page.nextCursor ?? "";
    } while (cursor);
    expect(paged).toEqual(all.map((e) => e.id));
    const notesAndPromises = (await collector.get(`/api/v1/customers/${ids.payer}/timeline?kind=note,promise`)).json().items;
    expect(notesAndPromises.map((e: { kind: string }) => e.kind).sort()).toEqual(["note", "promise"]);
    expect((await collector.post(`/api/v1/customers/${ids.payer}/notes`, { text: "   " })).json().error).toMatchObject({ code: "VALIDATION_FAILED", path: "text" });
  });
});
