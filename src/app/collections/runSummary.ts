import type { WaitReason } from "../../domain/collections/decideAccount.js";
import type { Decided, RunOutputs } from "./runOutputs.js";

export interface RunSummary {
  date: string;
  dryRun: boolean;
  /** Batches this process decided (a run shared by workers splits its batches between them). */
  batches: number;
  accounts: number;
  performed: Record<string, number>;
  skipped: number;
  cleared: number;
  waiting: Partial<Record<WaitReason, number>>;
  promises: { kept: number; broken: number };
  unreachable: number;
  /** Ids of the actions performed, for reports of the run. */
  actionIds: string[];
}

export function summarize(date: string, decided: readonly Decided[], out: RunOutputs, promises: readonly { status: string }[], unreachable: number): RunSummary {
  const performed: Record<string, number> = {};
  const waiting: Partial<Record<WaitReason, number>> = {};
  let cleared = 0;
  for (const { decision } of decided) {
    if (decision.cleared) cleared += 1;
    if (decision.kind === "wait") waiting[decision.reason] = (waiting[decision.reason] ?? 0) + 1;
  }
  const done = out.actions.filter((a) => a.status === "performed");
  for (const a of done) performed[a.channel] = (performed[a.channel] ?? 0) + 1;
  return {
    date,
    dryRun: false,
    batches: 1,
    accounts: decided.length,
    performed,
    skipped: out.actions.length - done.length,
    cleared,
    waiting,
    promises: { kept: promises.filter((p) => p.status === "kept").length, broken: promises.filter((p) => p.status === "broken").length },
    unreachable,
    actionIds: done.map((a) => a.id),
  };
}

const addCounts = <K extends string>(a: Partial<Record<K, number>>, b: Partial<Record<K, number>>): Partial<Record<K, number>> => {
  const out: Partial<Record<K, number>> = { ...a };
  for (const [k, v] of Object.entries(b) as [K, number][]) out[k] = (out[k] ?? 0) + v;
  return out;
};

export function mergeSummaries(date: string, parts: readonly RunSummary[]): RunSummary {
  return parts.reduce<RunSummary>(
    (acc, s) => ({
      date,
      dryRun: acc.dryRun || s.dryRun,
      batches: acc.batches + s.batches,
      accounts: acc.accounts + s.accounts,
      performed: addCounts(acc.performed, s.performed) as Record<string, number>,
      skipped: acc.skipped + s.skipped,
      cleared: acc.cleared + s.cleared,
      waiting: addCounts(acc.waiting, s.waiting),
      promises: { kept: acc.promises.kept + s.promises.kept, broken: acc.promises.broken + s.promises.broken },
      unreachable: acc.unreachable + s.unreachable,
      actionIds: [...acc.actionIds, ...s.actionIds],
    }),
    { date, dryRun: false, batches: 0, accounts: 0, performed: {}, skipped: 0, cleared: 0, waiting: {}, promises: { kept: 0, broken: 0 }, unreachable: 0, actionIds: [] },
  );
}
