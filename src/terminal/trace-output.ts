import { traceSteps } from '../trace/trace-steps';
import { flatStrings, templateTranslator, traceText, type StringTree } from '../trace/trace-text';
import type { RunOutcome } from './terminal-session';

// Each locale's strings are a chunk of their own, fetched the first time `netsim` is typed.
const RESOURCES = import.meta.glob<{ trace: StringTree }>('../i18n/resources/*.json', { import: 'default' });

/** The `trace.*` strings of a locale, flat (`trace.step.send` → text), as templateTranslator takes them. */
export async function traceStrings(locale: string): Promise<Record<string, string>> {
  const load = RESOURCES[`../i18n/resources/${locale}.json`];
  return load ? flatStrings((await load()).trace, 'trace') : {};
}

/**
 * What the terminal prints for `netsim`: the last command's trace told step
 * by step in the reader's language (the same steps a lesson's trace lists),
 * or what the command is. Pure: strings in, text out.
 */
export function netsimText(
  outcome: Extract<RunOutcome, { kind: 'trace' | 'netsim-help' }>,
  strings: Readonly<Record<string, string>>,
  tag: string,
): string {
  const translate = templateTranslator(strings, tag);
  if (outcome.kind === 'netsim-help')
    return `${translate('trace.terminal.help')}\n${outcome.usage ? `${translate('trace.terminal.usage')}\n` : ''}`;
  if (outcome.command === undefined || !outcome.trace) return `${translate('trace.terminal.nothing')}\n`;
  if (outcome.trace.hops.length === 0) return `${translate('trace.terminal.none')}\n`;
  return traceText(outcome.command, traceSteps(outcome.trace), translate);
}
