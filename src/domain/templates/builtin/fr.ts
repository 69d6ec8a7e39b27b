import type { LanguagePack } from "./layout.js";

const invoicesListed = `{{plural totals.count one="la facture récapitulée dans le présent avis" other="les # factures récapitulées dans le présent avis"}}`;
const remainUnpaid = `{{plural totals.count one="reste impayée" other="restent impayées"}}`;
const days = `{{plural daysOverdue one="# jour" other="# jours"}}`;

export const fr: LanguagePack = {
  language: "fr",
  greeting: {
    informal: { named: "Bonjour {{contact.name}},", generic: "Bonjour," },
    formal: { named: "Bonjour {{contact.name}},", generic: "Madame, Monsieur," },
  },
  signOff: { informal: "Cordialement,", formal: "Veuillez agréer nos salutations distinguées." },
  labels: {
    invoice: "Facture",
    dueDate: "Échéance",
    daysOverdue: "Jours de retard",
    open: "Montant dû",
    total: "Total",
    disputed: "contestée",
    due: "échéance",
    dayOverdue: { one: "# jour de retard", other: "# jours de retard" },
    payNow: "Payer maintenant",
    payOnline: "Paiement en ligne",
    paymentReference: "Référence de paiement",
    bankDetails: "Coordonnées bancaires",
    customer: "Client",
    colon: " : ",
  },
  notices: {
    "reminder.upcoming": {
      subject: "Rappel amical : {{money totals.listed}} bientôt à échéance",
      paragraphs: [
        `Nous vous rappelons aimablement que {{plural totals.count one="la facture ci-dessous arrivera" other="les # factures ci-dessous arriveront"}} bientôt à échéance.`,
      ],
      closing: [
        "Si le paiement est déjà en cours, nous vous en remercions et vous prions de ne pas tenir compte de ce message. Pour toute question, il vous suffit de répondre à cet e-mail.",
      ],
    },
    "reminder.due": {
      subject: "Échéance aujourd'hui : {{money totals.listed}}",
      paragraphs: [`Nous vous rappelons que {{plural totals.count one="la facture ci-dessous arrive" other="les # factures ci-dessous arrivent"}} à échéance aujourd'hui.`],
      closing: [
        "Si vous avez déjà effectué le paiement, nous vous en remercions et vous prions de ne pas tenir compte de ce rappel. N'hésitez pas à nous contacter pour toute question.",
      ],
    },
    "reminder.overdue": {
      subject: "Rappel de paiement : {{money totals.overdue}} en retard",
      paragraphs: [
        `Sauf erreur de notre part, nous n'avons pas encore reçu le règlement {{plural totals.count one="de la facture ci-dessous" other="des # factures ci-dessous"}}. Vous trouverez {{plural totals.count one="une copie de la facture" other="une copie des factures"}} en pièce jointe.`,
        "Nous vous remercions de bien vouloir régler le montant de {{money totals.overdue}} dans les meilleurs délais.",
      ],
      closing: [
        `Si vous avez déjà effectué ce paiement, veuillez ne pas tenir compte de ce rappel. En cas de difficulté concernant {{plural totals.count one="cette facture" other="ces factures"}}, merci de nous contacter afin que nous puissions la résoudre rapidement.`,
      ],
    },
    "reminder.second": {
      subject: "Deuxième rappel : {{money totals.overdue}} en retard",
      paragraphs: [
        `Malgré notre précédent rappel, nous n'avons toujours pas reçu le règlement de {{money totals.overdue}}. La facture la plus ancienne présente un retard de ${days}.`,
        "{{#if fee}}Conformément à nos conditions générales, des frais de retard de {{money fee}} ont été portés à votre compte. {{/if}}Nous vous demandons de régler le solde sans délai.",
      ],
      closing: [
        "Si vous n'êtes pas en mesure de régler la totalité du montant, merci de nous contacter rapidement afin de trouver une solution. Si votre paiement a croisé ce message, veuillez ne pas en tenir compte.",
      ],
    },
    "notice.final": {
      subject: "Dernier rappel : {{money totals.overdue}} restant dû",
      paragraphs: [
        `Malgré nos précédents rappels, ${invoicesListed}, d'un montant total de {{money totals.overdue}}, ${remainUnpaid}. {{plural totals.count one="Elle présente" other="La plus ancienne présente"}} un retard de ${days}.`,
        "Nous vous demandons de régler l'intégralité de ce montant dans un délai de 14 jours à compter de la date du présent avis. À défaut de paiement dans ce délai, nous confierons le recouvrement de cette créance à une société de recouvrement, sans autre avis, ce qui pourra entraîner des frais supplémentaires à votre charge.",
      ],
      closing: [
        "Si vous avez déjà effectué le paiement, nous vous en remercions et vous prions de ne pas tenir compte de cet avis. Pour tout échange à ce sujet, merci de nous contacter sans attendre.",
      ],
    },
    "notice.agency": {
      subject: "Transmission de votre dossier à une société de recouvrement",
      paragraphs: [
        `Malgré nos rappels et notre dernier avis, ${invoicesListed}, d'un montant total de {{money totals.overdue}}, ${remainUnpaid}.`,
        "Nous avons donc confié le recouvrement de cette créance à une société de recouvrement, qui prendra prochainement contact avec vous. Des frais de recouvrement supplémentaires pourront vous être facturés. Pour les éviter, vous pouvez encore régler immédiatement la totalité du montant en indiquant la référence {{paymentReference}}.",
      ],
      closing: ["Si vous avez effectué le paiement entre-temps, merci de nous en adresser la preuve afin que nous puissions en informer la société de recouvrement."],
    },
  },
  sms: `{{tenant.name}} : paiement de {{money totals.overdue}} ({{plural totals.count one="# facture" other="# factures"}}) en retard. Réf. {{paymentReference}}.{{#if payLink}} {{payLink}}{{/if}}`,
  tasks: {
    "task.call": {
      subject: "Appeler {{customer.name}} : {{money totals.overdue}} en retard",
      intro: `{{customer.name}} ({{customer.number}}) doit {{money totals.overdue}} échus ; la facture la plus ancienne a ${days} de retard.{{#if contact.name}} Interlocuteur : {{contact.name}}.{{/if}}`,
      points: [
        "Vérifier que les factures ont bien été reçues et ne sont pas contestées.",
        "Obtenir une date et un montant de paiement, et les enregistrer comme promesse de paiement.",
        "Si le client ne peut pas tout régler, proposer un échéancier.",
        "Référence de paiement : {{paymentReference}}{{#if payLink}} ; lien de paiement : {{payLink}}{{/if}}",
      ],
    },
    "task.escalation": {
      subject: "Escalade : {{customer.name}}, {{money totals.overdue}} en retard",
      intro: `{{customer.name}} ({{customer.number}}) a atteint le niveau {{step.stage}} ({{step.id}}) : {{money totals.overdue}} échus, facture la plus ancienne en retard de ${days}.`,
      points: [
        "Examiner l'historique du compte, les litiges et les promesses de paiement en cours.",
        "Décider d'un éventuel blocage du crédit ou des livraisons.",
        "Préparer la transmission à la société de recouvrement si aucun paiement n'arrive après le dernier rappel.",
      ],
    },
  },
};
