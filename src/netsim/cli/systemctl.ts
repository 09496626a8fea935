import type { Engine } from '../engine/engine';
import type { ServiceState } from '../engine/daemon';
import { formatUnitStatus, type UnitStatus } from '../format/systemctl-status';
import type { CommandResult, Program, ProcessContext } from './command';
import { readDaemonJson } from './docker-service';
import { hostProcessTable } from '../engine/processes';

/** docker.service as moby ships it (contrib/init/systemd/docker.service, docker-v29.7.2). */
const DOCKER_UNIT = {
  id: 'docker.service',
  description: 'Docker Application Container Engine',
  // Debian 13's systemd looks units up in /usr/lib/systemd/system (merged /usr); Debian's preset enables every service.
  fragmentPath: '/usr/lib/systemd/system/docker.service',
  execStart: '/usr/bin/dockerd -H fd:// --containerd=/run/containerd/containerd.sock',
  documentation: ['https://docs.docker.com'],
  // Requires=docker.socket, whose activation starts it.
  triggeredBy: 'docker.socket',
};

/** Names that mean docker.service on systemctl's command line (unit_name_mangle adds `.service`). */
const isDocker = (name: string) => name === 'docker' || name === 'docker.service';

const result = (stdout: string, stderr = '', exitCode = 0): CommandResult => ({ stdout, stderr, exitCode });

/**
 * systemd's systemctl for docker.service: status, start, stop, restart,
 * is-active. A user who is not root is refused the verbs that change a unit:
 * polkit has no agent to ask in an SSH session (systemctl-start-unit.c's
 * `Failed to %s %s: %s` with the bus error, then the pointer to the logs).
 */
export function systemctlProgram(engine: Engine, hostname: string): Program {
  return {
    name: 'systemctl',
    run(args, context) {
      const words = args.filter((arg) => !arg.startsWith('-'));
      const [verb = 'list-units', ...units] = words;
      const unit = units[0];
      if (unit !== undefined && !isDocker(unit))
        return result('', `netsim: systemctl here knows only docker.service, not ${unit}\n`, 1);
      const service = engine.service.state();
      if (!service) return result('', 'netsim: docker.service is not simulated on this host\n', 1);
      switch (verb) {
        case 'status':
          return status(engine, service, context, hostname);
        case 'is-active':
          return result(`${service.active}\n`, '', service.active === 'active' ? 0 : 3);
        case 'is-enabled':
          return result('enabled\n');
        case 'reset-failed':
          if (!context.isRoot)
            return result(
              '',
              `Failed to reset failed state of unit docker.service: Interactive authentication required.\n`,
              1,
            );
          engine.service.resetFailed();
          return result('');
        case 'start':
        case 'stop':
        case 'restart':
          if (unit === undefined) return result('', `Too few arguments.\n`, 1);
          if (!context.isRoot)
            return result(
              '',
              `Failed to ${verb} docker.service: Interactive authentication required.\nSee system logs and 'systemctl status docker.service' for details.\n`,
              1,
            );
          return change(engine, verb, context);
        default:
          return result('', `netsim: systemctl ${verb} is not simulated\n`, 1);
      }
    },
  };
}

/**
 * A job on docker.service. stop warns that docker.socket can start it again
 * (systemctl-start-unit.c check_triggering_units); a start whose dockerd exits
 * fails the job, and bus-wait-for-jobs.c explains the `exit-code` and
 * `start-limit-hit` results.
 */
function change(engine: Engine, verb: 'start' | 'stop' | 'restart', context: ProcessContext): CommandResult {
  if (verb === 'stop') {
    engine.service.stop();
    return result('', 'Warning: Stopping docker.service, but it can still be activated by:\n  docker.socket\n');
  }
  const outcome =
    verb === 'restart'
      ? engine.service.restart(readDaemonJson(context))
      : engine.service.start(readDaemonJson(context));
  if (outcome === 'started') return result('');
  const see = 'See "systemctl status docker.service" and "journalctl -xeu docker.service" for details.\n';
  if (outcome === 'start-limit-hit') {
    return result(
      '',
      `Job for docker.service failed because start of the service was attempted too often.\n${see}To force a start use "systemctl reset-failed docker.service"\nfollowed by "systemctl start docker.service" again.\n`,
      1,
    );
  }
  return result('', `Job for docker.service failed because the control process exited with error code.\n${see}`, 1);
}

/**
 * docker.service's cgroup: dockerd and the docker-proxy processes it spawned
 * (KillMode=process leaves them there); containers run in scopes of their own.
 */
function cgroupProcesses(engine: Engine, context: ProcessContext, dockerdPid: number): { pid: number; argv: string }[] {
  const table = hostProcessTable({
    containers: engine.containers.list(),
    root: context.kernel.root,
    shells: [],
    hostUser: '',
    dockerd: engine.service.process(),
  });
  const proxies = table
    .filter((process) => process.ppid === dockerdPid && process.comm === 'docker-proxy')
    .sort((a, b) => a.pid - b.pid);
  return [
    { pid: dockerdPid, argv: DOCKER_UNIT.execStart },
    ...proxies.map((process) => ({ pid: process.pid, argv: process.argv.join(' ') })),
  ];
}

/** `systemctl status docker`: exit status 0 when active, 3 otherwise (LSB's "program is not running"). */
function status(
  engine: Engine,
  service: Readonly<ServiceState>,
  context: ProcessContext,
  hostname: string,
): CommandResult {
  const running = service.active === 'active';
  const unit: UnitStatus = {
    ...DOCKER_UNIT,
    triggeredBy: [{ unit: DOCKER_UNIT.triggeredBy, state: service.socket ?? 'active' }],
    enabled: 'enabled',
    preset: 'enabled',
    activeState: service.active,
    subState: running ? 'running' : service.active === 'failed' ? 'failed' : 'dead',
    result: service.active === 'failed' ? (service.result ?? 'exit-code') : 'success',
    sinceMs: service.sinceMs,
    durationMs: service.activeExitMs === undefined ? undefined : service.activeExitMs - service.activeEnterMs,
    invocationId: service.invocationId,
    mainPid: service.pid,
    mainComm: 'dockerd',
    exit: running ? undefined : { status: service.exitStatus ?? 0 },
    // ~: plausible figures for an idle dockerd, not measured ones (host-processes.ts gives its RSS as 86,216 KiB).
    tasks: running ? 9 : undefined,
    memory: running ? { currentBytes: 86_216 * 1024, peakBytes: 91_340 * 1024 } : undefined,
    cpuMs: running ? 1_234 : service.active === 'failed' ? 52 : 1_516,
    cgroup: '/system.slice/docker.service',
    processes: running ? cgroupProcesses(engine, context, service.pid) : [],
    // The journal since the unit last left the inactive state (show_journal_by_unit with InactiveExitTimestamp);
    // only root and the adm and systemd-journal groups read the system journal: the user's status shows no lines.
    journal: context.isRoot ? service.journal.slice(service.inactiveExitEntry ?? 0) : [],
  };
  // At a terminal systemctl hands its text to less, which chops long lines; the simulated terminal shows them whole, as a pipe does.
  return result(formatUnitStatus(unit, context.clock.now(), hostname), '', running ? 0 : 3);
}
