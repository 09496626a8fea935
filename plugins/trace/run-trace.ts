import type { CommandTrace, HostSnapshot, TopologyRecord } from '../../src/netsim/index';
import { LessonHost } from '../../src/practice/session-host';
import { crashMessage } from '../lessons/start-host';
import type { TraceSource } from './read-traces';

/** What a `<Trace />` shows: its command as typed and what it printed, the hops its packets took, and the host after it. */
export type TraceRun =
  | {
      kind: 'traced';
      prompt: string;
      command: string;
      output: string[];
      exitCode: number;
      trace: CommandTrace;
      state: TopologyRecord;
    }
  | { kind: 'no-host' }
  /** `from` names a machine the session could not enter: the status `ssh` ended with. */
  | { kind: 'not-entered'; exitCode: number }
  | { kind: 'crashed'; message: string };

/**
 * Runs a trace's command on a copy of its session as the blocks before it left
 * it, so the session goes on as if the trace were not there. With `from`, the
 * copy first enters that machine as a reader would (`ssh lan-pc`).
 */
export function runTrace(trace: TraceSource, snapshot: HostSnapshot | undefined): TraceRun {
  if (!snapshot) return { kind: 'no-host' };
  try {
    const host = LessonHost.restored(snapshot);
    if (trace.from !== undefined) {
      const entered = host.run(host.prompt(), `ssh ${trace.from}`);
      if (entered.exitCode !== 0) return { kind: 'not-entered', exitCode: entered.exitCode };
    }
    const prompt = host.prompt();
    const { step, trace: recorded } = host.traced(prompt, trace.command);
    return {
      kind: 'traced',
      prompt: step.prompt,
      command: trace.command,
      output: step.output,
      exitCode: step.exitCode,
      trace: recorded,
      state: host.topology(),
    };
  } catch (error) {
    return { kind: 'crashed', message: crashMessage(error) };
  }
}
