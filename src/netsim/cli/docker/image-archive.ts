import { normalizePath, parentOf } from '../../kernel/filesystem';
import { fail, ok } from '../command';
import { daemonErrorText, type CommandSpec, type DockerContext } from './cobra';

const absolute = (path: string, cwd: string) => normalizePath(path.startsWith('/') ? path : `${cwd}/${path}`);

/**
 * `docker save` / `docker image save` (docker/cli v29.7.2
 * cli/command/image/save.go): the archive goes to the file -o names (written
 * whole, mode 0600, through moby/sys atomicwriter, which checks the path first
 * and writes nothing when the daemon refuses), or to stdout unless that is a
 * terminal. Silent when it works.
 */
export const save: CommandSpec<DockerContext> = {
  path: 'docker save',
  usage: '[OPTIONS] IMAGE [IMAGE...]',
  args: { kind: 'at-least', count: 1 },
  flags: [
    { name: 'output', short: 'o', takesValue: true },
    { name: 'platform', takesValue: true },
  ],
  run({ values, positionals }, { engine, files, cwd, stdoutIsTerminal }) {
    const output = values.get('output')?.at(-1) ?? '';
    if (output === '' && stdoutIsTerminal)
      return fail('cowardly refusing to save to a terminal. Use the -o flag or redirect\n', 1);
    let target: string | undefined;
    if (output !== '') {
      if (!files) return fail('docker save: this machine has no files\n', 1);
      target = absolute(output, cwd ?? '/');
      // atomicwriter validateDestination: the directory must exist; the file, if any, be a regular one.
      const directory = output.includes('/') ? parentOf(target) : undefined;
      if (directory !== undefined) {
        const found = files.fs.stat(directory);
        const shown = output.slice(0, output.lastIndexOf('/')) || '/';
        if ('error' in found)
          return fail(`failed to save image: invalid output path: stat ${shown}: no such file or directory\n`, 1);
        if (found.inode.kind !== 'dir')
          return fail(`failed to save image: invalid output path: stat ${shown}: not a directory\n`, 1);
      }
      const existing = files.fs.stat(target, false);
      if (!('error' in existing) && existing.inode.kind === 'dir')
        return fail('failed to save image: cannot write to a directory\n', 1);
    }
    let archive: { text: string; size: number };
    try {
      archive = engine.images.save(positionals);
    } catch (error) {
      return fail(daemonErrorText(error), 1);
    }
    if (target === undefined) return ok(archive.text);
    const problem = files!.fs.write(target, archive.text, files!.who, false, 0o600, archive.size);
    return problem ? fail(`failed to save image: open ${output}: permission denied\n`, 1) : ok('');
  },
};

/**
 * `docker load` / `docker image load` (docker/cli v29.7.2
 * cli/command/image/load.go): reads the file -i names, or stdin unless that is
 * a terminal, and prints what the daemon's stream says.
 */
export const load: CommandSpec<DockerContext> = {
  path: 'docker load',
  usage: '[OPTIONS]',
  args: { kind: 'none' },
  flags: [
    { name: 'input', short: 'i', takesValue: true },
    { name: 'quiet', short: 'q', takesValue: false },
    { name: 'platform', takesValue: true },
  ],
  run({ values }, { engine, files, cwd, stdin }) {
    const input = values.get('input')?.at(-1) ?? '';
    let text = stdin;
    if (input === '') {
      if (stdin === '') return fail('requested load from stdin, but stdin is empty\n', 1);
    } else {
      const read = files?.fs.read(absolute(input, cwd ?? '/'), files.who);
      if (!read || 'error' in read) {
        const reason =
          read?.error === 'EACCES'
            ? 'permission denied'
            : read?.error === 'EISDIR'
              ? 'is a directory'
              : 'no such file or directory';
        if (reason !== 'is a directory') return fail(`open ${input}: ${reason}\n`, 1);
        text = '';
      } else text = read.content;
    }
    const lines = engine.images.load(text);
    if (!lines) return fail('This simulator loads only archives that docker save wrote.\n', 1);
    return ok(lines.map((line) => `${line}\n`).join(''));
  },
};
