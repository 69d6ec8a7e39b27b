import { formatAmount, type Money } from "../money/index.js";

/**
 * What a message template can say: the variables of one consolidated message (one customer, one
 * currency). Built by the collections engine; the same shape feeds previews in the template editor.
 */

/** Money as templates see it: the exact decimal string (never a float) and its ISO 4217 code. */
export interface MoneyValue {
  amount: string;
  currency: string;
}

export interface MessageItem {
  number: string;
  issueDate: string;
  dueDate: string;
  /** Negative before the due date. */
  daysOverdue: number;
  amount: MoneyValue;
  open: MoneyValue;
  disputed?: boolean;
}

export interface MessageContext {
  /** BCP 47 tag of the message ("de", "de-AT"); the money and date helpers format for it. */
  language: string;
  today: string;
  tenant: {
    name: string;
    email?: string;
    phone?: string;
    address?: string[];
    bankAccount?: { iban?: string; bic?: string; holder?: string };
  };
  /** `number` is the customer's external id. */
  customer: { name: string; number: string };
  /** "" when no contact name is known: templates then greet generically with {{#if contact.name}}. */
  contact: { name: string };
  items: MessageItem[];
  totals: {
    /** Sum of `open` over `items`: what this message asks the customer to pay. */
    listed: MoneyValue;
    overdue: MoneyValue;
    open: MoneyValue;
    notDue: MoneyValue;
    /** Number of `items`. */
    count: number;
  };
  /** Of the oldest item. */
  daysOverdue: number;
  /** Debtor-portal URL; "" when the tenant has no portal. */
  payLink: string;
  /** RF creditor reference, or the invoice number when there is none. */
  paymentReference: string;
  step: { id: string; stage: number };
  /** The collector signing the message; "" when it goes out in the tenant's name only. */
  sender: { name: string };
  /** Present when the step charges a fee. */
  fee?: MoneyValue;
}

export const moneyValue = (m: Money): MoneyValue => ({ amount: formatAmount(m.amount, m.currency), currency: m.currency });

/** The type of a context variable, as validation sees it: enough to reject `{{money customer.name}}`. */
export type Field =
  | { kind: "string" | "date" | "number" | "boolean" | "money"; optional?: true }
  | { kind: "object"; fields: Readonly<Record<string, Field>>; optional?: true }
  | { kind: "list"; of: Field; optional?: true };

export type ObjectField = Extract<Field, { kind: "object" }>;

// Ties the schema below to the TypeScript interfaces: a field added to one and not the other, or
// given another type, fails to compile.
type FieldFor<T, Optional extends boolean> = (Optional extends true ? { optional: true } : { optional?: never }) &
  ([T] extends [MoneyValue]
    ? { kind: "money" }
    : [T] extends [readonly (infer E)[]]
      ? { kind: "list"; of: FieldFor<E, false> }
      : [T] extends [string]
        ? { kind: "string" | "date" }
        : [T] extends [number]
          ? { kind: "number" }
          : [T] extends [boolean]
            ? { kind: "boolean" }
            : { kind: "object"; fields: FieldsFor<T> });
type FieldsFor<T> = { [K in keyof T]-?: FieldFor<Exclude<T[K], undefined>, undefined extends T[K] ? true : false> };

const text = { kind: "string" } as const;
const date = { kind: "date" } as const;
const num = { kind: "number" } as const;
const amount = { kind: "money" } as const;

const MESSAGE_ITEM_FIELDS = {
  number: text,
  issueDate: date,
  dueDate: date,
  daysOverdue: num,
  amount,
  open: amount,
  disputed: { kind: "boolean", optional: true },
} as const satisfies FieldsFor<MessageItem>;

const MESSAGE_CONTEXT_FIELDS = {
  language: text,
  today: date,
  tenant: {
    kind: "object",
    fields: {
      name: text,
      email: { kind: "string", optional: true },
      phone: { kind: "string", optional: true },
      address: { kind: "list", of: text, optional: true },
      bankAccount: {
        kind: "object",
        optional: true,
        fields: { iban: { kind: "string", optional: true }, bic: { kind: "string", optional: true }, holder: { kind: "string", optional: true } },
      },
    },
  },
  customer: { kind: "object", fields: { name: text, number: text } },
  contact: { kind: "object", fields: { name: text } },
  items: { kind: "list", of: { kind: "object", fields: MESSAGE_ITEM_FIELDS } },
  totals: { kind: "object", fields: { listed: amount, overdue: amount, open: amount, notDue: amount, count: num } },
  daysOverdue: num,
  payLink: text,
  paymentReference: text,
  step: { kind: "object", fields: { id: text, stage: num } },
  sender: { kind: "object", fields: { name: text } },
  fee: { kind: "money", optional: true },
} as const satisfies FieldsFor<MessageContext>;

/** The machine-readable schema validation checks every template path against. */
export const MESSAGE_CONTEXT_SCHEMA: ObjectField = { kind: "object", fields: MESSAGE_CONTEXT_FIELDS };

/**
 * Every variable a template may print or test, as `path: kind` with `[]` for list elements
 * ("items[].dueDate: date"): the reference list for template authors and the editor's completion.
 */
export function contextVariables(field: Field = MESSAGE_CONTEXT_SCHEMA, prefix = ""): string[] {
  switch (field.kind) {
    case "object":
      return Object.entries(field.fields).flatMap(([name, f]) => contextVariables(f, prefix ? `${prefix}.${name}` : name));
    case "list":
      return [`${prefix}: list`, ...contextVariables(field.of, `${prefix}[]`)];
    case "money":
      return [`${prefix}: money`];
    default:
      return [`${prefix}: ${field.kind}`];
  }
}
