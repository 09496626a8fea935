import { bridgeIdMac, dumpFdb } from '../kernel/bridge-fdb';
import type { Link } from '../kernel/link';
import { linkNamed } from '../kernel/namespace';
import {
  BRCTL_SHOW_HEADER,
  BRCTL_USAGE,
  formatBrctlBridge,
  formatBrctlShowmacs,
  type BrctlMacRecord,
} from '../format/brctl';
import { fail, ok, type CommandResult, type ProcessContext, type Program } from './command';

/** bridge_utils' brctl -V: PACKAGE_NAME and PACKAGE_VERSION of the 1.7.1 tarball, which says 1.7. */
const VERSION = 'bridge-utils, 1.7\n';

/**
 * bridge-utils' brctl, reading bridges as on a host with sysfs: `show` and
 * `showmacs`; the commands that change bridges are not simulated. The course's
 * host has bridge-utils installed, as it has tcpdump and net-tools.
 */
export const brctlProgram: Program = {
  name: 'brctl',
  run(args, context) {
    const [command, ...rest] = args;
    if (command === undefined) return { stdout: BRCTL_USAGE, stderr: '', exitCode: 1 };
    if (command === '-V' || command === '--version') return ok(VERSION);
    if (command === '-h' || command === '--help') return ok(BRCTL_USAGE);
    if (command === 'show') return show(rest, context);
    if (command === 'showmacs') return showmacs(rest, context);
    if (KNOWN.includes(command)) return fail(`brctl: "${command}" is not available in this simulator yet.\n`, 1);
    const complaint = `never heard of command [${command}]\n`;
    return {
      stdout: BRCTL_USAGE,
      stderr: complaint,
      exitCode: 1,
      output: [
        { stream: 'stderr', text: complaint },
        { stream: 'stdout', text: BRCTL_USAGE },
      ],
    };
  },
};

const KNOWN = [
  'addbr',
  'delbr',
  'addif',
  'delif',
  'hairpin',
  'setageing',
  'setbridgeprio',
  'setfd',
  'sethello',
  'setmaxage',
  'setpathcost',
  'setportprio',
  'showstp',
  'stp',
];

/**
 * br_cmd_show: every bridge, or those named, each as show_bridge prints it
 * (the header before the first); libbridge lists bridges and their ports with
 * scandir(..., alphasort) of /sys/class/net and brif/. A name that is no bridge
 * is said on stderr, and the exit status is then 1.
 */
function show(names: readonly string[], context: ProcessContext): CommandResult {
  const links = [...context.namespace.links.values()];
  const bridges =
    names.length > 0
      ? names
      : links
          .filter((link) => link.kind === 'bridge')
          .map((link) => link.name)
          .sort(byName);
  let stdout = '';
  let stderr = '';
  for (const name of bridges) {
    const bridge = linkNamed(context.namespace, name);
    if (bridge?.kind !== 'bridge') {
      stderr += `bridge ${name} does not exist!\n`;
      continue;
    }
    if (stdout === '') stdout = BRCTL_SHOW_HEADER;
    const ports = links
      .filter((link) => link.master === bridge.index)
      .map((link) => link.name)
      .sort(byName);
    stdout += formatBrctlBridge({
      name,
      priority: 0x8000,
      mac: bridgeIdMac(context.namespace, bridge),
      stp: false,
      ports,
    });
  }
  return { stdout, stderr, exitCode: stderr === '' ? 0 : 1 };
}

/** alphasort in the C.UTF-8 locale: strcoll compares code points. */
const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * br_cmd_showmacs: the bridge's forwarding table as sysfs brforward gives it
 * (br_fdb_fillbuf: entries on a port, VLAN twins included, whatever their
 * VLAN), sorted by MAC (compare_fdbs).
 */
function showmacs(names: readonly string[], context: ProcessContext): CommandResult {
  if (names.length !== 1)
    return {
      stdout: 'Incorrect number of arguments for command\nUsage: brctl showmacs <bridge>\t\tshow a list of mac addrs\n',
      stderr: '',
      exitCode: 1,
    };
  const bridge = linkNamed(context.namespace, names[0]!);
  if (!bridge) return fail('read of forward table failed: No such device\n', 1);
  if (bridge.kind !== 'bridge')
    return fail(
      `brctl: showmacs of "${bridge.name}", which is no bridge, is not available in this simulator yet.\n`,
      1,
    );
  const { kernel, namespace } = context;
  const now = context.clock.now();
  const learnedAt = new Map<string, number>((bridge.fdb ?? []).map((entry) => [entry.mac, entry.updatedMs]));
  const ports = new Map<string, Link>(
    [...namespace.links.values()].filter((link) => link.master === bridge.index).map((link) => [link.name, link]),
  );
  const entries: BrctlMacRecord[] = dumpFdb(namespace, (link) => kernel.hasCarrier(namespace, link), now)
    .filter((record) => record.master === bridge.name && ports.has(record.device))
    .map((record) => ({
      portNo: ports.get(record.device)!.portNo ?? 0,
      mac: record.mac,
      local: record.permanent,
      ageCentiseconds: record.permanent ? 0 : Math.floor((now - (learnedAt.get(record.mac) ?? now)) / 10),
    }));
  entries.sort((a, b) => byName(a.mac, b.mac));
  return ok(formatBrctlShowmacs(entries));
}
