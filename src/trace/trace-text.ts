import type { TraceNamespace } from '../netsim/index';
import type { StepText, TraceStep } from './trace-steps';

/** An i18n lookup: the full key (`trace.step.send`) and its values, `count` picking the plural form. */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

/** A step's sentence in the reader's language; values that are step texts (a counter) are translated first. */
export function stepSentence(text: StepText, translate: Translate): string {
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(text.values))
    values[name] = typeof value === 'object' ? stepSentence(value, translate) : value;
  return translate(`trace.step.${text.key}`, values);
}

/** Where a step happens, as a short label: `contenedor client`, `anfitrión docker-host`. */
export function whereLabel(where: TraceNamespace | undefined, translate: Translate): string {
  return where ? translate(`trace.where.${where.kind}`, { name: where.name }) : translate('trace.where.beyond');
}

/** One line of the list a trace shows: a step, or the later packets of connections already told, grouped. */
export type TraceItem = { kind: 'step'; step: TraceStep } | { kind: 'repeats'; packets: number; steps: TraceStep[] };

/**
 * The steps in order, each run of repeated packets (the rest of a TCP
 * exchange, a second ping) folded into one item that keeps its steps: the
 * page lists them behind a disclosure, the terminal counts them.
 */
export function traceItems(steps: readonly TraceStep[]): TraceItem[] {
  const items: TraceItem[] = [];
  for (const step of steps) {
    const last = items.at(-1);
    if (!step.repeat) items.push({ kind: 'step', step });
    else if (last?.kind === 'repeats') {
      if (last.steps.at(-1)?.packet !== step.packet) last.packets += 1;
      last.steps.push(step);
    } else items.push({ kind: 'repeats', packets: 1, steps: [step] });
  }
  return items;
}

/**
 * The trace as the terminal prints it: a heading, then one numbered step a
 * line (the rule under it, as `iptables -S` prints it), repeated packets
 * counted in one line. Pure: the same steps and strings give the same text.
 */
export function traceText(command: string, steps: readonly TraceStep[], translate: Translate): string {
  const lines = [translate('trace.terminal.heading', { command })];
  const items = traceItems(steps);
  const width = String(items.length).length;
  for (const [index, item] of items.entries()) {
    const number = `${String(index + 1).padStart(width)}. `;
    const indent = ' '.repeat(number.length + 2);
    if (item.kind === 'repeats') {
      lines.push(`  ${number}${translate('trace.repeats', { count: item.packets })}`);
      continue;
    }
    lines.push(`  ${number}[${whereLabel(item.step.where, translate)}] ${stepSentence(item.step.text, translate)}`);
    if (item.step.code) lines.push(`${indent}${item.step.code}`);
  }
  return `${lines.join('\n')}\n`;
}

/** UI strings as the i18n JSON nests them. */
export type StringTree = { [key: string]: string | StringTree };

/** Nested strings as flat keys under `prefix`: `{ step: { send } }` → `trace.step.send`. */
export function flatStrings(tree: StringTree, prefix: string): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') flat[`${prefix}.${key}`] = value;
    else Object.assign(flat, flatStrings(value, `${prefix}.${key}`));
  }
  return flat;
}

/**
 * A Translate over flat templates (`trace.step.send` → text) for where i18next
 * is not loaded (the terminal): `{{name}}` filled in, and with `count`, the
 * key's CLDR plural form for `localeTag`.
 */
export function templateTranslator(templates: Readonly<Record<string, string>>, localeTag: string): Translate {
  const plurals = new Intl.PluralRules(localeTag);
  return (key, values = {}) => {
    const count = values.count;
    const template =
      (typeof count === 'number' ? templates[`${key}_${plurals.select(count)}`] : undefined) ?? templates[key] ?? key;
    return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) =>
      values[name] === undefined ? whole : String(values[name]),
    );
  };
}
