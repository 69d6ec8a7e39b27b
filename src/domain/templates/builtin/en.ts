import type { LanguagePack } from "./layout.js";

const invoicesListed = `{{plural totals.count one="the invoice listed in this notice" other="the # invoices listed in this notice"}}`;

export const en: LanguagePack = {
  language: "en",
  greeting: {
    informal: { named: "Hello {{contact.name}},", generic: "Hello," },
    formal: { named: "Dear {{contact.name}},", generic: "Dear Sir or Madam," },
  },
  signOff: { informal: "Kind regards,", formal: "Yours sincerely," },
  labels: {
    invoice: "Invoice",
    dueDate: "Due date",
    daysOverdue: "Days overdue",
    open: "Amount due",
    total: "Total",
    disputed: "disputed",
    due: "due",
    dayOverdue: { one: "# day overdue", other: "# days overdue" },
    payNow: "Pay now",
    payOnline: "Pay online",
    paymentReference: "Payment reference",
    bankDetails: "Bank details",
    customer: "Customer",
    colon: ": ",
  },
  notices: {
    "reminder.upcoming": {
      subject: "Friendly reminder: {{money totals.listed}} due soon",
      paragraphs: [
        `This is a friendly reminder that {{plural totals.count one="the following invoice" other="the following # invoices"}} will soon be due for payment.`,
      ],
      closing: [
        `If payment is already on its way, thank you, and please disregard this message. If you have any questions about {{plural totals.count one="this invoice" other="these invoices"}}, simply reply to this email.`,
      ],
    },
    "reminder.due": {
      subject: "Payment due today: {{money totals.listed}}",
      paragraphs: [`We would like to remind you that {{plural totals.count one="the following invoice is" other="the following # invoices are"}} due for payment today.`],
      closing: ["If you have already paid, thank you, and please disregard this reminder. Should anything be unclear, please let us know."],
    },
    "reminder.overdue": {
      subject: "Payment reminder: {{money totals.overdue}} overdue",
      paragraphs: [
        `According to our records, we have not yet received payment for {{plural totals.count one="the invoice below" other="the # invoices below"}}. For your convenience, a copy of {{plural totals.count one="the invoice" other="the invoices"}} is attached.`,
        "We kindly ask you to settle the outstanding amount of {{money totals.overdue}} at your earliest convenience.",
      ],
      closing: [
        `If you have already made this payment, please disregard this reminder. If there is a problem with {{plural totals.count one="the invoice" other="any of the invoices"}}, please contact us so that we can resolve it quickly.`,
      ],
    },
    "reminder.second": {
      subject: "Second reminder: {{money totals.overdue}} overdue",
      paragraphs: [
        `Despite our previous reminder, we have not yet received payment of {{money totals.overdue}}. The oldest invoice is now {{plural daysOverdue one="# day" other="# days"}} overdue.`,
        "{{#if fee}}In accordance with our terms and conditions, a late-payment fee of {{money fee}} has been charged to your account. {{/if}}Please settle the outstanding balance without further delay.",
      ],
      closing: [
        "If you are unable to pay the full amount, please contact us promptly so that we can discuss a solution. If your payment has crossed with this message, please disregard it.",
      ],
    },
    "notice.final": {
      subject: "Final notice: {{money totals.overdue}} overdue",
      paragraphs: [
        `Despite our previous reminders, ${invoicesListed}, totalling {{money totals.overdue}}, {{plural totals.count one="remains" other="remain"}} unpaid. {{plural totals.count one="It has" other="The oldest of them has"}} been overdue for {{plural daysOverdue one="# day" other="# days"}}.`,
        "We require you to pay the full amount within 14 days of the date of this notice. If we do not receive payment within this period, we will pass the matter to a collection agency without further notice, which may result in additional costs for you.",
      ],
      closing: ["If you have already paid, thank you, and please disregard this notice. If you wish to discuss this matter, please contact us immediately."],
    },
    "notice.agency": {
      subject: "Notice of transfer to a collection agency",
      paragraphs: [
        `Despite our reminders and our final notice, ${invoicesListed}, totalling {{money totals.overdue}}, {{plural totals.count one="remains" other="remain"}} unpaid.`,
        "We have therefore passed the collection of this debt to a collection agency, which will contact you shortly. Additional collection costs may be charged to you. To avoid further costs, you can still pay the full amount immediately, quoting the payment reference {{paymentReference}}.",
      ],
      closing: ["If you have paid in the meantime, please send us proof of payment so that we can inform the agency."],
    },
  },
  sms: `{{tenant.name}}: payment of {{money totals.overdue}} ({{plural totals.count one="# invoice" other="# invoices"}}) is overdue. Ref {{paymentReference}}.{{#if payLink}} {{payLink}}{{/if}}`,
  tasks: {
    "task.call": {
      subject: "Call {{customer.name}} about {{money totals.overdue}} overdue",
      intro: `{{customer.name}} ({{customer.number}}) has {{money totals.overdue}} overdue; the oldest invoice is {{plural daysOverdue one="# day" other="# days"}} past due.{{#if contact.name}} Ask for {{contact.name}}.{{/if}}`,
      points: [
        "Confirm that the invoices were received and are not disputed.",
        "Ask for a payment date and amount, and record them as a promise to pay.",
        "If they cannot pay in full, offer a payment plan.",
        "Payment reference: {{paymentReference}}{{#if payLink}}; payment link: {{payLink}}{{/if}}",
      ],
    },
    "task.escalation": {
      subject: "Escalation: {{customer.name}}, {{money totals.overdue}} overdue",
      intro: `{{customer.name}} ({{customer.number}}) has reached stage {{step.stage}} ({{step.id}}) with {{money totals.overdue}} overdue; the oldest invoice is {{plural daysOverdue one="# day" other="# days"}} past due.`,
      points: [
        "Review the account history, open disputes and promises to pay.",
        "Decide whether to put the customer on credit hold.",
        "Prepare the hand-off to the collection agency if no payment arrives after the final notice.",
      ],
    },
  },
};
