import type { Goal, GoalResult, HostSnapshot } from '../netsim/index';
import type { PracticeRecipe } from '../practice/replay';
import type { Completion } from './completion';
import type { RunOutcome } from './terminal-session';

/** What the page asks the worker that runs netsim. */
export type TerminalRequest =
  | { type: 'start'; recipe: PracticeRecipe }
  | { type: 'reset' }
  /** `columns`: the terminal's width, which programs such as `ss` lay their columns out to. */
  | { type: 'run'; line: string; columns?: number }
  | { type: 'interrupt'; seconds: number; columns?: number }
  | { type: 'complete'; line: string; cursor: number }
  | { type: 'snapshot' }
  | { type: 'check'; goals: Goal[] };

export type TerminalReply =
  | { type: 'prompt'; prompt: string }
  | { type: 'outcome'; outcome: RunOutcome }
  | { type: 'completion'; completion: Completion }
  | { type: 'snapshot'; snapshot: HostSnapshot }
  | { type: 'checked'; results: GoalResult[] }
  | { type: 'error'; message: string };

export type Envelope<T> = T & { id: number };
