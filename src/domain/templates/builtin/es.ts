import type { LanguagePack } from "./layout.js";

const invoicesListed = `{{plural totals.count one="la factura detallada en este aviso" other="las # facturas detalladas en este aviso"}}`;
const remainUnpaid = `{{plural totals.count one="sigue pendiente" other="siguen pendientes"}} de pago`;
const days = `{{plural daysOverdue one="# día" other="# días"}}`;

export const es: LanguagePack = {
  language: "es",
  greeting: {
    informal: { named: "Buenos días, {{contact.name}}:", generic: "Buenos días:" },
    formal: { named: "Estimado/a {{contact.name}}:", generic: "Estimados señores:" },
  },
  signOff: { informal: "Un cordial saludo,", formal: "Atentamente," },
  labels: {
    invoice: "Factura",
    dueDate: "Vencimiento",
    daysOverdue: "Días de retraso",
    open: "Importe pendiente",
    total: "Total",
    disputed: "en reclamación",
    due: "vence el",
    dayOverdue: { one: "# día de retraso", other: "# días de retraso" },
    payNow: "Pagar ahora",
    payOnline: "Pago en línea",
    paymentReference: "Referencia de pago",
    bankDetails: "Datos bancarios",
    customer: "Cliente",
    colon: ": ",
  },
  notices: {
    "reminder.upcoming": {
      subject: "Recordatorio: {{money totals.listed}} próximo a vencer",
      paragraphs: [
        `Le recordamos amablemente que {{plural totals.count one="la siguiente factura vence" other="las siguientes # facturas vencen"}} en los próximos días.`,
      ],
      closing: [
        "Si ya ha realizado el pago, le damos las gracias y le rogamos que no tenga en cuenta este mensaje. Si tiene alguna pregunta, basta con responder a este correo.",
      ],
    },
    "reminder.due": {
      subject: "Vencimiento hoy: {{money totals.listed}}",
      paragraphs: [`Le recordamos que {{plural totals.count one="la siguiente factura vence" other="las siguientes # facturas vencen"}} hoy.`],
      closing: [
        "Si ya ha realizado el pago, le rogamos que no tenga en cuenta este recordatorio. No dude en ponerse en contacto con nosotros si tiene cualquier duda.",
      ],
    },
    "reminder.overdue": {
      subject: "Recordatorio de pago: {{money totals.overdue}} vencido",
      paragraphs: [
        `Según nuestros registros, todavía no hemos recibido el pago {{plural totals.count one="de la siguiente factura" other="de las siguientes # facturas"}}. Para su comodidad, adjuntamos una copia {{plural totals.count one="de la factura" other="de las facturas"}}.`,
        "Le rogamos que abone el importe pendiente de {{money totals.overdue}} a la mayor brevedad posible.",
      ],
      closing: [
        `Si ya ha efectuado el pago, le rogamos que no tenga en cuenta este recordatorio. Si existe algún problema con {{plural totals.count one="la factura" other="alguna de las facturas"}}, póngase en contacto con nosotros para que podamos resolverlo rápidamente.`,
      ],
    },
    "reminder.second": {
      subject: "Segundo recordatorio: {{money totals.overdue}} vencido",
      paragraphs: [
        `A pesar de nuestro recordatorio anterior, todavía no hemos recibido el pago de {{money totals.overdue}}. La factura más antigua acumula ${days} de retraso.`,
        "{{#if fee}}De acuerdo con nuestras condiciones generales, se ha cargado en su cuenta un recargo por demora de {{money fee}}. {{/if}}Le rogamos que abone el saldo pendiente sin más demora.",
      ],
      closing: [
        "Si no puede abonar el importe total, póngase en contacto con nosotros cuanto antes para buscar una solución. Si su pago se ha cruzado con este mensaje, le rogamos que no lo tenga en cuenta.",
      ],
    },
    "notice.final": {
      subject: "Último aviso: {{money totals.overdue}} pendiente de pago",
      paragraphs: [
        `A pesar de nuestros recordatorios anteriores, ${invoicesListed}, por un importe total de {{money totals.overdue}}, ${remainUnpaid}. {{plural totals.count one="Acumula" other="La más antigua acumula"}} ${days} de retraso.`,
        "Le requerimos que abone la totalidad del importe en un plazo de 14 días a partir de la fecha de este aviso. Si no recibimos el pago en dicho plazo, encomendaremos el cobro de esta deuda a una agencia de recobro sin más aviso, lo que podría ocasionarle gastos adicionales.",
      ],
      closing: [
        "Si ya ha realizado el pago, le damos las gracias y le rogamos que no tenga en cuenta este aviso. Si desea tratar este asunto, póngase en contacto con nosotros de inmediato.",
      ],
    },
    "notice.agency": {
      subject: "Traspaso de su deuda a una agencia de recobro",
      paragraphs: [
        `A pesar de nuestros recordatorios y de nuestro último aviso, ${invoicesListed}, por un importe total de {{money totals.overdue}}, ${remainUnpaid}.`,
        "Por ello, hemos encomendado el cobro de esta deuda a una agencia de recobro, que se pondrá en contacto con usted en breve. Es posible que se le repercutan gastos de cobro adicionales. Para evitarlos, todavía puede abonar de inmediato el importe total indicando la referencia {{paymentReference}}.",
      ],
      closing: ["Si ha realizado el pago entretanto, le rogamos que nos envíe el justificante para que podamos informar a la agencia."],
    },
  },
  sms: `{{tenant.name}}: pago de {{money totals.overdue}} ({{plural totals.count one="# factura" other="# facturas"}}) vencido. Ref. {{paymentReference}}.{{#if payLink}} {{payLink}}{{/if}}`,
  tasks: {
    "task.call": {
      subject: "Llamar a {{customer.name}}: {{money totals.overdue}} vencido",
      intro: `{{customer.name}} ({{customer.number}}) debe {{money totals.overdue}} vencidos; la factura más antigua acumula ${days} de retraso.{{#if contact.name}} Preguntar por {{contact.name}}.{{/if}}`,
      points: [
        "Confirmar que las facturas se recibieron y no están en reclamación.",
        "Pedir una fecha e importe de pago y registrarlos como promesa de pago.",
        "Si no puede pagar el total, ofrecer un plan de pagos.",
        "Referencia de pago: {{paymentReference}}{{#if payLink}}; enlace de pago: {{payLink}}{{/if}}",
      ],
    },
    "task.escalation": {
      subject: "Escalado: {{customer.name}}, {{money totals.overdue}} vencido",
      intro: `{{customer.name}} ({{customer.number}}) ha alcanzado la etapa {{step.stage}} ({{step.id}}): {{money totals.overdue}} vencidos; la factura más antigua acumula ${days} de retraso.`,
      points: [
        "Revisar el historial de la cuenta, las reclamaciones abiertas y las promesas de pago.",
        "Decidir si se bloquea el crédito o los suministros del cliente.",
        "Preparar el traspaso a la agencia de recobro si no llega ningún pago tras el último aviso.",
      ],
    },
  },
};
