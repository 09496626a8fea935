import { fail, ok, type Program } from '../command';
import { formatDf } from '../../format/df';
import { formatFree } from '../../format/free';
import { HOST_MEMORY, HOST_MOUNTS } from './host-figures';

/** procps' free: KiB, or -h's human sizes; its other units and options are not simulated. */
export const freeProgram: Program = {
  name: 'free',
  run(args) {
    const human = args.some((arg) => arg === '-h' || arg === '--human');
    const other = args.find((arg) => arg !== '-h' && arg !== '--human' && arg !== '-k' && arg !== '--kibi');
    if (other !== undefined) return fail(`netsim: free ${other} is not simulated (only -h and -k)\n`);
    return ok(formatFree(HOST_MEMORY, human));
  },
};

/**
 * coreutils' df: every mount, or the mount each path named lies on (the
 * longest mount point that is a prefix of it), in 1K blocks or -h's sizes.
 */
export const dfProgram: Program = {
  name: 'df',
  run(args) {
    const human = args.some((arg) => arg === '-h' || arg === '--human-readable');
    const option = args.find((arg) => arg.startsWith('-') && arg !== '-h' && arg !== '--human-readable');
    if (option !== undefined) return fail(`netsim: df ${option} is not simulated (only -h)\n`);
    const paths = args.filter((arg) => !arg.startsWith('-'));
    const mounts = paths.length === 0 ? HOST_MOUNTS : paths.map(mountOf);
    return ok(formatDf(mounts, human));
  },
};

function mountOf(path: string) {
  const holding = HOST_MOUNTS.filter(
    (mount) => path === mount.target || path.startsWith(mount.target === '/' ? '/' : `${mount.target}/`),
  );
  return holding.reduce((deepest, mount) => (mount.target.length > deepest.target.length ? mount : deepest));
}
