import { hostname } from "node:os";
import type { AppDeps } from "../app/deps.js";
import { createChannelSenders, type ChannelSenders } from "../app/outbox/channelSenders.js";
import { dispatchOutbox, type DispatchOptions, type DispatchSummary } from "../app/outbox/dispatchOutbox.js";

export interface DispatcherOptions extends Omit<DispatchOptions, "worker" | "senders"> {
  /** Default: host name and process id, unique among the dispatchers sharing one database. */
  worker?: string;
  /** Senders to use; the caller closes them. Without, the dispatcher makes its own and closes them when it ends. */
  senders?: ChannelSenders;
  /** Wait between looks at an empty outbox; default 10 s. */
  pollSeconds?: number;
  /** Called after each pass that claimed something (progress), and with each error of a pass. */
  onPass?: (pass: DispatchSummary) => void;
  onError?: (error: unknown) => void;
  /** Where the "log" providers write; default nowhere. */
  log?: (line: string) => void;
}

export interface RunningDispatcher {
  /** Ends the loop after the pass in progress; `finished` then resolves. */
  stop(): void;
  /** Totals of every pass, once stopped. */
  finished: Promise<DispatchSummary>;
}

export const defaultWorkerName = (): string => `${hostname()}:${process.pid}`;

const emptySummary = (): DispatchSummary => ({ claimed: 0, sent: 0, failed: 0, retried: 0, cancelled: 0 });

function addTo(total: DispatchSummary, pass: DispatchSummary): void {
  for (const key of Object.keys(total) as (keyof DispatchSummary)[]) total[key] += pass[key];
}

/** Dispatches pass after pass until a pass finds nothing due; returns the totals. */
export async function dispatchUntilEmpty(deps: AppDeps, options: DispatcherOptions & { senders: ChannelSenders }): Promise<DispatchSummary> {
  const total = emptySummary();
  for (;;) {
    const pass = await dispatchOutbox(deps, { ...options, worker: options.worker ?? defaultWorkerName() });
    if (pass.claimed === 0) return total;
    addTo(total, pass);
    options.onPass?.(pass);
  }
}

/**
 * The long-running dispatcher of `dunwell dispatch` and `dunwell serve`: empties the outbox, then
 * looks again every `pollSeconds`. A failed pass (database unreachable) is reported and retried after
 * the same wait; claims it held are taken over once their lease ends.
 */
export function startDispatcher(deps: AppDeps, options: DispatcherOptions = {}): RunningDispatcher {
  const senders = options.senders ?? createChannelSenders({}, options.log);
  const pollMs = (options.pollSeconds ?? 10) * 1000;
  let stopped = false;
  let wake: (() => void) | undefined;
  const total = emptySummary();

  const loop = async (): Promise<DispatchSummary> => {
    try {
      while (!stopped) {
        try {
          addTo(total, await dispatchUntilEmpty(deps, { ...options, senders }));
        } catch (error) {
          options.onError?.(error);
        }
        if (stopped) break;
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, pollMs);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
      return total;
    } finally {
      if (!options.senders) await senders.close();
    }
  };

  const finished = loop();
  return {
    stop() {
      stopped = true;
      wake?.();
    },
    finished,
  };
}
