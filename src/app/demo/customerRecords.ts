import type { DemoContact, DemoCustomer } from "./bookTypes.js";
import { isoOfDay } from "./calendarDays.js";
import type { CustomerPlan, Period } from "./customerPlans.js";
import type { DemoIds } from "./demoIds.js";
import { fromEurCents, minorPerUnit } from "./invoiceAmounts.js";
import { ascii, display, LEXICONS, type Lexicon } from "./lexicon.js";
import { postalAddress } from "./postalAddresses.js";
import { Rng, Weighted } from "./prng.js";

/** How a group's subsidiaries are named and mailed: after the group head. */
export interface GroupHead {
  id: string;
  externalId: string;
  stem: string;
  domain: string;
}

export interface CustomerRecord {
  customer: DemoCustomer;
  contacts: DemoContact[];
  /** Set when the customer heads a group that later customers may belong to. */
  head?: GroupHead;
}

const CHANNELS = new Weighted<DemoContact["preferredChannel"]>([["email", 80], ["phone", 10], ["letter", 7], ["sms", 3]]);
const NEW_CUSTOMER_DAYS = 90;
// a customer's exposure is usually capped at a couple of months of business
const CREDIT_LIMIT_MONTHS_PER_MILLE = 2500;
// log-normal invoices average 1.435 × their median
const MEAN_OVER_MEDIAN_PER_MILLE = 1435;

export const externalIdOf = (index: number): string => `C${100_001 + index}`;

export function customerRecord(plan: CustomerPlan, period: Period, ids: DemoIds, heads: ReadonlyMap<number, GroupHead>, rng: Rng): CustomerRecord {
  const lex = LEXICONS[plan.language] ?? LEXICONS.en!;
  const parent = plan.parentIndex === null ? undefined : heads.get(plan.parentIndex);
  const name = parent ? subsidiaryName(rng, lex, plan, parent) : companyName(rng, lex, plan);
  const id = ids.next(plan.joinDay);
  const known = plan.insolvencyDay !== null && plan.insolvencyDay <= period.endDay;
  const tags = [plan.industry.tag];
  if (plan.joinDay > period.endDay - NEW_CUSTOMER_DAYS) tags.push("new");
  if (parent) tags.push("group");
  if (known) tags.push("insolvency");
  if (plan.profile === "chronicallyLate" && rng.chance(400)) tags.push("watchlist");
  if (rng.chance(40)) tags.push("public-sector");
  const customer: DemoCustomer = {
    id,
    externalId: externalIdOf(plan.index),
    legalName: name.legalName,
    taxId: rng.chance(50) ? null : plan.market.taxId(rng),
    country: plan.market.country,
    currency: plan.market.currency,
    language: plan.language,
    segment: plan.size.segment,
    tags,
    parentId: parent?.id ?? null,
    parentExternalId: parent?.externalId ?? null,
    creditLimit: rng.chance(150) ? null : creditLimit(plan),
    doNotDun: known,
    addressLines: postalAddress(plan.market.country, plan.index),
    industry: plan.industry.tag,
    size: plan.size.size,
    profile: plan.profile,
    insolventOn: plan.insolvencyDay === null ? null : isoOfDay(plan.insolvencyDay),
  };
  const contacts = contactsOf(rng, lex, plan, customer, name.domain, ids);
  const head = plan.size.size === "enterprise" ? { id, externalId: customer.externalId, stem: name.stem, domain: name.domain } : undefined;
  return head ? { customer, contacts, head } : { customer, contacts };
}

function companyName(rng: Rng, lex: Lexicon, plan: CustomerPlan): { legalName: string; stem: string; domain: string } {
  const last = rng.pick(lex.lastNames);
  const last2 = rng.pick(lex.lastNames);
  const word = rng.pick(lex.companyWords);
  const brand = rng.chance(500) ? rng.pick(lex.places) : last;
  const form = rng.pick(plan.market.legalForms);
  const pattern = rng.pick(lex.namePatterns);
  const fill = (withForm: boolean) =>
    pattern
      .replace("{last}", display(last))
      .replace("{last2}", display(last2))
      .replace("{word}", display(word))
      .replace("{brand}", display(brand))
      .replace("{form}", withForm ? form : "")
      .trim();
  const usesBrand = pattern.includes("{brand}");
  return { legalName: fill(true), stem: fill(false), domain: `${ascii(usesBrand ? brand : last)}${ascii(word)}.${plan.market.emailTld}` };
}

function subsidiaryName(rng: Rng, lex: Lexicon, plan: CustomerPlan, parent: GroupHead): { legalName: string; stem: string; domain: string } {
  const place = display(rng.pick(lex.places));
  const form = rng.pick(plan.market.legalForms);
  const stem = `${parent.stem} ${place}`;
  return { legalName: plan.language === "ja" ? `${parent.stem}${place}${form}` : `${stem} ${form}`, stem, domain: parent.domain };
}

function creditLimit(plan: CustomerPlan): bigint {
  const medianEurCents = Math.floor((plan.industry.medianEurCents * plan.size.amountFactor) / 1000);
  const meanEurCents = Math.floor((medianEurCents * MEAN_OVER_MEDIAN_PER_MILLE) / 1000);
  const monthlyEurCents = Math.floor((meanEurCents * plan.size.monthlyRate * plan.industry.frequency) / 1_000_000);
  const limit = fromEurCents(Math.floor((monthlyEurCents * CREDIT_LIMIT_MONTHS_PER_MILLE) / 1000), plan.market.currency);
  const step = 1000 * minorPerUnit(plan.market.currency);
  return BigInt(Math.max(step, Math.floor((limit + step / 2) / step) * step));
}

function contactsOf(rng: Rng, lex: Lexicon, plan: CustomerPlan, customer: DemoCustomer, domain: string, ids: DemoIds): DemoContact[] {
  const [fewest, most] = plan.size.contacts;
  const count = rng.between(fewest, most);
  const contacts: DemoContact[] = [];
  const emails = new Set<string>();
  for (let i = 0; i < count; i++) {
    const roles = count === 1 ? ["accounts_payable", "decision_maker"] : i === 1 ? ["decision_maker"] : ["accounts_payable"];
    const mailbox = i === 0 && count > 1 && rng.chance(500);
    const first = rng.pick(lex.firstNames);
    const last = rng.pick(lex.lastNames);
    const personName = plan.language === "ja" ? `${display(last)} ${display(first)}` : `${display(first)} ${display(last)}`;
    let local = mailbox ? lex.payablesMailbox[1] : `${ascii(first)}.${ascii(last)}`;
    for (let n = 2; emails.has(local); n++) local = `${ascii(first)}.${ascii(last)}${n}`;
    emails.add(local);
    const email = !mailbox && rng.chance(30) ? null : `${local}@${domain}`;
    // a contact is reachable somehow: no e-mail address means a phone number
    const phone = email !== null && rng.chance(120) ? null : `${plan.market.phonePrefix} ${rng.between(10, 99)} ${rng.between(1_000_000, 9_999_999)}`;
    contacts.push({
      id: ids.next(plan.joinDay),
      customerId: customer.id,
      name: mailbox ? lex.payablesMailbox[0] : personName,
      email,
      phone,
      roles,
      preferredChannel: CHANNELS.draw(rng),
      language: rng.chance(100) ? "en" : plan.language,
      isPrimary: i === 0,
    });
  }
  return contacts;
}
