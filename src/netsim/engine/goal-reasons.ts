// What a goal's check answers, apart from the checks themselves (goals.ts, a tool module fetched
// when an exercise's page asks): pages read the codes without the checks.

/** Every reason a goal can fail for; each has a sentence in every locale (src/i18n/resources, exercise.reason). */
export const GOAL_REASON_CODES = [
  'no-container',
  'not-running',
  'not-attached',
  'wrong-subnet',
  'no-alias',
  'no-network',
  'wrong-driver',
  'wrong-network-subnet',
  'not-internal',
  'is-internal',
  'does-not-resolve',
  'resolves-elsewhere',
  'unreachable',
  'no-connection',
  'wrong-status',
  'no-body',
  'not-published',
  'no-rule',
  'no-line',
  // A goal with `not` fails because what it rules out holds: one code per kind.
  'still-container',
  'still-attached',
  'still-resolves',
  'still-reaches',
  'still-connects',
  'still-published',
  'still-network',
  'still-rule',
  'still-file',
] as const;

/** Why a goal is not met, as a code and the values a sentence in the reader's language needs. */
export interface GoalReason {
  code: (typeof GOAL_REASON_CODES)[number];
  values: Record<string, string>;
}

export type GoalResult = { pass: true } | { pass: false; reason: GoalReason };
