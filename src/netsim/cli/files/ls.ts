import type { CommandResult, Program, ProcessContext } from '../command';
import { getoptLong } from '../getopt';
import { byteLength, ERRNO_TEXT, type Inode } from '../../kernel/filesystem';
import {
  busyboxColumns,
  busyboxLong,
  gnuColumns,
  gnuLong,
  gnuPainter,
  resetBeforeFirstColor,
  type LsEntry,
} from '../../format/ls';
import { short } from '../text/input';
import { absolute, modeString, userName } from './paths';

type Dialect = 'gnu' | 'busybox';

/** The terminal's width: the simulated terminal has 80 columns. */
const TERMINAL_COLUMNS = 80;

const OPTIONS = [
  short('l'),
  short('a', false, 'all'),
  short('A', false, 'almost-all'),
  short('1'),
  short('d', false, 'directory'),
];

/**
 * ls: GNU coreutils' on Debian, BusyBox's applet in Alpine and busybox. Names
 * sort in byte order (the C and C.UTF-8 locales); at a terminal they go in
 * columns, into a pipe or a file one a line (isatty(1)); `-l` the long format.
 * A missing operand is GNU's `cannot access` with status 2, BusyBox's bare
 * perror with status 1.
 */
export function lsProgram(dialect: Dialect): Program {
  return {
    name: 'ls',
    run(args, context) {
      const color = dialect === 'gnu' ? colorOption(args, context) : { color: false, rest: args };
      if ('exitCode' in color) return color;
      const { events, operands } = getoptLong('ls', color.rest, OPTIONS);
      const error = events.find((event) => event.kind === 'error');
      if (error)
        return {
          stdout: '',
          stderr: dialect === 'gnu' ? `${error.message}Try 'ls --help' for more information.\n` : error.message,
          exitCode: dialect === 'gnu' ? 2 : 1,
        };
      const flags = new Set(
        events.flatMap((event) => (event.kind === 'option' ? [event.spec.short ?? event.spec.long!] : [])),
      );
      const listed = list(operands.length > 0 ? operands : ['.'], flags, dialect, context, color.color);
      if (!color.color) return listed;
      const stdout = resetBeforeFirstColor(listed.stdout);
      return {
        stdout,
        stderr: listed.stderr,
        exitCode: listed.exitCode,
        output: [
          { stream: 'stderr', text: listed.stderr },
          { stream: 'stdout', text: stdout },
        ],
      };
    },
  };
}

const ALWAYS = ['always', 'yes', 'force'];
const NEVER = ['never', 'no', 'none'];
const AUTO = ['auto', 'tty', 'if-tty'];

/**
 * GNU ls's `--color[=WHEN]` (ls.c, argmatch against when_args): no WHEN or
 * always/yes/force paints, never/no/none does not, auto/tty/if-tty paints
 * only when stdout is a terminal. A wrong WHEN is argmatch_die's message,
 * status 1, quoted as quote() quotes in the locale.
 */
function colorOption(
  args: readonly string[],
  context: ProcessContext,
): { color: boolean; rest: readonly string[] } | CommandResult {
  let color = false;
  const rest: string[] = [];
  for (const [index, arg] of args.entries()) {
    if (arg === '--') {
      rest.push(...args.slice(index));
      break;
    }
    const match = /^--color(?:=(.*))?$/.exec(arg);
    if (!match) {
      rest.push(arg);
      continue;
    }
    const when = match[1];
    if (when === undefined || ALWAYS.includes(when)) color = true;
    else if (NEVER.includes(when)) color = false;
    else if (AUTO.includes(when)) color = context.stdoutIsTerminal === true;
    else {
      const q = (text: string) => quote(text, context);
      const valid = [ALWAYS, NEVER, AUTO].map((words) => `  - ${words.map(q).join(', ')}\n`).join('');
      return {
        stdout: '',
        stderr: `ls: invalid argument ${q(when)} for ${q('--color')}\nValid arguments are:\n${valid}Try 'ls --help' for more information.\n`,
        exitCode: 1,
      };
    }
  }
  return { color, rest };
}

/** gnulib quote(): ‘…’ in a UTF-8 locale, '…' in C. */
function quote(text: string, context: ProcessContext): string {
  const locale = context.env?.get('LC_ALL') || context.env?.get('LC_MESSAGES') || context.env?.get('LANG') || '';
  return /utf-?8/i.test(locale) ? `‘${text}’` : `'${text}'`;
}

function list(
  operands: readonly string[],
  flags: ReadonlySet<string>,
  dialect: Dialect,
  context: ProcessContext,
  color: boolean,
): CommandResult {
  const fs = context.files?.fs;
  const who = context.files?.who ?? { uid: 0, gid: 0 };
  let stderr = '';
  const files: LsEntry[] = [];
  const directories: { name: string; path: string }[] = [];
  for (const operand of operands) {
    const path = absolute(operand, context);
    const found = fs?.stat(path, !flags.has('l') && !flags.has('d')) ?? { error: 'ENOENT' as const };
    const followed = 'inode' in found && found.inode.kind === 'symlink' && flags.has('l') ? fs!.stat(path) : found;
    if ('error' in found) {
      stderr +=
        dialect === 'gnu'
          ? `ls: cannot access '${operand}': ${ERRNO_TEXT[found.error]}\n`
          : `ls: ${operand}: ${ERRNO_TEXT[found.error]}\n`;
      continue;
    }
    const isDirectory = 'inode' in followed && followed.inode.kind === 'dir';
    if (isDirectory && !flags.has('d')) directories.push({ name: operand, path });
    else files.push(entry(operand, found.inode, context, path));
  }
  const sections: string[] = [];
  if (files.length > 0) sections.push(render(sorted(files), flags, dialect, context, false, color));
  const many = operands.length > 1;
  for (const directory of sorted(directories)) {
    const listed = fs!.list(directory.path, who);
    if ('error' in listed) {
      stderr +=
        dialect === 'gnu'
          ? `ls: cannot open directory '${directory.name}': ${ERRNO_TEXT[listed.error]}\n`
          : `ls: can't open '${directory.name}': ${ERRNO_TEXT[listed.error]}\n`;
      continue;
    }
    const names = listed.names.filter((name) => flags.has('a') || flags.has('A') || !name.startsWith('.'));
    const entries = names.map((name) => {
      const path = `${directory.path}/${name}`.replace('//', '/');
      return entry(name, fs!.stat(path, false), context, path);
    });
    if (flags.has('a'))
      entries.push(
        entry('.', fs!.stat(directory.path), context),
        entry('..', fs!.stat(`${directory.path}/..`), context),
      );
    const body = render(sorted(entries), flags, dialect, context, true, color);
    sections.push(many ? `${directory.name}:\n${body}` : body);
  }
  const stdout = sections.join('\n');
  // Operands that cannot be reached are reported while they are scanned, before anything is listed.
  return {
    stdout,
    stderr,
    exitCode: stderr === '' ? 0 : dialect === 'gnu' ? 2 : 1,
    output: [
      { stream: 'stderr', text: stderr },
      { stream: 'stdout', text: stdout },
    ],
  };
}

const sorted = <T extends { name: string }>(items: T[]): T[] =>
  items.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

function entry(
  name: string,
  found: { inode: Inode } | { error: unknown } | Inode,
  context: ProcessContext,
  path?: string,
): LsEntry {
  const inode = 'kind' in found ? found : 'inode' in found ? found.inode : undefined;
  if (!inode) return { name, mode: '?---------', links: 1, owner: '?', group: '?', size: '?', mtimeMs: 0 };
  const size =
    inode.kind === 'file'
      ? String(inode.size ?? byteLength(inode.content))
      : inode.kind === 'dir'
        ? '4096'
        : inode.kind === 'device'
          ? `${inode.major}, ${inode.minor}`
          : String(inode.target.length);
  return {
    name,
    mode: modeString(inode),
    links: inode.kind === 'dir' ? 2 : 1,
    owner: userName(inode.uid, context),
    group: userName(inode.gid, context, '/etc/group'),
    size,
    mtimeMs: inode.mtimeMs,
    ...(inode.kind === 'symlink' ? { target: inode.target, ...targetMode(path, context) } : {}),
  };
}

/** What a link points at, for `ls -l --color`: its mode when it exists. */
function targetMode(path: string | undefined, context: ProcessContext): { targetMode?: string } {
  const found = path === undefined ? undefined : context.files?.fs.stat(path);
  return found && 'inode' in found ? { targetMode: modeString(found.inode) } : {};
}

/** `total` counts 1K blocks: a file or directory takes whole 4K blocks of ext4 (a fast symlink and a device none). */
function blocks(entries: readonly LsEntry[]): number {
  return entries.reduce(
    (sum, e) => sum + (e.mode.startsWith('d') ? 4 : e.mode.startsWith('-') ? Math.ceil(Number(e.size) / 4096) * 4 : 0),
    0,
  );
}

function render(
  entries: LsEntry[],
  flags: ReadonlySet<string>,
  dialect: Dialect,
  context: ProcessContext,
  directory: boolean,
  color: boolean,
): string {
  const now = context.clock.now();
  const paint = (index: number) => gnuPainter(entries[index]!.name, entries[index]!.mode);
  if (flags.has('l'))
    return `${directory ? `total ${blocks(entries)}\n` : ''}${dialect === 'gnu' ? (color ? gnuLong(entries, now, gnuPainter) : gnuLong(entries, now)) : busyboxLong(entries, now)}`;
  const names = entries.map((e) => e.name);
  if (flags.has('1') || !context.stdoutIsTerminal)
    return names.map((name, index) => `${color ? paint(index) : name}\n`).join('');
  return dialect === 'gnu'
    ? gnuColumns(names, TERMINAL_COLUMNS, color ? paint : undefined)
    : busyboxColumns(names, TERMINAL_COLUMNS);
}
