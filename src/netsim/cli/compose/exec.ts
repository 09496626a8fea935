import type { CommandResult, ExecOptions } from '../command';
import type { ParsedFlags } from '../docker/flags';
import { projectNameOnly } from './project-name';
import { LABEL, projectContainers, serviceOf } from './resources';
import type { Session } from './session';

/**
 * `docker compose exec SERVICE COMMAND` (v2.40.3 cmd/compose/exec.go,
 * pkg/compose/exec.go): the command runs in the service's first running
 * container (lowest number), with a TTY unless -T or stdout is not a
 * terminal, stdin open. A non-zero exit status is the plugin's own, printed by nobody.
 */
export function execCommand(session: Session, parsed: ParsedFlags): CommandResult {
  const [service, ...argv] = parsed.positionals;
  if (parsed.positionals.length < 2)
    return session.fail(`requires at least 2 arg(s), only received ${parsed.positionals.length}`);
  const name = projectNameOnly(session);
  if (typeof name !== 'string') return name;
  const index = Number(parsed.values.get('index')?.at(-1) ?? '0');
  const running = projectContainers(session.engine, name.toLowerCase())
    .filter(
      (container) =>
        serviceOf(container) === service &&
        container.status === 'running' &&
        (index === 0 || container.config.labels[LABEL.number] === String(index)),
    )
    .sort((a, b) => Number(a.config.labels[LABEL.number]) - Number(b.config.labels[LABEL.number]));
  const target = running[0];
  if (!target)
    return session.fail(
      index > 0
        ? `service ${JSON.stringify(service)} is not running container #${index}`
        : `service ${JSON.stringify(service)} is not running`,
    );
  const values = (key: string) => parsed.values.get(key) ?? [];
  const noTty =
    values('no-tty').length > 0 ? values('no-tty').at(-1) === 'true' : session.process.stdoutIsTerminal !== true;
  const user = values('user').at(-1);
  const options: ExecOptions = {
    tty: !noTty,
    interactive: values('interactive').at(-1) !== 'false',
    ...(user !== undefined && { user }),
    workdir: values('workdir').at(-1) ?? target.config.workingDir,
    env: [...target.config.env, ...values('env')],
  };
  const terminal = session.process.terminal;
  if (!terminal) return session.fail('docker compose exec needs a terminal session');
  if (values('detach').at(-1) === 'true') return session.result(0);
  const ran = terminal.exec(target.id, argv, options);
  if (ran === 'shell') {
    terminal.enterShell(target.id, argv, { ...options, firstProcess: false });
    return session.result(0);
  }
  // runc's error for a program not on PATH, as `docker exec` shows it; the daemon reports 127.
  if (ran === 'not-found')
    return session.fail(
      `OCI runtime exec failed: exec failed: unable to start container process: exec: "${argv[0]}": executable file not found in $PATH: unknown`,
      127,
    );
  return ran;
}
