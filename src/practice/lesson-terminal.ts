// A file of its own: the lesson readers (fence options, time budgets) need these
// numbers, and importing them from session-host.ts would load the simulator with them.

/**
 * Simulated seconds a lesson command may run. A command still running then never
 * ends by itself (`ping` without -c, a server in the foreground) or takes longer
 * than a reader waits: a lesson must give it an end, or say when Ctrl-C comes.
 */
export const COMMAND_BUDGET_SECONDS = 60;

/** A console block's terminal is 80 columns wide unless its fence says `cols=N`. */
export const LESSON_COLUMNS = 80;
