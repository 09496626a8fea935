import { describe, expect, it, vi } from 'vitest';
import { withToolModules } from '../../src/netsim/cli/tool-modules';
import { TerminalSimulation } from '../../src/terminal/terminal-session';

// The terminal as the browser runs it: tools come from chunks loaded on first use.
vi.mock('../../src/netsim/cli/tool-loader', () => import('../../src/netsim/cli/tool-loader.browser'));
const { loadToolModules } = await import('../../src/netsim/cli/tool-loader');

const fresh = () => new TerminalSimulation({ seed: 7, steps: [] });

describe("the terminal's seldom-typed tools, loaded on first use", () => {
  it('a line naming a tool not loaded yet stops before showing anything', () => {
    const terminal = fresh();
    expect(() => terminal.run('date; netstat -tln')).toThrow(/netstat tools are not loaded/);
    expect(terminal.prompt()).toBe('$ ');
  });

  it('runs again from the same host once loaded: exactly what a run with the tool at hand shows', async () => {
    // `date` runs before `ss`: had the first, stopped run moved the clock, the second would show a later time.
    const line = 'date; ss -tln';
    const first = fresh();
    const retried = await withToolModules([], loadToolModules, () => first.run(line));
    const second = fresh();
    const direct = second.run(line);
    expect(retried).toEqual(direct);
    expect(direct.kind === 'done' && direct.output).toMatch(/^State +Recv-Q +Send-Q/m);
  });

  it("runs systemctl, docker's help and docker swarm from their own chunks, as a run with every tool at hand does", async () => {
    for (const line of ['sudo systemctl is-active docker', 'docker network --help', 'docker', 'docker swarm init']) {
      const first = fresh();
      const retried = await withToolModules([line], loadToolModules, () => first.run(line));
      expect(retried, line).toEqual(fresh().run(line));
    }
  });
});
