import { HOST_MEM_TOTAL_KB, HOST_USERS } from '../../engine/host-processes';
import { formatPs, type PsRecord } from '../../format/ps';
import type { HostProcess, ShellProcess } from '../../engine/processes';
import { tabulate } from '../../format/tabwriter';
import { fail, ok } from '../command';
import type { Engine } from '../../engine/engine';
import { daemonErrorText, type CommandSpec, type DockerContext } from './cobra';

/**
 * What the daemon makes of `ps -ef` run on the host (moby docker-v29.7.2
 * daemon/top_unix.go parsePSOutput): the titles and each line split on blanks,
 * the last title taking the rest of the line, only the container's PIDs kept.
 */
function parsePsOutput(text: string, pids: ReadonlySet<number>): { titles: string[]; processes: string[][] } {
  const [header = '', ...lines] = text.split('\n');
  const titles = header.trim().split(/\s+/);
  const pidIndex = titles.indexOf('PID');
  const processes = lines
    .filter((line) => line.trim() !== '')
    .map((line) => line.trim().split(/\s+/))
    .filter((fields) => pids.has(Number(fields[pidIndex])))
    .map((fields) => [...fields.slice(0, titles.length - 1), fields.slice(titles.length - 1).join(' ')]);
  return { titles, processes };
}

/** A host process as the host's ps reads it: users named from the host's /etc/passwd; no CPU time is spent here. */
function hostPsRecord(process: HostProcess): PsRecord {
  const { pid, ppid, uid, comm, argv, startMs, tty, stat, vszKb, rssKb } = process;
  return {
    pid,
    ppid,
    user: HOST_USERS[uid] ?? String(uid),
    comm,
    argv,
    startMs,
    tty,
    stat,
    vszKb,
    rssKb,
    cpuSeconds: 0,
    cpuTenths: 0,
  };
}

/** ContainerTop: the daemon's titles and rows of `ps -ef` for one container (a running one, or the daemon's error). */
export function containerTop(
  engine: Engine,
  reference: string,
  shells: readonly ShellProcess[],
): { titles: string[]; processes: string[][] } {
  const processes = engine.processes.inContainer(reference, shells);
  const text = formatPs(processes.map(hostPsRecord), 'full', {
    nowMs: engine.clock.now(),
    memTotalKb: HOST_MEM_TOTAL_KB,
  });
  return parsePsOutput(text, new Set(processes.map((p) => p.pid)));
}

/**
 * `docker top CONTAINER` (docker/cli v29.7.2 cli/command/container/top.go): the
 * daemon's table through a tabwriter of minwidth 20, padding 3. Only the
 * default `ps -ef` is modelled; other ps options say so.
 */
export const top: CommandSpec<DockerContext> = {
  path: 'docker top',
  usage: 'CONTAINER [ps OPTIONS]',
  args: { kind: 'at-least', count: 1 },
  interspersed: false,
  flags: [],
  run({ positionals: [reference, ...psArgs] }, { engine, terminal }) {
    if (psArgs.length > 0 && !(psArgs.length === 1 && psArgs[0] === '-ef'))
      return fail(`This simulator runs docker top with ps's default options (-ef) only, not: ${psArgs.join(' ')}\n`, 1);
    try {
      const { titles, processes: rows } = containerTop(engine, reference!, terminal?.shells?.() ?? []);
      return ok(tabulate([titles, ...rows], 20, 3));
    } catch (error) {
      return fail(daemonErrorText(error), 1);
    }
  },
};
