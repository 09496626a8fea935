import type { Goal, GoalResult, HostSnapshot, MachineName } from '../netsim/index';
import type { CommandVerdict } from '../practice/command-check';
import type { CommandCheck, PracticeRecipe } from '../practice/replay';
import type { Completion } from './completion';
import type { RunOutcome } from './terminal-session';

/** What the page asks the worker that runs netsim. */
export type TerminalRequest =
  | { type: 'start'; recipe: PracticeRecipe }
  | { type: 'reset' }
  /** Lines go to the terminal open on that machine from now on (the terminal's tabs). */
  | { type: 'switch'; terminal: MachineName }
  /** `columns`: the terminal's width, which programs such as `ss` lay their columns out to. */
  | { type: 'run'; line: string; columns?: number }
  /** The line as typed so far, to run ahead on a copy of the host (TerminalSimulation.speculate). */
  | { type: 'speculate'; line: string; columns?: number }
  /** `seconds`: when Ctrl-C came, on the simulated clock; absent, as late as the run ahead went. */
  | { type: 'interrupt'; seconds?: number; columns?: number }
  | { type: 'complete'; line: string; cursor: number }
  | { type: 'snapshot' }
  | { type: 'check'; goals: Goal[] }
  /** A quiz's typed command, checked on a copy of its question's start host; needs no `start`. */
  | { type: 'check-command'; question: string; check: CommandCheck; command: string };

export type TerminalReply =
  /** `terminals`, in the answer to `start`: the machines a tab can be open on, the host first. */
  | { type: 'prompt'; prompt: string; terminals?: { name: MachineName; hostname: string }[] }
  | { type: 'outcome'; outcome: RunOutcome }
  /** What `line` will print at Enter if nothing else runs first; undefined when it cannot be foreseen (or a newer line was asked). */
  | { type: 'foreseen'; line: string; outcome: RunOutcome | undefined }
  | { type: 'completion'; completion: Completion }
  | { type: 'snapshot'; snapshot: HostSnapshot }
  | { type: 'checked'; results: GoalResult[] }
  | { type: 'command-checked'; verdict: CommandVerdict }
  | { type: 'error'; message: string };

export type Envelope<T> = T & { id: number };
