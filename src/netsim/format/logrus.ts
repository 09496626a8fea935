/**
 * sirupsen/logrus v1.9.3 text_formatter.go as Docker Compose logs warnings on
 * stderr: at a terminal the coloured form with the seconds since the program
 * started (`WARN[0000] message`, the message padded to 44 and followed by a
 * space); elsewhere `time=... level=warning msg=...`, quoted as %q when needed.
 */
export type LogLevel = 'warning' | 'error' | 'info';

const COLOR: Readonly<Record<LogLevel, number>> = { warning: 33, error: 31, info: 36 };

/** needsQuoting: anything beyond letters, digits and -._/@^+. */
function needsQuoting(text: string): boolean {
  return !/^[a-zA-Z0-9\-._/@^+]*$/.test(text);
}

/** Go's %q for the text of a log field. */
function goQuote(text: string): string {
  return JSON.stringify(text).replace(/[\u007f-\u009f]/g, (char) => `\\u00${char.charCodeAt(0).toString(16)}`);
}

/** time.RFC3339 in UTC, the host's zone. */
function rfc3339(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

export function logrusLine(
  level: LogLevel,
  message: string,
  options: { colored: boolean; nowMs: number; startedMs?: number },
): string {
  if (options.colored) {
    const seconds = Math.floor((options.nowMs - (options.startedMs ?? options.nowMs)) / 1000);
    const text = level.slice(0, 4).toUpperCase();
    return `\x1b[${COLOR[level]}m${text}\x1b[0m[${String(seconds).padStart(4, '0')}] ${message.replace(/\n$/, '').padEnd(44)} \n`;
  }
  const value = (text: string) => (needsQuoting(text) ? goQuote(text) : text);
  return `time=${value(rfc3339(options.nowMs))} level=${level} msg=${value(message)}\n`;
}
