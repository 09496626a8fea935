import { formatDpkgList } from '../../format/dpkg-list';
import type { Program } from '../command';
import { dpkgListFile, INSTALLABLE, PREINSTALLED } from './host-catalog';

/**
 * dpkg -l [NAME...] on the host: the packages it came with and those apt
 * installed since (their .list file); a name matching none is dpkg-query's
 * error, exit 1. dpkg's other actions are not simulated.
 */
export const dpkgProgram: Program = {
  name: 'dpkg',
  run(args, context) {
    if (args[0] !== '-l' && args[0] !== '--list')
      return { stdout: '', stderr: `netsim: dpkg ${args.join(' ')} is not simulated (only dpkg -l)\n`, exitCode: 1 };
    const fs = context.files?.fs;
    const added = Object.keys(INSTALLABLE).filter((name) => {
      const found = fs?.stat(dpkgListFile(name));
      return found !== undefined && 'inode' in found;
    });
    const all = [...Object.keys(PREINSTALLED), ...added].sort();
    const names = args.slice(1);
    const shown = names.length === 0 ? all : all.filter((name) => names.includes(name));
    const missing = names.filter((name) => !all.includes(name));
    const stderr = missing.map((name) => `dpkg-query: no packages found matching ${name}\n`).join('');
    const row = (name: string) => {
      const { version, description } = PREINSTALLED[name] ?? INSTALLABLE[name]!;
      return { name, version, architecture: 'amd64', description };
    };
    const stdout = shown.length > 0 ? formatDpkgList(shown.map(row)) : '';
    return { stdout, stderr, exitCode: missing.length > 0 ? 1 : 0 };
  },
};
