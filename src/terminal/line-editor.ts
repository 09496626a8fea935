/**
 * The line a reader types at the prompt, edited as bash's readline edits it
 * (emacs mode): the keys move a cursor in a buffer and walk a history. Pure
 * state in, state out: the terminal draws it, tests drive it.
 */
export interface LineState {
  buffer: string;
  /** Index in the buffer, 0 to buffer.length. */
  cursor: number;
  /** Lines entered before, oldest first. */
  history: readonly string[];
  /** Position while walking the history; history.length is the line being typed. */
  historyIndex: number;
  /** The line being typed, kept while the reader walks the history. */
  draft: string;
  /** What Ctrl-K, Ctrl-U and Ctrl-W cut, for Ctrl-Y. */
  killed: string;
}

/** What a key asks the terminal to do besides redrawing the line. */
export type LineAction = 'none' | 'submit' | 'complete' | 'interrupt' | 'clear-screen' | 'end-of-file' | 'bell';

export const emptyLine = (history: readonly string[] = []): LineState => ({
  buffer: '',
  cursor: 0,
  history,
  historyIndex: history.length,
  draft: '',
  killed: '',
});

const CONTROL = {
  ctrlA: '\x01',
  ctrlB: '\x02',
  ctrlC: '\x03',
  ctrlD: '\x04',
  ctrlE: '\x05',
  ctrlF: '\x06',
  ctrlH: '\x08',
  tab: '\t',
  ctrlK: '\x0b',
  ctrlL: '\x0c',
  enter: '\r',
  ctrlN: '\x0e',
  ctrlP: '\x10',
  ctrlU: '\x15',
  ctrlW: '\x17',
  ctrlY: '\x19',
  backspace: '\x7f',
} as const;

/** Escape sequences xterm sends for the keys readline binds. */
const SEQUENCES: Record<string, string> = {
  '\x1b[A': 'up',
  '\x1bOA': 'up',
  '\x1b[B': 'down',
  '\x1bOB': 'down',
  '\x1b[C': 'right',
  '\x1bOC': 'right',
  '\x1b[D': 'left',
  '\x1bOD': 'left',
  '\x1b[H': 'home',
  '\x1bOH': 'home',
  '\x1b[1~': 'home',
  '\x1b[F': 'end',
  '\x1bOF': 'end',
  '\x1b[4~': 'end',
  '\x1b[3~': 'delete',
  '\x1bb': 'word-left',
  '\x1b[1;5D': 'word-left',
  '\x1bf': 'word-right',
  '\x1b[1;5C': 'word-right',
};

/** Splits what xterm delivered (one key, or a paste) into keys: escape sequences whole, other characters one by one. */
export function splitKeys(data: string): string[] {
  const keys: string[] = [];
  let index = 0;
  while (index < data.length) {
    if (data[index] === '\x1b') {
      const known = Object.keys(SEQUENCES)
        .filter((sequence) => data.startsWith(sequence, index))
        .sort((a, b) => b.length - a.length)[0];
      const match = known ?? /^\x1b(\[[0-9;]*[~A-Za-z]|O[A-Za-z]|.)?/.exec(data.slice(index))![0];
      keys.push(match);
      index += match.length;
    } else {
      const code = data.codePointAt(index)!;
      const char = String.fromCodePoint(code);
      keys.push(char);
      index += char.length;
    }
  }
  return keys;
}

/** Code units of the character before or after the cursor: two for an emoji or any character beyond U+FFFF. */
const before = (buffer: string, cursor: number) =>
  cursor >= 2 && /[\uDC00-\uDFFF]/.test(buffer[cursor - 1]!) && /[\uD800-\uDBFF]/.test(buffer[cursor - 2]!) ? 2 : 1;
const after = (buffer: string, cursor: number) =>
  /[\uD800-\uDBFF]/.test(buffer[cursor] ?? '') && /[\uDC00-\uDFFF]/.test(buffer[cursor + 1] ?? '') ? 2 : 1;

const isWordChar = (char: string | undefined) => char !== undefined && /[\p{L}\p{N}_]/u.test(char);

function wordLeft(buffer: string, cursor: number): number {
  let index = cursor;
  while (index > 0 && !isWordChar(buffer[index - 1])) index--;
  while (index > 0 && isWordChar(buffer[index - 1])) index--;
  return index;
}

function wordRight(buffer: string, cursor: number): number {
  let index = cursor;
  while (index < buffer.length && !isWordChar(buffer[index])) index++;
  while (index < buffer.length && isWordChar(buffer[index])) index++;
  return index;
}

/** Ctrl-W cuts back to the previous whitespace, as readline's unix-word-rubout does (not to punctuation). */
function whitespaceWordLeft(buffer: string, cursor: number): number {
  let index = cursor;
  while (index > 0 && /\s/.test(buffer[index - 1]!)) index--;
  while (index > 0 && !/\s/.test(buffer[index - 1]!)) index--;
  return index;
}

function recall(state: LineState, index: number): LineState {
  const draft = state.historyIndex === state.history.length ? state.buffer : state.draft;
  const buffer = index === state.history.length ? draft : state.history[index]!;
  return { ...state, historyIndex: index, draft, buffer, cursor: buffer.length };
}

/** One key applied to the line. Printable text (typed or pasted without newlines) is inserted at the cursor. */
export function pressKey(state: LineState, key: string): { state: LineState; action: LineAction } {
  const { buffer, cursor } = state;
  const edit = (next: Partial<LineState>, action: LineAction = 'none') => ({ state: { ...state, ...next }, action });
  const named = SEQUENCES[key];
  switch (named ?? key) {
    case CONTROL.enter:
    case '\n':
      return edit({}, 'submit');
    case CONTROL.tab:
      return edit({}, 'complete');
    case CONTROL.ctrlC:
      return edit({}, 'interrupt');
    case CONTROL.ctrlL:
      return edit({}, 'clear-screen');
    case CONTROL.ctrlD:
      // On an empty line Ctrl-D is end of input (bash: exit); otherwise it deletes under the cursor.
      if (buffer === '') return edit({}, 'end-of-file');
      return edit({ buffer: buffer.slice(0, cursor) + buffer.slice(cursor + after(buffer, cursor)) });
    case 'delete':
      return edit({ buffer: buffer.slice(0, cursor) + buffer.slice(cursor + after(buffer, cursor)) });
    case CONTROL.backspace:
    case CONTROL.ctrlH: {
      if (cursor === 0) return edit({}, 'bell');
      const size = before(buffer, cursor);
      return edit({ buffer: buffer.slice(0, cursor - size) + buffer.slice(cursor), cursor: cursor - size });
    }
    case 'left':
    case CONTROL.ctrlB:
      return cursor === 0 ? edit({}, 'bell') : edit({ cursor: cursor - before(buffer, cursor) });
    case 'right':
    case CONTROL.ctrlF:
      return cursor === buffer.length ? edit({}, 'bell') : edit({ cursor: cursor + after(buffer, cursor) });
    case 'home':
    case CONTROL.ctrlA:
      return edit({ cursor: 0 });
    case 'end':
    case CONTROL.ctrlE:
      return edit({ cursor: buffer.length });
    case 'word-left':
      return edit({ cursor: wordLeft(buffer, cursor) });
    case 'word-right':
      return edit({ cursor: wordRight(buffer, cursor) });
    case CONTROL.ctrlU:
      return edit({ buffer: buffer.slice(cursor), cursor: 0, killed: buffer.slice(0, cursor) });
    case CONTROL.ctrlK:
      return edit({ buffer: buffer.slice(0, cursor), killed: buffer.slice(cursor) });
    case CONTROL.ctrlW: {
      const start = whitespaceWordLeft(buffer, cursor);
      return edit({
        buffer: buffer.slice(0, start) + buffer.slice(cursor),
        cursor: start,
        killed: buffer.slice(start, cursor),
      });
    }
    case CONTROL.ctrlY:
      return edit({
        buffer: buffer.slice(0, cursor) + state.killed + buffer.slice(cursor),
        cursor: cursor + state.killed.length,
      });
    case 'up':
    case CONTROL.ctrlP:
      return state.historyIndex === 0
        ? edit({}, 'bell')
        : { state: recall(state, state.historyIndex - 1), action: 'none' };
    case 'down':
    case CONTROL.ctrlN:
      return state.historyIndex >= state.history.length
        ? edit({}, 'bell')
        : { state: recall(state, state.historyIndex + 1), action: 'none' };
    default:
      // Other control characters and unknown escape sequences do nothing, as in readline.
      if (key.startsWith('\x1b') || /^[\x00-\x1f]$/.test(key)) return edit({}, 'none');
      return edit({ buffer: buffer.slice(0, cursor) + key + buffer.slice(cursor), cursor: cursor + key.length });
  }
}

/** The line as entered: added to the history unless empty or the same as the last one (bash's ignoredups). */
export function submitLine(state: LineState): { line: string; next: LineState } {
  const line = state.buffer;
  const history = line.trim() === '' || state.history.at(-1) === line ? state.history : [...state.history, line];
  return { line, next: emptyLine(history) };
}

/** Text put into the line by completion or by the "next command" button. */
export function insertText(state: LineState, text: string, replaceFrom = state.cursor): LineState {
  const buffer = state.buffer.slice(0, replaceFrom) + text + state.buffer.slice(state.cursor);
  return { ...state, buffer, cursor: replaceFrom + text.length };
}
