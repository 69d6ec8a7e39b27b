/** Cash matching: the pure rules that propose how incoming credits are applied (docs/cash-matching.md). */
export { applyToIndex } from "./applyToIndex.js";
export { learnPayer, type ConfirmedPayer } from "./learnPayer.js";
export { matchCredit } from "./matchCredit.js";
export { buildMatchIndex, type KnownPayer, type MatchIndex, type MatchSettings, type OpenItemForMatching } from "./matchIndex.js";
export type { CreditLine, MatchAllocation, MatchMethod, MatchProposal, MatchStatus } from "./proposal.js";
