import type { CatalogReference } from '../engine/daemon';
import { MONTHS } from '../wire/time-text';

/** One journal entry as the printers need it (engine/daemon.ts JournalEntry). */
export interface JournalLine {
  readonly timeMs: number;
  readonly identifier: string;
  readonly message: string;
  readonly catalog?: CatalogReference;
}

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

/** Debian's systemd is built with SUPPORT_URL pointing at Debian's support page. */
const SUPPORT_URL = 'https://www.debian.org/support';

/**
 * systemd's catalog (catalog/systemd.catalog.in) for the messages a unit's
 * jobs log: the subject and the body, with the unit, job ID and results filled
 * in, as journalctl -x prints them (captures of Debian and Ubuntu hosts).
 */
function catalogText(catalog: CatalogReference, unit: string): { subject: string; body: string[] } {
  switch (catalog.kind) {
    case 'start-begun':
      return {
        subject: `A start job for unit ${unit} has begun execution`,
        body: [`A start job for unit ${unit} has begun execution.`, '', `The job identifier is ${catalog.jobId}.`],
      };
    case 'start-done':
      return {
        subject: `A start job for unit ${unit} has finished successfully`,
        body: [
          `A start job for unit ${unit} has finished successfully.`,
          '',
          `The job identifier is ${catalog.jobId}.`,
        ],
      };
    case 'start-failed':
      return {
        subject: `A start job for unit ${unit} has failed`,
        body: [
          `A start job for unit ${unit} has finished with a failure.`,
          '',
          `The job identifier is ${catalog.jobId} and the job result is ${catalog.jobResult}.`,
        ],
      };
    case 'stop-begun':
      return {
        subject: `A stop job for unit ${unit} has begun execution`,
        body: [`A stop job for unit ${unit} has begun execution.`, '', `The job identifier is ${catalog.jobId}.`],
      };
    case 'stop-done':
      return {
        subject: `A stop job for unit ${unit} has finished`,
        body: [
          `A stop job for unit ${unit} has finished.`,
          '',
          `The job identifier is ${catalog.jobId} and the job result is ${catalog.jobResult}.`,
        ],
      };
    case 'process-exited':
      return {
        subject: 'Unit process exited',
        body: [
          `An ExecStart= process belonging to unit ${unit} has exited.`,
          '',
          `The process' exit code is 'exited' and its exit status is ${catalog.status}.`,
        ],
      };
    case 'unit-failed':
      return {
        subject: 'Unit failed',
        body: [`The unit ${unit} has entered the 'failed' state with result '${catalog.result}'.`],
      };
    case 'unit-succeeded':
      return { subject: 'Unit succeeded', body: [`The unit ${unit} has successfully entered the 'dead' state.`] };
    case 'restart-scheduled':
      return {
        subject: 'Automatic restarting of a unit has been scheduled',
        body: [
          `Automatic restarting of the unit ${unit} has been scheduled, as the result for`,
          'the configured Restart= setting for the unit.',
        ],
      };
  }
}

/** journalctl -x: an entry's catalog text under it, each line after `░░ ` (logs-show.c print_catalog). */
export function formatCatalog(catalog: CatalogReference, unit: string): string[] {
  const { subject, body } = catalogText(catalog, unit);
  return [`Subject: ${subject}`, 'Defined-By: systemd', `Support: ${SUPPORT_URL}`, '', ...body].map(
    (line) => `░░ ${line}`,
  );
}
