import type { Engine } from '../engine/engine';
import { HOST_MEM_TOTAL_KB, HOST_USERS, LOGIN_SHELL_PID } from '../engine/host-processes';
import { commOf, hostProcessTable, pidInContainer, type HostProcess } from '../engine/processes';
import { formatBusyboxPs, formatPs, type PsFormat, type PsRecord } from '../format/ps';
import { fail, ok, type ProcessContext, type Program } from './command';

/** procps 4's usage error (src/ps/parser.c, help.c), after the line naming the fault; status 1. */
const PROCPS_USAGE = `
Usage:
 ps [options]

 Try 'ps --help <simple|list|output|threads|misc|all>'
  or 'ps --help <s|l|o|t|m|a>'
 for additional help text.

For more details see ps(1).
`;

/** ps's own VSZ and RSS, as the procps capture (golden/tools/ps-aux.txt) read them. */
const PS_MEMORY = { vszKb: 8_548, rssKb: 4_572 };

/** What a command line asks for: which processes, in which table. */
interface PsRequest {
  readonly all: boolean;
  /** BSD `a` without `x`: only processes with a terminal. */
  readonly needsTerminal: boolean;
  /** Only the user's own (plain `ps`, BSD `x`). */
  readonly ownOnly: boolean;
  readonly format: PsFormat;
}

/**
 * procps' ps: SysV options (-e, -A, -f) and BSD ones (a, u, x, w), the
 * selections and tables they make. Other options are not modelled: procps
 * rejects many of them with these words, and here all of them are.
 */
function parseProcps(args: readonly string[]): PsRequest | string {
  let sysvAll = false;
  let full = false;
  let bsd = false;
  const letters = new Set<string>();
  for (const arg of args) {
    if (arg.startsWith('--')) return 'error: unknown gnu long option\n';
    if (arg.startsWith('-')) {
      for (const letter of arg.slice(1)) {
        if (letter === 'e' || letter === 'A') sysvAll = true;
        else if (letter === 'f') full = true;
        else return 'error: unsupported SysV option\n';
      }
    } else {
      bsd = true;
      for (const letter of arg) {
        if (!'auxw'.includes(letter)) return 'error: unsupported option (BSD syntax)\n';
        letters.add(letter);
      }
    }
  }
  if (bsd) {
    const all = letters.has('a') && letters.has('x');
    return {
      all,
      needsTerminal: !letters.has('x'),
      ownOnly: !letters.has('a'),
      format: letters.has('u') ? 'user' : full ? 'full' : 'bsd',
    };
  }
  return { all: sysvAll, needsTerminal: !sysvAll, ownOnly: !sysvAll, format: full ? 'full' : 'default' };
}

/** procps' ps, where it runs: the host's processes, or a container's PID namespace. */
export function procpsProgram(engine: Engine): Program {
  return {
    name: 'ps',
    run(args, context) {
      const request = parseProcps(args);
      if (typeof request === 'string') return fail(request + PROCPS_USAGE);
      const { self, records } = processView(engine, context, ['ps', ...args]);
      // Plain ps: the processes of the same user on the same terminal as ps (ps(1), "SIMPLE PROCESS SELECTION").
      const terminal = (r: PsRecord) => (request.ownOnly ? r.tty === self.tty : r.tty !== undefined);
      const selected = records.filter(
        (r) => request.all || ((!request.ownOnly || r.user === self.user) && (!request.needsTerminal || terminal(r))),
      );
      return ok(formatPs(selected, request.format, { nowMs: context.clock.now(), memTotalKb: HOST_MEM_TOTAL_KB }));
    },
  };
}

/** BusyBox 1.35's usage text for ps (captured: golden/tools/busybox-ps-unknown.txt), without the banner that names each build. */
const BUSYBOX_PS_USAGE = `
Usage: ps [-o COL1,COL2=HEADER] [-T]

Show list of processes

\t-o COL1,COL2=HEADER\tSelect columns for display
\t-T\t\t\tShow threads
`;

/**
 * BusyBox's ps applet: every process of the PID namespace, whatever the
 * selection; it takes `aux` and `-ef` and prints its own table. Unknown
 * options are getopt's error: glibc's words, or musl's on Alpine
 * (src/misc/getopt.c: `: unrecognized option: `). -o is accepted but its
 * columns are not modelled: the default table is printed.
 */
export function busyboxPsProgram(engine: Engine, musl: boolean): Program {
  return {
    name: 'ps',
    run(args, context) {
      for (const arg of args.filter((word) => word.startsWith('-'))) {
        const unknown = [...arg.slice(1)].find((letter) => !'oTaAdeflZ'.includes(letter));
        if (unknown !== undefined)
          return fail(
            (musl ? `ps: unrecognized option: ${unknown}\n` : `ps: invalid option -- '${unknown}'\n`) +
              BUSYBOX_PS_USAGE,
          );
      }
      return ok(formatBusyboxPs(processView(engine, context, ['ps', ...args]).records, { time: true }));
    },
  };
}

/**
 * The processes ps finds in /proc where it runs, itself included. In a
 * container: only those of its PID namespace, numbered from its first process
 * (PID 1), with parents outside it shown as 0. On the host: all of them.
 */
export function processView(
  engine: Engine,
  context: ProcessContext,
  argv: readonly string[],
): { self: PsRecord; records: PsRecord[] } {
  const shells = context.terminal?.shells?.() ?? [];
  const hostUser = shells.find((shell) => shell.container === undefined)?.user ?? 'root';
  const table = hostProcessTable({
    containers: engine.containers.list(),
    root: context.kernel.root,
    shells,
    hostUser,
    dockerd: engine.service.process(),
  });
  const container =
    context.containerId === undefined ? undefined : engine.containers.list().find((c) => c.id === context.containerId);
  // `docker run IMAGE ps`: ps is the container's first process, already in the table, and no other is spawned.
  const first =
    container?.pid === undefined
      ? undefined
      : table.find((p) => p.pid === container.pid && commOf(p.argv[0] ?? '') === 'ps');
  const all = first ? table : [...table, psProcess(engine, context, table, argv)];
  if (!container?.pid) {
    const name = (p: HostProcess) => (p.container === undefined ? p.user : (HOST_USERS[p.uid] ?? String(p.uid)));
    const records = all.map((p) => record(p, p.pid, p.ppid, name(p)));
    return { self: records.at(-1)!, records };
  }
  const inside = new Set(all.filter((p) => p.container === container.id).map((p) => p.pid));
  const local = (pid: number) => (inside.has(pid) ? pidInContainer(pid, container.pid!) : 0);
  const records = all
    .filter((p) => p.container === container.id)
    .map((p) => record(p, local(p.pid), local(p.ppid), p.user));
  return { self: first ? records.find((r) => r.pid === 1)! : records.at(-1)!, records };
}

/** ps itself: a new PID, a child of the shell the line was typed into, or of the shim when `docker exec` ran it. */
function psProcess(
  engine: Engine,
  context: ProcessContext,
  table: readonly HostProcess[],
  argv: readonly string[],
): HostProcess {
  const shells = context.terminal?.shells?.() ?? [];
  const top = shells.at(-1);
  const shell = top && top.container === context.containerId ? table.find((p) => p.pid === top.pid) : undefined;
  const firstProcess = table.find(
    (p) =>
      p.container === context.containerId &&
      p.container !== undefined &&
      p.pid === engine.containers.list().find((c) => c.id === context.containerId)?.pid,
  );
  const parent = shell?.pid ?? firstProcess?.ppid ?? LOGIN_SHELL_PID;
  const user = context.containerId === undefined ? (context.isRoot ? 'root' : (shell?.user ?? 'root')) : 'root';
  // In the foreground of its terminal (+); run by docker exec without one, it leads a session of its own (s).
  const stat = shell?.tty ? 'R+' : 'Rs';
  return {
    pid: engine.processes.spawn(),
    ppid: parent,
    uid: user === 'root' ? 0 : 1000,
    user,
    argv,
    comm: 'ps',
    startMs: context.clock.now(),
    tty: shell?.tty,
    stat,
    ...PS_MEMORY,
    container: context.containerId,
  };
}

function record(process: HostProcess, pid: number, ppid: number, user: string): PsRecord {
  const { comm, argv, startMs, tty, stat, vszKb, rssKb } = process;
  // The simulation spends no CPU time: TIME 0, C and %CPU 0.
  return { pid, ppid, user, comm, argv, startMs, tty, stat, vszKb, rssKb, cpuSeconds: 0, cpuTenths: 0 };
}
