import { z } from 'zod';
import { COMMAND_BUDGET_SECONDS, LESSON_COLUMNS } from '../../src/practice/lesson-terminal';
import { closestWord } from './closest-word';

/** What the fence meta of a ```console block may say, after validation. */
export interface FenceOptions {
  /** Blocks with the same session share one simulated host, in document order. */
  session: string;
  /** Runs, but is not shown: state a lesson needs and does not teach. */
  setup: boolean;
  /** Shown, never run: the page says it is not verified. */
  norun: boolean;
  /** Verified, never rewritten by lessons:update. */
  pin: boolean;
  /** Starts this block's session on a fresh host. */
  reset: boolean;
  /** Exit status the block's last command must end with. */
  exit: number;
  /**
   * Simulated seconds after Enter when the reader presses Ctrl-C, for a block that
   * shows a command stopped that way (`ping` without -c). Absent, a command must end
   * by itself within the budget.
   */
  interrupt: number | undefined;
  /** The width of the block's terminal, which tools such as `ss` lay their columns out to (LESSON_COLUMNS unless the fence says). */
  cols: number;
}

export const DEFAULT_SESSION = 'main';

const FLAGS = ['setup', 'norun', 'pin', 'reset'] as const;
const VALUED = { session: 'session=NAME', exit: 'exit=N', interrupt: 'interrupt=SECONDS', cols: 'cols=N' } as const;
/** Narrower than this, a prompt and a command hardly fit; wider, no reader's screen shows it. */
const MIN_COLUMNS = 20;
const MAX_COLUMNS = 300;
const KNOWN = [...FLAGS, ...Object.keys(VALUED)];

const schema = z
  .strictObject({
    session: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*$/, 'session names are lowercase words joined by hyphens, e.g. session=dns')
      .default(DEFAULT_SESSION),
    setup: z.boolean().default(false),
    norun: z.boolean().default(false),
    pin: z.boolean().default(false),
    reset: z.boolean().default(false),
    // Written as decimal digits only: Number() would take "0x1", "1e0" or " 1" too.
    exit: z
      .string()
      .regex(/^\d+$/, 'exit takes a whole number from 0 to 255, e.g. exit=1')
      .transform(Number)
      .refine((status) => status <= 255, 'exit statuses go from 0 to 255')
      .default(0),
    interrupt: z
      .string()
      .regex(/^\d+$/, 'interrupt takes the whole number of simulated seconds before Ctrl-C, e.g. interrupt=4')
      .transform(Number)
      .refine(
        (seconds) => seconds >= 1 && seconds <= COMMAND_BUDGET_SECONDS,
        `interrupt takes 1 to ${COMMAND_BUDGET_SECONDS} seconds: a lesson command runs at most ${COMMAND_BUDGET_SECONDS} simulated seconds`,
      )
      .optional(),
    cols: z
      .string()
      .regex(/^\d+$/, `cols takes the terminal's width in columns, a whole number, e.g. cols=120`)
      .transform(Number)
      .refine(
        (columns) => columns >= MIN_COLUMNS && columns <= MAX_COLUMNS,
        `cols takes ${MIN_COLUMNS} to ${MAX_COLUMNS} columns`,
      )
      .optional(),
  })
  .refine(
    (options) =>
      !(
        options.norun &&
        (options.setup ||
          options.pin ||
          options.reset ||
          options.exit !== 0 ||
          options.interrupt !== undefined ||
          options.cols !== undefined)
      ),
    {
      message: 'norun blocks never run, so setup, pin, reset, exit=, interrupt= and cols= mean nothing with it',
    },
  );

export class FenceOptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FenceOptionError';
  }
}

/**
 * Reads the words after ```console: `key=value` or a bare flag. Every mistake is
 * an error naming the word and what would be right, because a misspelt option
 * silently ignored would run a block that was meant not to run.
 */
export function parseFenceOptions(meta: string | null | undefined): FenceOptions {
  const raw: Record<string, string | boolean> = {};
  for (const word of (meta ?? '').split(/\s+/).filter(Boolean)) {
    const equals = word.indexOf('=');
    const key = equals < 0 ? word : word.slice(0, equals);
    const value = equals < 0 ? undefined : word.slice(equals + 1);
    if (!KNOWN.includes(key)) throw new FenceOptionError(unknownOption(key));
    if (key in raw) throw new FenceOptionError(`"${key}" is given twice`);
    if ((FLAGS as readonly string[]).includes(key)) {
      if (value !== undefined) throw new FenceOptionError(`"${key}" is a flag and takes no value: write ${key}`);
      raw[key] = true;
    } else {
      if (value === undefined || value === '')
        throw new FenceOptionError(`"${key}" needs a value: write ${VALUED[key as keyof typeof VALUED]}`);
      raw[key] = value;
    }
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const key = issue.path[0];
    throw new FenceOptionError(
      key === undefined ? issue.message : `"${String(key)}=${String(raw[String(key)])}": ${issue.message}`,
    );
  }
  return { ...parsed.data, interrupt: parsed.data.interrupt, cols: parsed.data.cols ?? LESSON_COLUMNS };
}

function unknownOption(key: string): string {
  const suggestion = closestWord(key, KNOWN);
  const spelled =
    suggestion === undefined ? '' : ` (did you mean ${suggestion in VALUED ? `${suggestion}=` : suggestion}?)`;
  return `unknown option "${key}"${spelled}; a console block takes ${[...FLAGS, ...Object.values(VALUED)].join(', ')}`;
}
