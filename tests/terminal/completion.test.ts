import { describe, expect, it } from 'vitest';
import { composeFlags } from '../../src/netsim/cli/compose/compose';
import { COMPOSE_COMMANDS, complete } from '../../src/terminal/completion';
import { TerminalSimulation } from '../../src/terminal/terminal-session';

const context = { commands: ['docker', 'netsim'], containers: ['web'], networks: ['app-net'], images: ['nginx'] };

describe('completing docker compose and netsim', () => {
  it('offers compose subcommands, then their flags, and skips a flag value', () => {
    expect(complete('docker comp', 11, context)).toMatchObject({ replacement: 'compose ' });
    expect(complete('docker compose ', 15, context).candidates).toEqual([
      'config',
      'create',
      'down',
      'exec',
      'images',
      'kill',
      'logs',
      'ls',
      'pause',
      'port',
      'ps',
      'restart',
      'rm',
      'run',
      'scale',
      'start',
      'stats',
      'stop',
      'top',
      'unpause',
      'up',
      'version',
      'volumes',
    ]);
    expect(complete('docker compose up --de', 22, context)).toMatchObject({ replacement: '--detach ' });
    expect(complete('docker compose -p shop d', 24, context)).toMatchObject({ replacement: 'down ' });
  });

  it('offers only flags the compose module itself knows, and names flag values it reads as such', () => {
    const known = composeFlags();
    // Every subcommand the module runs is offered, and nothing it does not run.
    expect(Object.keys(COMPOSE_COMMANDS).sort()).toEqual(Object.keys(known).sort());
    for (const [subcommand, flags] of Object.entries(COMPOSE_COMMANDS)) {
      expect(known[subcommand], subcommand).toBeDefined();
      for (const flag of flags) expect(known[subcommand]!.flags, `${subcommand} ${flag}`).toContain(flag);
    }
  });

  it('completes netsim at the prompt, and trace after it', () => {
    const names = new TerminalSimulation({ seed: 1, steps: [] }).completionNames();
    expect(complete('nets', 4, names).candidates).toEqual(['netsim', 'netstat']);
    expect(complete('netsi', 5, names)).toMatchObject({ replacement: 'netsim ' });
    expect(complete('netsim t', 8, names)).toMatchObject({ replacement: 'trace ' });
  });
});

// The flags completion offers must be flags docker/cli 29 has: its help tables
// (src/netsim/cli/docker/help-tables.ts, generated from docker/cli's reference pages).
describe('completing docker commands', () => {
  const TOP_PAGES: Record<string, string> = {
    cp: 'container cp',
    history: 'image history',
    rename: 'container rename',
    stats: 'container stats',
    top: 'container top',
    ps: 'container ls',
    run: 'container run',
    logs: 'container logs',
    exec: 'container exec',
    inspect: 'inspect',
    version: 'version',
    info: 'system info',
  };

  it('offers only flags docker/cli defines', async () => {
    const { DOCKER_HELP_TABLES } = await import('../../src/netsim/cli/docker/help-tables');
    const { DOCKER_COMMANDS, NETWORK_COMMANDS, SYSTEM_COMMANDS } = await import('../../src/terminal/completion');
    // --net is docker run's hidden alias of --network (cli/command/container/opts.go MarkHidden("net")): no help lists it.
    const hidden: Record<string, string[]> = { 'container run': ['--net'] };
    const known = (page: string) => [
      ...DOCKER_HELP_TABLES[page]!.flags.flatMap((flag) => [
        `--${flag.name}`,
        ...(flag.short ? [`-${flag.short}`] : []),
      ]),
      ...(hidden[page] ?? []),
    ];
    for (const [command, page] of Object.entries(TOP_PAGES))
      for (const flag of DOCKER_COMMANDS[command]!) expect(known(page), `${command} ${flag}`).toContain(flag);
    for (const [verb, flags] of Object.entries(NETWORK_COMMANDS))
      for (const flag of flags) expect(known(`network ${verb}`), `network ${verb} ${flag}`).toContain(flag);
    for (const [verb, flags] of Object.entries(SYSTEM_COMMANDS))
      for (const flag of flags) expect(known(`system ${verb}`), `system ${verb} ${flag}`).toContain(flag);
  });

  it("offers docker system's subcommands and the new container commands", () => {
    expect(complete('docker system ', 14, context).candidates).toEqual(['df', 'events', 'info', 'prune']);
    expect(complete('docker pau', 10, context)).toMatchObject({ replacement: 'pause ' });
    expect(complete('docker unpause w', 16, context)).toMatchObject({ replacement: 'web ' });
    expect(complete('docker events --si', 18, context)).toMatchObject({ replacement: '--since ' });
    expect(complete('docker sta', 10, context).candidates).toEqual(['start', 'stats']);
    expect(complete('docker top w', 12, context)).toMatchObject({ replacement: 'web ' });
    expect(complete('docker stats --no-s', 19, context)).toMatchObject({ replacement: '--no-stream ' });
  });
});
