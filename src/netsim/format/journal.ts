/** One journal entry as the printers need it (engine/daemon.ts JournalEntry). */
export interface JournalLine {
  readonly timeMs: number;
  readonly identifier: string;
  readonly message: string;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');

/**
 * journalctl's default `short` output (logs-show.c output_short): the
 * timestamp as `%b %d %H:%M:%S` in the host's zone (UTC here), the host name,
 * the identifier with its PID, the message.
 */
export function formatJournalLine(entry: JournalLine, hostname: string): string {
  const d = new Date(entry.timeMs);
  const stamp = `${MONTHS[d.getUTCMonth()]} ${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
  return `${stamp} ${hostname} ${entry.identifier}: ${entry.message}`;
}
