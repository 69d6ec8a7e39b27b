import type { KnownPayer } from "./matchIndex.js";
import { normalizeIban, normalizePayerName } from "./payerKeys.js";

export interface ConfirmedPayer {
  iban?: string;
  name?: string;
  customerId: string;
}

/**
 * What a confirmed match teaches (issue 6, item 5): this payer pays for this customer. The payer is known by
 * IBAN when the bank gave one, else by name; confirming again counts up, which raises the confidence of the
 * next payment from it (confidence.ts). Pure: returns a new list, the input is left as it was.
 */
export function learnPayer(payers: readonly KnownPayer[], confirmed: ConfirmedPayer): KnownPayer[] {
  const iban = confirmed.iban ? normalizeIban(confirmed.iban) : "";
  const name = confirmed.name ? normalizePayerName(confirmed.name) : "";
  if (iban === "" && name === "") return [...payers];
  const same = (p: KnownPayer) =>
    p.customerId === confirmed.customerId && (iban !== "" ? p.iban !== undefined && normalizeIban(p.iban) === iban : p.iban === undefined && p.name !== undefined && normalizePayerName(p.name) === name);
  const at = payers.findIndex(same);
  if (at < 0) {
    return [...payers, { ...(iban !== "" ? { iban } : {}), ...(confirmed.name ? { name: confirmed.name } : {}), customerId: confirmed.customerId, confirmedMatches: 1 }];
  }
  const known = payers[at]!;
  const updated: KnownPayer = { ...known, ...(known.name === undefined && confirmed.name ? { name: confirmed.name } : {}), confirmedMatches: known.confirmedMatches + 1 };
  return payers.map((p, i) => (i === at ? updated : p));
}
