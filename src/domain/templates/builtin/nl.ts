import type { LanguagePack } from "./layout.js";

const days = `{{plural daysOverdue one="# dag" other="# dagen"}}`;
const listedIn = (where: string) =>
  `{{plural totals.count one="is de in ${where} vermelde factuur" other="zijn de # in ${where} vermelde facturen"}}, met een totaalbedrag van {{money totals.overdue}}, nog steeds niet betaald`;

export const nl: LanguagePack = {
  language: "nl",
  greeting: {
    informal: { named: "Beste {{contact.name}},", generic: "Goedendag," },
    formal: { named: "Geachte {{contact.name}},", generic: "Geachte heer, mevrouw," },
  },
  signOff: { informal: "Met vriendelijke groet,", formal: "Met vriendelijke groet," },
  labels: {
    invoice: "Factuur",
    dueDate: "Vervaldatum",
    daysOverdue: "Dagen te laat",
    open: "Openstaand bedrag",
    total: "Totaal",
    disputed: "betwist",
    due: "vervalt op",
    dayOverdue: { one: "# dag te laat", other: "# dagen te laat" },
    payNow: "Nu betalen",
    payOnline: "Online betalen",
    paymentReference: "Betalingskenmerk",
    bankDetails: "Bankgegevens",
    customer: "Klant",
    colon: ": ",
  },
  notices: {
    "reminder.upcoming": {
      subject: "Vriendelijke herinnering: {{money totals.listed}} vervalt binnenkort",
      paragraphs: [
        `Graag herinneren wij u eraan dat {{plural totals.count one="de onderstaande factuur binnenkort vervalt" other="de onderstaande # facturen binnenkort vervallen"}}.`,
      ],
      closing: [
        "Is de betaling al onderweg? Dan danken wij u hartelijk en kunt u dit bericht als niet verzonden beschouwen. Heeft u vragen, beantwoord dan gewoon deze e-mail.",
      ],
    },
    "reminder.due": {
      subject: "Vandaag te betalen: {{money totals.listed}}",
      paragraphs: [`Wij herinneren u eraan dat {{plural totals.count one="de onderstaande factuur vandaag vervalt" other="de onderstaande # facturen vandaag vervallen"}}.`],
      closing: ["Heeft u al betaald, dan kunt u deze herinnering als niet verzonden beschouwen. Neem bij vragen gerust contact met ons op."],
    },
    "reminder.overdue": {
      subject: "Betalingsherinnering: {{money totals.overdue}} achterstallig",
      paragraphs: [
        `Volgens onze administratie hebben wij de betaling van {{plural totals.count one="de onderstaande factuur" other="de onderstaande # facturen"}} nog niet ontvangen. Voor uw gemak vindt u een kopie van {{plural totals.count one="de factuur" other="de facturen"}} in de bijlage.`,
        "Wij verzoeken u het openstaande bedrag van {{money totals.overdue}} zo spoedig mogelijk te voldoen.",
      ],
      closing: [
        `Heeft u inmiddels betaald, dan kunt u deze herinnering als niet verzonden beschouwen. Is er iets niet in orde met {{plural totals.count one="de factuur" other="een van de facturen"}}, neem dan contact met ons op, zodat wij het snel kunnen oplossen.`,
      ],
    },
    "reminder.second": {
      subject: "Tweede herinnering: {{money totals.overdue}} achterstallig",
      paragraphs: [
        `Ondanks onze eerdere herinnering hebben wij de betaling van {{money totals.overdue}} nog niet ontvangen. De oudste factuur is inmiddels ${days} te laat.`,
        "{{#if fee}}Conform onze algemene voorwaarden brengen wij u hiervoor {{money fee}} aan kosten in rekening. {{/if}}Wij verzoeken u het openstaande saldo onverwijld te voldoen.",
      ],
      closing: [
        "Kunt u het volledige bedrag niet in één keer betalen, neem dan zo snel mogelijk contact met ons op om een oplossing te bespreken. Heeft uw betaling dit bericht gekruist, dan kunt u het als niet verzonden beschouwen.",
      ],
    },
    "notice.final": {
      subject: "Laatste aanmaning: {{money totals.overdue}} achterstallig",
      paragraphs: [
        `Ondanks onze eerdere herinneringen ${listedIn("deze aanmaning")}. {{plural totals.count one="Deze is" other="De oudste daarvan is"}} inmiddels ${days} te laat.`,
        "Wij sommeren u het volledige bedrag binnen 14 dagen na de datum van deze aanmaning te voldoen. Ontvangen wij uw betaling niet binnen deze termijn, dan dragen wij de vordering zonder nadere aankondiging over aan een incassobureau. De daaruit voortvloeiende kosten komen voor uw rekening.",
      ],
      closing: [
        "Heeft u inmiddels betaald, dan danken wij u en kunt u deze aanmaning als niet verzonden beschouwen. Wilt u over deze zaak overleggen, neem dan direct contact met ons op.",
      ],
    },
    "notice.agency": {
      subject: "Overdracht van uw vordering aan een incassobureau",
      paragraphs: [
        `Ondanks onze herinneringen en onze laatste aanmaning ${listedIn("dit bericht")}.`,
        "Wij hebben de vordering daarom overgedragen aan een incassobureau, dat binnenkort contact met u opneemt. Daarbij kunnen extra incassokosten voor uw rekening komen. Om verdere kosten te voorkomen, kunt u het volledige bedrag nog direct betalen onder vermelding van betalingskenmerk {{paymentReference}}.",
      ],
      closing: ["Heeft u inmiddels betaald, stuur ons dan een betalingsbewijs, zodat wij het incassobureau kunnen informeren."],
    },
  },
  sms: `{{tenant.name}}: betaling van {{money totals.overdue}} ({{plural totals.count one="# factuur" other="# facturen"}}) is achterstallig. Kenmerk {{paymentReference}}.{{#if payLink}} {{payLink}}{{/if}}`,
  tasks: {
    "task.call": {
      subject: "{{customer.name}} bellen: {{money totals.overdue}} achterstallig",
      intro: `{{customer.name}} ({{customer.number}}) heeft {{money totals.overdue}} achterstallig; de oudste factuur is ${days} te laat.{{#if contact.name}} Vraag naar {{contact.name}}.{{/if}}`,
      points: [
        "Nagaan of de facturen zijn ontvangen en niet worden betwist.",
        "Een betaaldatum en bedrag afspreken en als betalingsbelofte vastleggen.",
        "Kan de klant niet volledig betalen, bied dan een betalingsregeling aan.",
        "Betalingskenmerk: {{paymentReference}}{{#if payLink}}; betaallink: {{payLink}}{{/if}}",
      ],
    },
    "task.escalation": {
      subject: "Escalatie: {{customer.name}}, {{money totals.overdue}} achterstallig",
      intro: `{{customer.name}} ({{customer.number}}) heeft fase {{step.stage}} ({{step.id}}) bereikt: {{money totals.overdue}} achterstallig, de oudste factuur ${days} te laat.`,
      points: [
        "De rekeninghistorie, openstaande geschillen en betalingsbeloften bekijken.",
        "Beslissen over een krediet- of leveringsstop.",
        "De overdracht aan het incassobureau voorbereiden als er na de laatste aanmaning geen betaling binnenkomt.",
      ],
    },
  },
};
