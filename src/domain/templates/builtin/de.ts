import type { LanguagePack } from "./layout.js";

const invoicesListed = `{{plural totals.count one="ist die in diesem Schreiben aufgeführte Rechnung" other="sind die # in diesem Schreiben aufgeführten Rechnungen"}}`;
const sinceDays = `{{plural daysOverdue one="# Tag" other="# Tagen"}}`;

// German letters continue in lower case after the comma of the salutation.
export const de: LanguagePack = {
  language: "de",
  greeting: {
    informal: { named: "Guten Tag {{contact.name}},", generic: "Guten Tag," },
    formal: { named: "Guten Tag {{contact.name}},", generic: "Sehr geehrte Damen und Herren," },
  },
  signOff: { informal: "Viele Grüße", formal: "Mit freundlichen Grüßen" },
  labels: {
    invoice: "Rechnung",
    dueDate: "Fällig am",
    daysOverdue: "Tage überfällig",
    open: "Offener Betrag",
    total: "Summe",
    disputed: "in Klärung",
    due: "fällig am",
    dayOverdue: { one: "# Tag überfällig", other: "# Tage überfällig" },
    payNow: "Jetzt bezahlen",
    payOnline: "Online bezahlen",
    paymentReference: "Verwendungszweck",
    bankDetails: "Bankverbindung",
    customer: "Kunde",
    colon: ": ",
  },
  notices: {
    "reminder.upcoming": {
      subject: "Freundliche Erinnerung: {{money totals.listed}} bald fällig",
      paragraphs: [
        `wir möchten Sie freundlich darauf hinweisen, dass {{plural totals.count one="die folgende Rechnung" other="die folgenden # Rechnungen"}} in Kürze zur Zahlung fällig {{plural totals.count one="wird" other="werden"}}.`,
      ],
      closing: [
        "Falls Sie die Zahlung bereits veranlasst haben, danken wir Ihnen und bitten Sie, diese Nachricht als gegenstandslos zu betrachten. Bei Fragen antworten Sie einfach auf diese E-Mail.",
      ],
    },
    "reminder.due": {
      subject: "Heute fällig: {{money totals.listed}}",
      paragraphs: [
        `wir erinnern Sie daran, dass {{plural totals.count one="die folgende Rechnung" other="die folgenden # Rechnungen"}} heute zur Zahlung fällig {{plural totals.count one="ist" other="sind"}}.`,
      ],
      closing: ["Sollten Sie bereits gezahlt haben, betrachten Sie diese Erinnerung bitte als gegenstandslos. Bei Unklarheiten sprechen Sie uns gern an."],
    },
    "reminder.overdue": {
      subject: "Zahlungserinnerung: {{money totals.overdue}} überfällig",
      paragraphs: [
        `nach unseren Unterlagen ist die Zahlung für {{plural totals.count one="die folgende Rechnung" other="die folgenden # Rechnungen"}} bei uns noch nicht eingegangen. Eine Kopie {{plural totals.count one="der Rechnung" other="der Rechnungen"}} finden Sie im Anhang.`,
        "Wir bitten Sie, den offenen Betrag von {{money totals.overdue}} zeitnah zu begleichen.",
      ],
      closing: [
        `Sollten Sie die Zahlung bereits veranlasst haben, betrachten Sie diese Erinnerung bitte als gegenstandslos. Gibt es Unstimmigkeiten {{plural totals.count one="zur Rechnung" other="zu einer der Rechnungen"}}, melden Sie sich bitte bei uns, damit wir sie schnell klären können.`,
      ],
    },
    "reminder.second": {
      subject: "Mahnung: {{money totals.overdue}} überfällig",
      paragraphs: [
        `trotz unserer Zahlungserinnerung konnten wir bisher keinen Zahlungseingang über {{money totals.overdue}} feststellen. Die älteste Rechnung ist seit ${sinceDays} überfällig.`,
        "{{#if fee}}Gemäß unseren Geschäftsbedingungen berechnen wir Ihnen eine Mahngebühr von {{money fee}}. {{/if}}Bitte begleichen Sie den offenen Betrag umgehend.",
      ],
      closing: [
        "Sollten Sie den Betrag nicht vollständig zahlen können, setzen Sie sich bitte umgehend mit uns in Verbindung, damit wir eine Lösung finden. Hat sich Ihre Zahlung mit diesem Schreiben überschnitten, betrachten Sie es bitte als gegenstandslos.",
      ],
    },
    "notice.final": {
      subject: "Letzte Mahnung: {{money totals.overdue}} überfällig",
      paragraphs: [
        `trotz unserer bisherigen Erinnerungen ${invoicesListed} über insgesamt {{money totals.overdue}} weiterhin unbezahlt. {{plural totals.count one="Sie ist" other="Die älteste davon ist"}} seit ${sinceDays} überfällig.`,
        "Wir fordern Sie auf, den Gesamtbetrag innerhalb von 14 Tagen ab dem Datum dieses Schreibens zu zahlen. Geht die Zahlung bis dahin nicht ein, übergeben wir die Forderung ohne weitere Ankündigung an ein Inkassounternehmen; die dadurch entstehenden Kosten gehen zu Ihren Lasten.",
      ],
      closing: [
        "Sollten Sie bereits gezahlt haben, danken wir Ihnen und bitten Sie, dieses Schreiben als gegenstandslos zu betrachten. Wenn Sie die Angelegenheit besprechen möchten, wenden Sie sich bitte umgehend an uns.",
      ],
    },
    "notice.agency": {
      subject: "Übergabe Ihrer Forderung an ein Inkassounternehmen",
      paragraphs: [
        `trotz unserer Erinnerungen und unserer letzten Mahnung ${invoicesListed} über insgesamt {{money totals.overdue}} weiterhin unbezahlt.`,
        "Wir haben die Forderung daher an ein Inkassounternehmen übergeben, das sich in Kürze mit Ihnen in Verbindung setzen wird. Dadurch können Ihnen zusätzliche Kosten entstehen. Um weitere Kosten zu vermeiden, können Sie den Gesamtbetrag noch sofort unter Angabe des Verwendungszwecks {{paymentReference}} zahlen.",
      ],
      closing: ["Sollten Sie inzwischen gezahlt haben, senden Sie uns bitte einen Zahlungsnachweis, damit wir das Inkassounternehmen informieren können."],
    },
  },
  sms: `{{tenant.name}}: Zahlung über {{money totals.overdue}} ({{plural totals.count one="# Rechnung" other="# Rechnungen"}}) ist überfällig. Verwendungszweck {{paymentReference}}.{{#if payLink}} {{payLink}}{{/if}}`,
  tasks: {
    "task.call": {
      subject: "{{customer.name}} anrufen: {{money totals.overdue}} überfällig",
      intro: `{{customer.name}} ({{customer.number}}) ist mit {{money totals.overdue}} im Rückstand; die älteste Rechnung ist seit ${sinceDays} überfällig.{{#if contact.name}} Ansprechpartner: {{contact.name}}.{{/if}}`,
      points: [
        "Bestätigen lassen, dass die Rechnungen vorliegen und nicht strittig sind.",
        "Zahlungsdatum und Betrag erfragen und als Zahlungszusage erfassen.",
        "Ist keine vollständige Zahlung möglich, eine Ratenzahlung anbieten.",
        "Verwendungszweck: {{paymentReference}}{{#if payLink}}; Zahlungslink: {{payLink}}{{/if}}",
      ],
    },
    "task.escalation": {
      subject: "Eskalation: {{customer.name}}, {{money totals.overdue}} überfällig",
      intro: `{{customer.name}} ({{customer.number}}) hat Stufe {{step.stage}} ({{step.id}}) erreicht: {{money totals.overdue}} überfällig, die älteste Rechnung seit ${sinceDays}.`,
      points: [
        "Kontoverlauf, offene Reklamationen und Zahlungszusagen prüfen.",
        "Über eine Kredit- oder Liefersperre entscheiden.",
        "Die Übergabe an das Inkassounternehmen vorbereiten, falls nach der letzten Mahnung keine Zahlung eingeht.",
      ],
    },
  },
};
