import type { Namespace } from '../kernel/namespace';
import { formatIpv4 } from '../wire/ipv4';
import type { Container } from './container';
import { BOOT_PROCESSES, DOCKERD_PID, HOST_BOOT_MS, HOST_CPUS, LOGIN_SHELL } from './host-processes';
import { imageInfo, runsImageDefault } from './images';
import { parseImageReference } from '../wire/image-reference';
import { NGINX_FIRST_WORKER_PID } from './nginx-log';

/**
 * The host's processes, read from the state that already implies them: the
 * host's boot processes (host-processes.ts), one containerd shim and a first
 * process per running container, the workers of the servers they run,
 * services started by init scripts (Container.services), docker-proxy per
 * published port (the root namespace's sockets), and the terminal's shells.
 * Nothing here is stored: `ps` asks for the table each time it runs.
 */
export interface HostProcess {
  /** PID on the host. */
  readonly pid: number;
  readonly ppid: number;
  readonly uid: number;
  /** The user's name in the process's own system (a container's /etc/passwd). */
  readonly user: string;
  readonly argv: readonly string[];
  readonly comm: string;
  readonly startMs: number;
  readonly tty: string | undefined;
  readonly stat: string;
  readonly vszKb: number;
  readonly rssKb: number;
  /** The container whose PID namespace holds it; undefined for the host's own. */
  readonly container: string | undefined;
}

/** A shell of the terminal session, as the session knows it. */
export interface ShellProcess {
  /** Undefined: the host user's login shell. */
  readonly container: string | undefined;
  readonly pid: number;
  readonly startedMs: number;
  readonly argv0: string;
  readonly user: string;
  /** `docker run -it`'s shell: the container's first process, already listed as such. */
  readonly firstProcess: boolean;
  /** A login shell (the terminal's first, `su -`, `sudo -i`): it took the user's groups from /etc/group when it started. */
  readonly login?: boolean;
}

/** What the process table is read from. */
export interface ProcessSources {
  readonly containers: readonly Container[];
  readonly root: Namespace;
  readonly shells: readonly ShellProcess[];
  readonly hostUser: string;
  /** dockerd as docker.service last started it (its PID and start), or null while it is down; absent, as the host booted it. */
  readonly dockerd?: { readonly pid: number; readonly startMs: number } | null | undefined;
}

/** Users of the images' /etc/passwd that their processes run as. */
const IMAGE_UIDS: Readonly<Record<string, number>> = { root: 0, daemon: 1, 'www-data': 33, nginx: 101 };

interface ServerProcesses {
  readonly argv: readonly string[];
  readonly comm: string;
  readonly memory: readonly [number, number];
  readonly workers: {
    readonly count: number;
    readonly user: string;
    readonly argv: readonly string[];
    readonly stat: string;
    readonly memory: readonly [number, number];
    /** How far after its master's PID the first worker's is: what ran in between (an entrypoint's scripts) took the others. */
    readonly firstAfter: number;
  };
}

/**
 * What an image's default command becomes once its entrypoint has exec'd the
 * server. nginx renames itself (ngx_setproctitle: `nginx: master process` and
 * the command line, `nginx: worker process`) and starts one worker per CPU
 * (`worker_processes auto` in the image's nginx.conf; the simulated host has
 * 2), as user nginx (uid 101 in the image). httpd-foreground execs
 * `httpd -DFOREGROUND`; the event MPM starts StartServers 3 children as
 * httpd.conf's `User daemon`. Memory figures are plausible, not measured.
 */
const IMAGE_SERVERS: Readonly<Record<string, ServerProcesses>> = {
  nginx: {
    argv: ['nginx: master process nginx -g daemon off;'],
    comm: 'nginx',
    memory: [11_404, 7_460],
    // The entrypoint's scripts ran as the PIDs before the first worker's, which nginx's log names (nginx-log.ts).
    workers: {
      count: HOST_CPUS,
      user: 'nginx',
      argv: ['nginx: worker process'],
      stat: 'S',
      memory: [11_872, 2_908],
      firstAfter: NGINX_FIRST_WORKER_PID - 1,
    },
  },
  httpd: {
    argv: ['httpd', '-DFOREGROUND'],
    comm: 'httpd',
    memory: [5_948, 4_416],
    workers: {
      count: 3,
      user: 'daemon',
      argv: ['httpd', '-DFOREGROUND'],
      stat: 'Sl',
      memory: [1_996_112, 3_760],
      firstAfter: 1,
    },
  },
};

/** argv[0] of an image's server as /proc/PID/cmdline holds it, by its comm: nginx retitles itself, so it differs from the comm. */
export function serverArgv0(comm: string): string | undefined {
  return Object.values(IMAGE_SERVERS).find((server) => server.comm === comm)?.argv[0];
}

/** VSZ and RSS of the other programs, by comm: plausible figures, fixed so that output is stable. */
const MEMORY: Readonly<Record<string, readonly [number, number]>> = {
  bash: [4_492, 3_204],
  sh: [2_580, 1_536],
  'containerd-shim': [1_238_424, 13_184],
  'docker-proxy': [1_745_920, 4_096],
  apache2: [73_424, 4_512],
};
const OTHER_MEMORY: readonly [number, number] = [4_096, 2_048];

/**
 * A process's PID in its container's PID namespace. The namespace hands out PIDs
 * in the order the host does, from its first process as 1, so the offset holds.
 */
export function pidInContainer(hostPid: number, firstProcessPid: number): number {
  return hostPid - firstProcessPid + 1;
}

/** `/usr/bin/containerd-shim-runc-v2` as its comm (the kernel keeps 15 characters). */
export function commOf(argv0: string): string {
  return argv0.slice(argv0.lastIndexOf('/') + 1).slice(0, 15);
}

/** Every process of the host, by PID. */
export function hostProcessTable(sources: ProcessSources): HostProcess[] {
  const dockerd = sources.dockerd;
  const table: HostProcess[] = BOOT_PROCESSES.filter((boot) => boot.pid !== DOCKERD_PID || dockerd !== null).map(
    (boot) => ({
      ...boot,
      user: boot.uid === 1000 ? sources.hostUser : 'root',
      argv: boot.argv.map((word) => word.replace('{user}', sources.hostUser)),
      startMs: HOST_BOOT_MS + boot.startedAfter * 1000,
      tty: boot.tty,
      container: undefined,
      // A dockerd that systemd started again since boot has its own PID and start time.
      ...(boot.pid === DOCKERD_PID && dockerd ? { pid: dockerd.pid, startMs: dockerd.startMs } : {}),
    }),
  );
  const dockerdPid = dockerd?.pid ?? DOCKERD_PID;
  // PIDs the daemon handed out (first processes, services, proxies, shells): derived ones (shims, workers) go around them.
  const taken = new Set([
    ...table.map((process) => process.pid),
    ...sources.containers.flatMap((c) => (c.status === 'running' && c.pid !== undefined ? daemonPids(c) : [])),
    ...sources.root.sockets.map((socket) => socket.process.pid),
    ...sources.shells.map((shell) => shell.pid),
  ]);
  const add = (process: HostProcess) => {
    table.push(process);
    taken.add(process.pid);
  };
  const [login, ...nested] = sources.shells.filter((s) => s.container === undefined);
  if (login)
    add({
      ...LOGIN_SHELL,
      pid: login.pid,
      uid: 1000,
      user: sources.hostUser,
      startMs: login.startedMs,
      container: undefined,
    });
  // A shell started from it (`sudo -i`, `bash`) is its child here; sudo's own process between them is not modelled.
  let parent = login?.pid ?? LOGIN_SHELL.pid;
  for (const shell of nested) {
    add({
      ...LOGIN_SHELL,
      pid: shell.pid,
      ppid: parent,
      argv: [shell.argv0],
      stat: 'S',
      uid: shell.user === 'root' ? 0 : 1000,
      user: shell.user,
      startMs: shell.startedMs,
      container: undefined,
    });
    parent = shell.pid;
  }
  for (const container of sources.containers)
    if (container.status === 'running' && container.pid !== undefined)
      containerProcesses(container, sources, taken, add);
  for (const socket of sources.root.sockets) {
    if (socket.service.kind !== 'docker-proxy') continue;
    const target = socket.service;
    // moby daemon/libnetwork/portmapper/proxy_linux.go (docker-v29.7.2): the proxy's argv, `-use-listen-fd` as dockerd binds the socket itself.
    const argv = [
      '/usr/bin/docker-proxy',
      '-proto',
      socket.protocol,
      '-host-ip',
      socket.address,
      '-host-port',
      String(socket.port),
      '-container-ip',
      target.address6 ?? formatIpv4(target.address!),
      '-container-port',
      String(target.port),
      '-use-listen-fd',
    ];
    const owner = sources.containers.find((c) =>
      c.endpoints.some((e) =>
        target.address === undefined ? e.address6?.address === target.address6 : e.address?.address === target.address,
      ),
    );
    add(process(socket.process.pid, dockerdPid, 'root', argv, owner?.startedMs ?? HOST_BOOT_MS, 'Sl', undefined));
  }
  return table.sort((a, b) => a.pid - b.pid);
}

function containerProcesses(
  container: Container,
  sources: ProcessSources,
  taken: Set<number>,
  add: (process: HostProcess) => void,
): void {
  const first = container.pid!;
  const started = container.startedMs ?? HOST_BOOT_MS;
  const tty = container.config.tty ? 'pts/0' : undefined;
  // containerd starts the shim just before runc creates the first process; it daemonizes, so its parent is init.
  const shim = freeBelow(first, taken);
  const shimArgv = [
    '/usr/bin/containerd-shim-runc-v2',
    '-namespace',
    'moby',
    '-id',
    container.id,
    '-address',
    '/run/containerd/containerd.sock',
  ];
  add(process(shim, 1, 'root', shimArgv, started, 'Sl', undefined));
  const server = runsImageDefault(container) ? IMAGE_SERVERS[parseImageReference(container.image).familiar] : undefined;
  const argv = server?.argv ?? [...(container.config.entrypoint ?? []), ...(container.config.cmd ?? [])];
  add({
    ...process(first, shim, 'root', argv, started, 'Ss', tty, container.id),
    ...(server && { comm: server.comm, vszKb: server.memory[0], rssKb: server.memory[1] }),
  });
  if (server) workers(first, server.comm, server.workers, started, tty, container.id, add);
  const services = imageInfo(container.image)?.services ?? {};
  for (const [name, pid] of Object.entries(container.services ?? {})) {
    const spec = services[name]?.process;
    if (!spec) continue;
    const serviceArgv = spec.command.split(' ');
    // apache2ctl start daemonizes Apache: it leads a session of its own, without a terminal, adopted by PID 1. The service's
    // start time is not kept (Container.services holds its PID only): it shows the container's.
    add(process(pid, first, spec.user, serviceArgv, started, 'Ss', undefined, container.id));
    workers(
      pid,
      commOf(serviceArgv[0]!),
      {
        count: spec.workers,
        user: spec.workerUser,
        argv: serviceArgv,
        stat: 'Sl',
        memory: MEMORY[commOf(serviceArgv[0]!)] ?? OTHER_MEMORY,
        firstAfter: 1,
      },
      started,
      undefined,
      container.id,
      add,
    );
  }
  let terminal = container.config.tty ? 1 : 0;
  for (const shell of sources.shells.filter((s) => s.container === container.id && !s.firstProcess)) {
    // `docker exec -it` gets the container's next pseudo-terminal; runc makes the shell a session leader, child of the shim.
    add({
      ...process(shell.pid, shim, shell.user, [shell.argv0], shell.startedMs, 'Ss', `pts/${terminal}`, container.id),
    });
    terminal += 1;
  }
}

/** Workers fork from their master as it starts: the daemon keeps the PIDs after the master's for them (serverWorkers, services.ts). */
function workers(
  master: number,
  masterComm: string,
  spec: ServerProcesses['workers'],
  started: number,
  tty: string | undefined,
  container: string,
  add: (process: HostProcess) => void,
): void {
  for (let index = 0; index < spec.count; index += 1) {
    const worker = process(
      master + spec.firstAfter + index,
      master,
      spec.user,
      spec.argv,
      started,
      spec.stat,
      tty,
      container,
    );
    // A fork keeps its parent's comm: nginx's workers retitle their command line, not their comm (ps -e shows `nginx`).
    add({ ...worker, comm: masterComm, vszKb: spec.memory[0], rssKb: spec.memory[1] });
  }
}

/** The PIDs after the first process's that its server's start takes, up to its last worker: the daemon keeps them. */
export function serverWorkers(container: Container): number {
  const workers = runsImageDefault(container)
    ? IMAGE_SERVERS[parseImageReference(container.image).familiar]?.workers
    : undefined;
  return workers ? workers.firstAfter + workers.count - 1 : 0;
}

/** The first process, its server's workers and the services with theirs: the PIDs the daemon handed out for a container. */
function daemonPids(container: Container): number[] {
  const range = (from: number, count: number) => Array.from({ length: count + 1 }, (_, index) => from + index);
  const services = imageInfo(container.image)?.services ?? {};
  const ofServices = Object.entries(container.services ?? {}).flatMap(([name, pid]) =>
    range(pid, services[name]?.process.workers ?? 0),
  );
  return [...range(container.pid!, serverWorkers(container)), ...ofServices];
}

function freeBelow(pid: number, taken: Set<number>): number {
  let candidate = pid - 1;
  while (taken.has(candidate)) candidate -= 1;
  return candidate;
}

function process(
  pid: number,
  ppid: number,
  user: string,
  argv: readonly string[],
  startMs: number,
  stat: string,
  tty: string | undefined,
  container?: string,
): HostProcess {
  const comm = commOf(argv[0] ?? '');
  const [vszKb, rssKb] = MEMORY[comm] ?? OTHER_MEMORY;
  return { pid, ppid, uid: IMAGE_UIDS[user] ?? 0, user, argv, comm, startMs, tty, stat, vszKb, rssKb, container };
}
