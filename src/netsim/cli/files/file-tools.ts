import type { CommandResult, Program, ProcessContext } from '../command';
import { getoptLong, type OptionSpec } from '../getopt';
import { baseName, ERRNO_TEXT, ROOT, type FileErrno } from '../../kernel/filesystem';
import { short } from '../text/input';
import { lnProgram } from './ln';
import { absolute } from './paths';

type Dialect = 'gnu' | 'busybox';

/**
 * coreutils' quote(): ‘name’ in a UTF-8 locale, 'name' in the C locale
 * (gnulib quotearg locale_quoting_style); the host's LANG is C.UTF-8, an
 * image sets none.
 */
function localeQuote(name: string, context: ProcessContext): string {
  const locale = context.env?.get('LC_ALL') || context.env?.get('LC_MESSAGES') || context.env?.get('LANG') || '';
  return /utf-?8/i.test(locale) ? `‘${name}’` : `'${name}'`;
}

interface Parsed {
  readonly flags: ReadonlySet<string>;
  readonly operands: readonly string[];
}

function parse(
  program: string,
  args: readonly string[],
  specs: readonly OptionSpec[],
  dialect: Dialect,
): Parsed | CommandResult {
  const { events, operands } = getoptLong(program, args, specs);
  const error = events.find((event) => event.kind === 'error');
  if (error) return usageError(program, error.message, dialect);
  return {
    flags: new Set(events.flatMap((event) => (event.kind === 'option' ? [event.spec.short ?? event.spec.long!] : []))),
    operands,
  };
}

/** GNU's pointer to --help; BusyBox prints its usage text, which netsim does not carry for these applets and says so. */
function usageError(program: string, message: string, dialect: Dialect): CommandResult {
  if (dialect === 'gnu')
    return { stdout: '', stderr: `${message}Try '${program} --help' for more information.\n`, exitCode: 1 };
  return {
    stdout: '',
    stderr: `${message}netsim: BusyBox's usage text for ${program} is not simulated\n`,
    exitCode: 1,
  };
}

function run(operands: readonly string[], each: (operand: string) => string | undefined): CommandResult {
  let stderr = '';
  for (const operand of operands) stderr += each(operand) ?? '';
  return { stdout: '', stderr, exitCode: stderr === '' ? 0 : 1 };
}

const text = (error: FileErrno) => ERRNO_TEXT[error];

/** mkdir [-p]: coreutils src/mkdir.c (`cannot create directory %s`), BusyBox coreutils/mkdir.c via bb_make_directory (`can't create directory '%s'`). */
export function mkdirProgram(dialect: Dialect): Program {
  return {
    name: 'mkdir',
    run(args, context) {
      const parsed = parse('mkdir', args, [short('p', false, 'parents'), short('v', false, 'verbose')], dialect);
      if ('exitCode' in parsed) return parsed;
      if (parsed.operands.length === 0) return usageError('mkdir', 'mkdir: missing operand\n', dialect);
      const { fs, who } = context.files!;
      const failure = (name: string, error: FileErrno) =>
        dialect === 'gnu'
          ? `mkdir: cannot create directory ${localeQuote(name, context)}: ${text(error)}\n`
          : `mkdir: can't create directory '${name}': ${text(error)}\n`;
      return run(parsed.operands, (operand) => {
        const path = absolute(operand, context);
        if (!parsed.flags.has('p')) {
          const error = fs.mkdir(path, who);
          return error ? failure(operand, error) : undefined;
        }
        // -p: each missing component in turn; an existing directory is fine, anything else fails at that component.
        const parts = operand.split('/').filter(Boolean);
        for (let index = 1; index <= parts.length; index++) {
          const typed = `${operand.startsWith('/') ? '/' : ''}${parts.slice(0, index).join('/')}`;
          const found = fs.stat(absolute(typed, context));
          if ('inode' in found && found.inode.kind === 'dir') continue;
          const error = 'inode' in found ? 'ENOTDIR' : fs.mkdir(absolute(typed, context), who);
          // BusyBox names the path up to the failing component with its slash (bb_make_directory).
          if (error)
            return failure(
              dialect === 'gnu' ? typed : index < parts.length ? `${typed}/` : typed,
              error === 'EEXIST' ? 'ENOTDIR' : error,
            );
        }
        return undefined;
      });
    },
  };
}

/** touch: creates a missing file, else moves its time (coreutils src/touch.c `cannot touch %s`; BusyBox coreutils/touch.c perror of the name). */
export function touchProgram(dialect: Dialect): Program {
  return {
    name: 'touch',
    run(args, context) {
      const parsed = parse('touch', args, [short('c', false, 'no-create')], dialect);
      if ('exitCode' in parsed) return parsed;
      if (parsed.operands.length === 0) return usageError('touch', 'touch: missing file operand\n', dialect);
      const { fs, who } = context.files!;
      return run(parsed.operands, (operand) => {
        const path = absolute(operand, context);
        if (parsed.flags.has('c') && 'error' in fs.stat(path)) return undefined;
        const error = fs.touch(path, who);
        if (!error) return undefined;
        return dialect === 'gnu'
          ? `touch: cannot touch '${operand}': ${text(error)}\n`
          : `touch: ${operand}: ${text(error)}\n`;
      });
    },
  };
}

/** rm [-r] [-f]: coreutils src/remove.c (`cannot remove %s`), BusyBox libbb/remove_file.c (`can't remove '%s'`, `'%s' is a directory`). */
export function rmProgram(dialect: Dialect): Program {
  return {
    name: 'rm',
    run(args, context) {
      const parsed = parse(
        'rm',
        args,
        [
          short('r', false, 'recursive'),
          short('R'),
          short('f', false, 'force'),
          short('i'),
          short('v', false, 'verbose'),
        ],
        dialect,
      );
      if ('exitCode' in parsed) return parsed;
      const force = parsed.flags.has('f');
      if (parsed.operands.length === 0)
        return force ? { stdout: '', stderr: '', exitCode: 0 } : usageError('rm', 'rm: missing operand\n', dialect);
      const recursive = parsed.flags.has('r') || parsed.flags.has('R') || parsed.flags.has('recursive');
      const { fs, who } = context.files!;
      const cannot = (name: string, error: FileErrno) =>
        dialect === 'gnu'
          ? `rm: cannot remove '${name}': ${text(error)}\n`
          : `rm: can't remove '${name}': ${text(error)}\n`;
      return run(parsed.operands, (operand) => {
        const path = absolute(operand, context);
        const found = fs.stat(path, false);
        if ('error' in found) return force && found.error === 'ENOENT' ? undefined : cannot(operand, found.error);
        if (found.inode.kind !== 'dir') {
          const error = fs.unlink(path, who);
          return error ? cannot(operand, error) : undefined;
        }
        if (!recursive) return dialect === 'gnu' ? cannot(operand, 'EISDIR') : `rm: '${operand}' is a directory\n`;
        const error = removeTree(path, context);
        return error ? cannot(operand, error) : undefined;
      });
    },
  };
}

function removeTree(path: string, context: ProcessContext): FileErrno | undefined {
  const { fs, who } = context.files!;
  const listed = fs.list(path, ROOT);
  for (const name of 'names' in listed ? listed.names : []) {
    const child = `${path === '/' ? '' : path}/${name}`;
    const found = fs.stat(child, false);
    const error = 'inode' in found && found.inode.kind === 'dir' ? removeTree(child, context) : fs.unlink(child, who);
    if (error) return error;
  }
  return fs.rmdir(path, who);
}

/** rmdir: coreutils src/rmdir.c (`failed to remove %s`), BusyBox coreutils/rmdir.c (perror of `'%s'`). */
export function rmdirProgram(dialect: Dialect): Program {
  return {
    name: 'rmdir',
    run(args, context) {
      const parsed = parse('rmdir', args, [short('p', false, 'parents')], dialect);
      if ('exitCode' in parsed) return parsed;
      if (parsed.operands.length === 0) return usageError('rmdir', 'rmdir: missing operand\n', dialect);
      const { fs, who } = context.files!;
      return run(parsed.operands, (operand) => {
        const error = fs.rmdir(absolute(operand, context), who);
        if (!error) return undefined;
        return dialect === 'gnu'
          ? `rmdir: failed to remove '${operand}': ${text(error)}\n`
          : `rmdir: '${operand}': ${text(error)}\n`;
      });
    },
  };
}

/** Where SOURCE goes: into DEST when DEST is a directory, else DEST itself. */
function destinationOf(source: string, destination: string, context: ProcessContext): { path: string; typed: string } {
  const path = absolute(destination, context);
  const found = context.files!.fs.stat(path);
  if ('inode' in found && found.inode.kind === 'dir')
    return {
      path: `${path === '/' ? '' : path}/${baseName(absolute(source, context))}`,
      typed: `${destination.replace(/\/$/, '')}/${baseName(absolute(source, context))}`,
    };
  return { path, typed: destination };
}

function sourcesAndTarget(
  program: string,
  operands: readonly string[],
  dialect: Dialect,
): { sources: readonly string[]; target: string } | CommandResult {
  if (operands.length === 0) return usageError(program, `${program}: missing file operand\n`, dialect);
  if (operands.length === 1)
    return usageError(program, `${program}: missing destination file operand after '${operands[0]}'\n`, dialect);
  return { sources: operands.slice(0, -1), target: operands.at(-1)! };
}

/** cp [-r]: coreutils src/copy.c (`cannot stat`, `-r not specified; omitting directory`, `cannot create regular file`), BusyBox libbb/copy_file.c. */
export function cpProgram(dialect: Dialect): Program {
  return {
    name: 'cp',
    run(args, context) {
      const parsed = parse(
        'cp',
        args,
        [
          short('r', false, 'recursive'),
          short('R'),
          short('a', false, 'archive'),
          short('f', false, 'force'),
          short('p'),
          short('v', false, 'verbose'),
        ],
        dialect,
      );
      if ('exitCode' in parsed) return parsed;
      const operands = sourcesAndTarget('cp', parsed.operands, dialect);
      if ('exitCode' in operands) return operands;
      const recursive = ['r', 'R', 'a', 'recursive', 'archive'].some((flag) => parsed.flags.has(flag));
      const { fs, who } = context.files!;
      return run(operands.sources, (source) => {
        const found = fs.stat(absolute(source, context));
        if ('error' in found)
          return dialect === 'gnu'
            ? `cp: cannot stat '${source}': ${text(found.error)}\n`
            : `cp: can't stat '${source}': ${text(found.error)}\n`;
        const destination = destinationOf(source, operands.target, context);
        if (found.inode.kind === 'dir') {
          if (!recursive)
            return dialect === 'gnu'
              ? `cp: -r not specified; omitting directory '${source}'\n`
              : `cp: omitting directory '${source}'\n`;
          return copyTree(found.path, destination.path, context);
        }
        const content = fs.read(found.path, who);
        if ('error' in content)
          return dialect === 'gnu'
            ? `cp: cannot open '${source}' for reading: ${text(content.error)}\n`
            : `cp: can't open '${source}': ${text(content.error)}\n`;
        const error = fs.write(destination.path, content.content, who);
        if (!error) return undefined;
        return dialect === 'gnu'
          ? `cp: cannot create regular file '${destination.typed}': ${text(error)}\n`
          : `cp: can't create '${destination.typed}': ${text(error)}\n`;
      });
    },
  };
}

function copyTree(from: string, to: string, context: ProcessContext): string | undefined {
  const { fs, who } = context.files!;
  const error = fs.mkdir(to, who);
  if (error && error !== 'EEXIST') return `cp: cannot create directory '${to}': ${text(error)}\n`;
  const listed = fs.list(from, who);
  for (const name of 'names' in listed ? listed.names : []) {
    const child = fs.stat(`${from}/${name}`, false);
    if (!('inode' in child)) continue;
    if (child.inode.kind === 'dir') copyTree(`${from}/${name}`, `${to}/${name}`, context);
    else if (child.inode.kind === 'file') fs.write(`${to}/${name}`, child.inode.content, who);
  }
  return undefined;
}

/** mv: rename(2) (coreutils src/mv.c `cannot stat`, `cannot move %s to %s`; BusyBox coreutils/mv.c `can't rename '%s'`). */
export function mvProgram(dialect: Dialect): Program {
  return {
    name: 'mv',
    run(args, context) {
      const parsed = parse(
        'mv',
        args,
        [short('f', false, 'force'), short('i'), short('n'), short('v', false, 'verbose')],
        dialect,
      );
      if ('exitCode' in parsed) return parsed;
      const operands = sourcesAndTarget('mv', parsed.operands, dialect);
      if ('exitCode' in operands) return operands;
      const { fs, who } = context.files!;
      return run(operands.sources, (source) => {
        const found = fs.stat(absolute(source, context), false);
        if ('error' in found)
          return dialect === 'gnu'
            ? `mv: cannot stat '${source}': ${text(found.error)}\n`
            : `mv: can't rename '${source}': ${text(found.error)}\n`;
        const destination = destinationOf(source, operands.target, context);
        const error = fs.rename(found.path, destination.path, who);
        if (!error) return undefined;
        return dialect === 'gnu'
          ? `mv: cannot move '${source}' to '${destination.typed}': ${text(error)}\n`
          : `mv: can't rename '${source}': ${text(error)}\n`;
      });
    },
  };
}

/** tee [-a]: stdin to stdout and to each file (coreutils src/tee.c and BusyBox coreutils/tee.c both perror the name). */
export function teeProgram(dialect: Dialect): Program {
  return {
    name: 'tee',
    run(args, context) {
      const parsed = parse('tee', args, [short('a', false, 'append'), short('i')], dialect);
      if ('exitCode' in parsed) return parsed;
      const { fs, who } = context.files!;
      let stderr = '';
      for (const operand of parsed.operands) {
        const error = fs.write(absolute(operand, context), context.stdin, who, parsed.flags.has('a'));
        if (error) stderr += `tee: ${operand}: ${text(error)}\n`;
      }
      return { stdout: context.stdin, stderr, exitCode: stderr === '' ? 0 : 1 };
    },
  };
}

export const fileToolPrograms = (dialect: Dialect): Program[] => [
  mkdirProgram(dialect),
  touchProgram(dialect),
  rmProgram(dialect),
  rmdirProgram(dialect),
  cpProgram(dialect),
  mvProgram(dialect),
  teeProgram(dialect),
  lnProgram(dialect),
];
