import type { DiscountTier } from "../../domain/terms/paymentTerms.js";
import type { LedgerRows } from "../../store/bulkLoad.js";

/** How a customer pays; known to the generator only (a collector has to find it out). */
export type PaymentProfile = "prompt" | "slow" | "disputer" | "chronicallyLate" | "insolvent";
export const PAYMENT_PROFILES: readonly PaymentProfile[] = ["prompt", "slow", "disputer", "chronicallyLate", "insolvent"];

export type CompanySize = "micro" | "small" | "medium" | "large" | "enterprise";

export interface BookOptions {
  customers: number;
  /** Calendar months of history ending with the month of endDate. */
  months: number;
  seed: number;
  /** "Today" of the book: nothing is dated after it. */
  endDate: string;
  /** Restrict the currency mix (default: EUR mostly, some GBP, USD, CHF, SEK, a few JPY). */
  currencies?: readonly string[] | undefined;
  /** Exact number of invoices to generate; default follows company sizes (about 2.8 per customer-month). */
  invoices?: number | undefined;
  /** Customers per chunk of generateBookChunks (default 500). Does not change the book. */
  chunkCustomers?: number | undefined;
}

type Row<K extends keyof LedgerRows> = LedgerRows[K][number];

export interface DemoCustomer extends Row<"customers"> {
  segment: string;
  tags: string[];
  /** For the import files, which name customers by external id. */
  parentExternalId: string | null;
  /** Generator truths, not ledger columns: what drove this customer's data. */
  industry: string;
  size: CompanySize;
  profile: PaymentProfile;
  insolventOn: string | null;
}

export interface DemoContact extends Row<"contacts"> {
  roles: string[];
}

export interface DemoInvoice extends Row<"invoices"> {
  customerExternalId: string;
  terms: string;
  discounts: DiscountTier[];
  description: string;
}

export type DemoInstallment = Row<"installments">;

export interface DemoCreditNote extends Row<"creditNotes"> {
  reason: string;
}

export interface DemoPayment extends Row<"payments"> {
  customerExternalId: string;
  method: string;
  payerName: string;
  payerAccount: string;
  reference: string;
}

export type DemoAllocation = Row<"allocations">;

/** Everything about a run of customers; allocations only reference invoices, payments and credit notes of the same chunk. */
export interface BookChunk {
  customers: DemoCustomer[];
  contacts: DemoContact[];
  invoices: DemoInvoice[];
  installments: DemoInstallment[];
  creditNotes: DemoCreditNote[];
  payments: DemoPayment[];
  allocations: DemoAllocation[];
}

export type BookCounts = { [K in keyof BookChunk]: number };
