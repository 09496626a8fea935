/** Linux's x86-64 signal numbers of the signals images stop with (signal(7)). */
const SIGNALS: Readonly<Record<string, number>> = { HUP: 1, INT: 2, QUIT: 3, KILL: 9, USR1: 10, USR2: 12, TERM: 15, WINCH: 28, PWR: 30, RTMIN: 34 };

/** moby's signal.ParseSignal: a number, or a name with or without `SIG`; an unknown one counts as SIGTERM here. */
export function signalNumber(signal: string): number {
  if (/^\d+$/.test(signal)) return Number(signal);
  return SIGNALS[signal.toUpperCase().replace(/^SIG/, '')] ?? 15;
}
