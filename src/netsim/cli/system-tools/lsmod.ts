import type { Kernel } from '../../kernel/kernel';
import { fail, ok, type Program } from '../command';
import { formatLsmod } from '../../format/lsmod';
import { loadedModules } from './host-figures';

/** kmod's lsmod: /proc/modules of the host's kernel, br_netfilter among them once loaded (its sysctl then exists). */
export const lsmodProgram: Program = {
  name: 'lsmod',
  run(args, context) {
    // kmod's lsmod takes no arguments (tools/lsmod.c: `Usage: lsmod`).
    if (args.length > 0) return fail('Usage: lsmod\n');
    return ok(formatLsmod(loadedModules(brNetfilterLoaded(context.kernel))));
  },
};

function brNetfilterLoaded(kernel: Kernel): boolean {
  return [...kernel.state.namespaces.values()].some((namespace) => namespace.bridgeNfCallIptables);
}
