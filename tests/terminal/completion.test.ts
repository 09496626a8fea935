import { describe, expect, it } from 'vitest';
import { composeFlags } from '../../src/netsim/cli/compose/compose';
import { COMPOSE_COMMANDS, complete } from '../../src/terminal/completion';
import { TerminalSimulation } from '../../src/terminal/terminal-session';

const context = { commands: ['docker', 'netsim'], containers: ['web'], networks: ['app-net'], images: ['nginx'] };

describe('completing docker compose and netsim', () => {
  it('offers compose subcommands, then their flags, and skips a flag value', () => {
    expect(complete('docker comp', 11, context)).toMatchObject({ replacement: 'compose ' });
    expect(complete('docker compose ', 15, context).candidates).toEqual(['config', 'create', 'down', 'exec', 'kill', 'logs', 'ls', 'port', 'ps', 'restart', 'rm', 'run', 'start', 'stop', 'up', 'version']);
    expect(complete('docker compose up --de', 22, context)).toMatchObject({ replacement: '--detach ' });
    expect(complete('docker compose -p shop d', 24, context)).toMatchObject({ replacement: 'down ' });
  });

  it("offers only flags the compose module itself knows, and names flag values it reads as such", () => {
    const known = composeFlags();
    // Every subcommand the module runs is offered, and nothing it does not run.
    expect(Object.keys(COMPOSE_COMMANDS).sort()).toEqual(Object.keys(known).sort());
    for (const [subcommand, flags] of Object.entries(COMPOSE_COMMANDS)) {
      expect(known[subcommand], subcommand).toBeDefined();
      for (const flag of flags) expect(known[subcommand]!.flags, `${subcommand} ${flag}`).toContain(flag);
    }
  });

  it('completes netsim at the prompt, and trace after it', () => {
    const terminal = new TerminalSimulation({ seed: 1, steps: [] });
    expect(terminal.complete('nets', 4).candidates).toEqual(['netsim', 'netstat']);
    expect(terminal.complete('netsi', 5)).toMatchObject({ replacement: 'netsim ' });
    expect(terminal.complete('netsim t', 8)).toMatchObject({ replacement: 'trace ' });
  });
});
