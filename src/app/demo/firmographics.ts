import type { CompanySize } from "./bookTypes.js";
import { Weighted } from "./prng.js";

/** What a customer buys shapes how big and how frequent its invoices are. */
export interface Industry {
  tag: string;
  /** Median invoice of a medium-sized customer, in euro cents. */
  medianEurCents: number;
  /** Relative invoice frequency, per mille of the size's rate. */
  frequency: number;
  /** Lines that head an invoice, completed with the billing month. */
  descriptions: readonly string[];
}

export const INDUSTRIES = new Weighted<Industry>([
  [{ tag: "manufacturing", medianEurCents: 780_000, frequency: 1000, descriptions: ["Machined parts", "Steel components", "Tooling", "Spare parts delivery"] }, 22],
  [{ tag: "wholesale", medianEurCents: 420_000, frequency: 1400, descriptions: ["Goods delivery", "Consignment", "Stock replenishment"] }, 16],
  [{ tag: "construction", medianEurCents: 1_650_000, frequency: 600, descriptions: ["Site works progress billing", "Materials", "Equipment rental"] }, 10],
  [{ tag: "logistics", medianEurCents: 260_000, frequency: 1600, descriptions: ["Freight", "Warehousing", "Customs handling"] }, 12],
  [{ tag: "it-services", medianEurCents: 540_000, frequency: 800, descriptions: ["Software licences", "Consulting days", "Cloud hosting", "Support contract"] }, 12],
  [{ tag: "professional-services", medianEurCents: 310_000, frequency: 700, descriptions: ["Advisory fees", "Audit fees", "Project work"] }, 8],
  [{ tag: "healthcare", medianEurCents: 380_000, frequency: 1100, descriptions: ["Medical supplies", "Device maintenance", "Laboratory services"] }, 6],
  [{ tag: "retail", medianEurCents: 210_000, frequency: 1500, descriptions: ["Merchandise", "Shop fittings", "Seasonal stock"] }, 7],
  [{ tag: "hospitality", medianEurCents: 95_000, frequency: 1300, descriptions: ["Food and beverage supplies", "Linen service", "Event catering"] }, 4],
  [{ tag: "energy", medianEurCents: 1_200_000, frequency: 500, descriptions: ["Energy supply", "Grid services", "Plant maintenance"] }, 3],
]);

export interface SizeClass {
  size: CompanySize;
  /** Multiplier of the industry median, per mille. */
  amountFactor: number;
  /** Invoices per month, in thousandths. */
  monthlyRate: number;
  segment: string;
  /** Contacts the customer has on file (at least one). */
  contacts: readonly [number, number];
}

export const SIZES = new Weighted<SizeClass>([
  [{ size: "micro", amountFactor: 120, monthlyRate: 800, segment: "small business", contacts: [1, 1] }, 30],
  [{ size: "small", amountFactor: 350, monthlyRate: 1800, segment: "small business", contacts: [1, 2] }, 35],
  [{ size: "medium", amountFactor: 1000, monthlyRate: 3500, segment: "mid-market", contacts: [2, 3] }, 22],
  [{ size: "large", amountFactor: 2600, monthlyRate: 7000, segment: "enterprise", contacts: [2, 4] }, 10],
  [{ size: "enterprise", amountFactor: 6500, monthlyRate: 14_000, segment: "enterprise", contacts: [3, 4] }, 3],
]);

/** Invoicing volume by calendar month, per mille of an average month: busy before Christmas, quiet in August. */
export const SEASONALITY: readonly number[] = [900, 950, 1080, 1000, 1020, 1060, 930, 640, 1050, 1100, 1150, 1250];
