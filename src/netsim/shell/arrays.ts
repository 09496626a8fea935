import type { Assignment, WordPart } from './ast';
import { expandString, type ExpansionContext } from './expand';
import type { ShellState } from './interpreter';

/**
 * bash's indexed arrays on a shell's state. Element 0 is the variable itself
 * (`$a` is `${a[0]}`, and a scalar is an array of one), the others are kept
 * apart in `state.arrays`, sparse as bash's are.
 */

/** `a[i]=value`; `set` assigns element 0 as any assignment to the name would. */
export function setElement(
  state: ShellState,
  name: string,
  at: number,
  value: string,
  set: (name: string, value: string) => void,
): void {
  if (at === 0) return set(name, value);
  const arrays = (state.arrays ??= new Map());
  if (!arrays.has(name)) arrays.set(name, new Map());
  arrays.get(name)!.set(at, value);
}

/** The array's elements from index 0, what was there gone (`a=(...)`, BASH_REMATCH, `read -a`). */
export function setArray(
  state: ShellState,
  name: string,
  values: readonly string[],
  set: (name: string, value: string) => void,
): void {
  state.arrays?.delete(name);
  state.variables.delete(name);
  values.forEach((value, index) => setElement(state, name, index, value, set));
}

/** `${!a[@]}`: the indices that are set, in order. */
export function arrayIndices(state: ShellState, name: string): number[] {
  const rest = [...(state.arrays?.get(name)?.keys() ?? [])].sort((a, b) => a - b);
  return state.variables.has(name) ? [0, ...rest] : rest;
}

/** `${a[@]}`: the elements, in the order of their indices. */
export function arrayValues(state: ShellState, name: string): string[] {
  return arrayIndices(state, name).map((index) =>
    index === 0 ? state.variables.get(name)! : state.arrays!.get(name)!.get(index)!,
  );
}

/** What an array assignment asks of the shell: assignments as it makes them, and arithmetic for an index. */
export interface ArrayHooks {
  setVariable(name: string, value: string): void;
  arithmetic(text: string): string;
}

/** `a=(x y)`, `a+=(z)` (`values`: the words, expanded), and `a[i]=value`. */
export function assignArray(
  state: ShellState,
  assignment: Assignment,
  values: readonly string[] | undefined,
  value: string,
  context: ExpansionContext,
  hooks: ArrayHooks,
): void {
  const { name } = assignment;
  const set = (key: string, text: string) => hooks.setVariable(key, text);
  if (values) {
    const start = assignment.append ? Math.max(-1, ...arrayIndices(state, name)) + 1 : 0;
    if (!assignment.append) setArray(state, name, [], set);
    values.forEach((element, offset) => setElement(state, name, start + offset, element, set));
    return;
  }
  setElement(state, name, Number(hooks.arithmetic(expandString(assignment.index!, context))), value, set);
}

/** `${a[i]}`, `${a[@]}` and `${a[*]}` (joined with spaces), `${#a[@]}`, `${#a[i]}`, `${!a[@]}`. */
export function arrayValue(
  state: ShellState,
  part: Extract<WordPart, { kind: 'array' }>,
  context: ExpansionContext,
  arithmetic: (text: string) => string,
): string {
  const { name, index, form } = part;
  if (form === 'indices') return arrayIndices(state, name).join(' ');
  if (typeof index === 'string') {
    const values = arrayValues(state, name);
    return form === 'length' ? String(values.length) : values.join(' ');
  }
  const at = Number(arithmetic(expandString({ parts: index, source: '' }, context)));
  const value = (at === 0 ? state.variables.get(name) : state.arrays?.get(name)?.get(at)) ?? '';
  if (value === '' && at !== 0) context.unset?.(name);
  return form === 'length' ? String([...value].length) : value;
}
