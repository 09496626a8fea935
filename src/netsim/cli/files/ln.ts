import type { CommandResult, Program, ProcessContext } from '../command';
import { getoptLong } from '../getopt';
import { baseName, ERRNO_TEXT, type FileErrno } from '../../kernel/filesystem';
import { short } from '../text/input';
import { absolute } from './paths';

type Dialect = 'gnu' | 'busybox';

const OPTIONS = [
  short('s', false, 'symbolic'),
  short('f', false, 'force'),
  short('n', false, 'no-dereference'),
  short('v', false, 'verbose'),
];

/**
 * `ln -s TARGET [LINK]`: coreutils' ln.c (`failed to create symbolic link
 * 'LINK': ERROR`, quoted with quoteaf) and BusyBox's applet (`ln: LINK:
 * ERROR`). A LINK that is a directory gets the link inside it, named after
 * the target; none at all, in the working directory. -f replaces what is
 * there. Hard links are not simulated: netsim's files have no inode numbers.
 */
export function lnProgram(dialect: Dialect): Program {
  return {
    name: 'ln',
    run(args, context) {
      const { events, operands } = getoptLong('ln', args, OPTIONS);
      const error = events.find((event) => event.kind === 'error');
      if (error) return usage(`${error.message}`, dialect);
      const flags = new Set(events.flatMap((event) => (event.kind === 'option' ? [event.spec.short!] : [])));
      if (operands.length === 0) return usage('ln: missing file operand\n', dialect);
      if (!flags.has('s'))
        return {
          stdout: '',
          stderr: 'ln: hard links are not available in this simulator yet; ln -s makes a symbolic link\n',
          exitCode: 1,
        };
      if (operands.length > 2)
        return {
          stdout: '',
          stderr: 'ln: linking several targets into a directory is not available in this simulator yet\n',
          exitCode: 1,
        };
      const [target, typed = baseName(operands[0]!.replace(/\/+$/, '')) || operands[0]!] = operands as [
        string,
        string?,
      ];
      const failure = link(target, typed, flags, context);
      if (!failure) return { stdout: '', stderr: '', exitCode: 0 };
      const stderr =
        dialect === 'gnu'
          ? `ln: failed to create symbolic link '${failure.name}': ${ERRNO_TEXT[failure.error]}\n`
          : `ln: ${failure.name}: ${ERRNO_TEXT[failure.error]}\n`;
      return { stdout: '', stderr, exitCode: 1 };
    },
  };
}

function usage(message: string, dialect: Dialect): CommandResult {
  const tail =
    dialect === 'gnu'
      ? "Try 'ln --help' for more information.\n"
      : "netsim: BusyBox's usage text for ln is not simulated\n";
  return { stdout: '', stderr: message + tail, exitCode: 1 };
}

function link(
  target: string,
  typed: string,
  flags: ReadonlySet<string>,
  context: ProcessContext,
): { name: string; error: FileErrno } | undefined {
  const { fs, who } = context.files!;
  let name = typed;
  // A directory as LINK (followed unless -n) takes the link inside it.
  const found = fs.stat(absolute(typed, context), !flags.has('n'));
  if ('inode' in found && found.inode.kind === 'dir')
    name = `${typed.replace(/\/+$/, '')}/${baseName(target.replace(/\/+$/, ''))}`;
  const path = absolute(name, context);
  if (flags.has('f')) {
    const existing = fs.stat(path, false);
    if ('inode' in existing && existing.inode.kind !== 'dir') fs.unlink(path, who);
  }
  const error = fs.symlink(target, path, who);
  return error ? { name, error } : undefined;
}
