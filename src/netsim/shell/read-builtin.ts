import { setArray } from './arrays';
import type { Builtin, BuiltinResult } from './builtins';

const DEFAULT_IFS = ' \t\n';

/** A character of the line and whether a backslash quoted it (then it never separates fields). */
interface Character {
  readonly char: string;
  readonly escaped: boolean;
}

/**
 * `read [-r] [-p prompt] [-a array] [name...]` (bash's builtins/read.def; dash
 * and BusyBox ash have -r and -p, not -a): one line from the standard input,
 * split on IFS into the names, the last taking the rest; no name sets REPLY,
 * unsplit. Status 1 at the end of the input, the words read assigned still.
 * -p's prompt goes to stderr only when the input is a terminal (read.def:
 * `if (prompt && isatty(fd))`): at a reader's terminal, not from a lesson's
 * input, a pipe or a file (tests/netsim/golden/linux/session.trixie-clients.txt).
 * At a terminal it waits for a typed line; Ctrl-C there ends the line, status 130.
 */
export const read: Builtin = (args, context) => {
  const { dialect, state, input, shell } = context;
  let raw = false;
  let array: string | undefined;
  let prompt = '';
  let at = 0;
  for (; at < args.length && args[at]!.startsWith('-') && args[at] !== '-'; at++) {
    const option = args[at]!;
    if (option === '--') {
      at++;
      break;
    }
    for (let index = 1; index < option.length; index++) {
      const letter = option[index]!;
      if (letter === 'r' || letter === 's') raw ||= letter === 'r';
      else if (
        letter === 'p' ||
        (letter === 'a' && dialect.kind === 'bash') ||
        letter === 'd' ||
        letter === 't' ||
        letter === 'n' ||
        letter === 'u'
      ) {
        const value = option.slice(index + 1) || args[++at];
        if (value === undefined && dialect.kind !== 'ash') return missingArgument(letter, context);
        if (letter === 'a') array = value;
        if (letter === 'p') prompt = value ?? '';
        break;
      } else return invalidOption(letter, context);
    }
  }
  const names = args.slice(at);
  const shown = input.typing ? prompt : '';
  if (input.typing && !input.text.includes('\n') && !input.typing.ended)
    return { stdout: '', stderr: shown, exitCode: 0, awaitsInput: true };
  if (input.typing && input.text.startsWith('\x03'))
    return { stdout: '', stderr: shown, exitCode: 130, abortsLine: true };
  const { line, ended } = readLine(input.text, raw);
  input.text = input.text.slice(line.consumed);
  const ifs = state.variables.get('IFS') ?? DEFAULT_IFS;
  if (array !== undefined) setArray(state, array, split(line.characters, ifs, Infinity), shell.setVariable);
  else if (names.length === 0) shell.setVariable('REPLY', line.characters.map((character) => character.char).join(''));
  else {
    const fields = split(line.characters, ifs, names.length);
    names.forEach((name, index) => shell.setVariable(name, fields[index] ?? ''));
  }
  return { stdout: '', stderr: shown, exitCode: ended ? 1 : 0 };
};

/** An option's argument missing: bash's sh_needarg and its usage; dash's nextopt, `No arg for -p option` (bash 5.2.15, dash 0.5.12). */
function missingArgument(letter: string, { dialect, state }: Parameters<Builtin>[1]): BuiltinResult {
  const text = dialect.kind === 'bash' ? `-${letter}: option requires an argument` : `No arg for -${letter} option`;
  const usage = dialect.kind === 'bash' ? READ_USAGE : '';
  return { stdout: '', stderr: `${dialect.builtinError('read', text, state.line)}${usage}`, exitCode: 2 };
}

const READ_USAGE =
  'read: usage: read [-ers] [-a array] [-d delim] [-i text] [-n nchars] [-N nchars] [-p prompt] [-t timeout] [-u fd] [name ...]\n';

function invalidOption(letter: string, { dialect, state }: Parameters<Builtin>[1]): BuiltinResult {
  if (dialect.kind === 'bash')
    return {
      stdout: '',
      stderr: `${dialect.builtinError('read', `-${letter}: invalid option`, state.line)}${READ_USAGE}`,
      exitCode: 2,
    };
  // dash's and ash's getopt: `Illegal option -a` (dash), `illegal option -a` (ash).
  const text = dialect.kind === 'dash' ? `Illegal option -${letter}` : `illegal option -${letter}`;
  return { stdout: '', stderr: dialect.builtinError('read', text, state.line), exitCode: 2 };
}

/** Up to the first newline; without -r a backslash quotes the next character and a backslash-newline goes on to the next line. */
function readLine(text: string, raw: boolean): { line: { characters: Character[]; consumed: number }; ended: boolean } {
  const characters: Character[] = [];
  for (let at = 0; at < text.length; at++) {
    const char = text[at]!;
    if (char === '\n') return { line: { characters, consumed: at + 1 }, ended: false };
    if (char === '\\' && !raw) {
      const next = text[++at];
      if (next === undefined) break;
      if (next !== '\n') characters.push({ char: next, escaped: true });
      continue;
    }
    characters.push({ char, escaped: false });
  }
  return { line: { characters, consumed: text.length }, ended: true };
}

/**
 * Field splitting as read does it (POSIX 2.6.5): IFS white space around fields
 * is dropped, any other IFS character ends one field; the last of `count` fields
 * keeps the rest of the line, trailing IFS white space removed.
 */
function split(characters: readonly Character[], ifs: string, count: number): string[] {
  const isWhite = (character: Character | undefined) =>
    character !== undefined && !character.escaped && ifs.includes(character.char) && ' \t\n'.includes(character.char);
  const isOther = (character: Character | undefined) =>
    character !== undefined && !character.escaped && ifs.includes(character.char) && !' \t\n'.includes(character.char);
  const fields: string[] = [];
  let at = 0;
  while (isWhite(characters[at])) at++;
  while (at < characters.length) {
    if (fields.length === count - 1) {
      let end = characters.length;
      while (end > at && isWhite(characters[end - 1])) end--;
      fields.push(
        characters
          .slice(at, end)
          .map((character) => character.char)
          .join(''),
      );
      return fields;
    }
    let field = '';
    while (at < characters.length && !isWhite(characters[at]) && !isOther(characters[at]))
      field += characters[at++]!.char;
    fields.push(field);
    while (isWhite(characters[at])) at++;
    if (isOther(characters[at])) {
      at++;
      while (isWhite(characters[at])) at++;
    }
  }
  return fields;
}
