import { describe, expect, it } from 'vitest';
import { parseNetsimCommand } from '../../src/terminal/netsim-command';
import { TerminalSimulation } from '../../src/terminal/terminal-session';

describe('parseNetsimCommand', () => {
  it.each([
    ['netsim trace', { kind: 'trace' }],
    ['  netsim   trace ', { kind: 'trace' }],
    ['netsim', { kind: 'help' }],
    ['netsim --help', { kind: 'help' }],
    ['netsim trace last', { kind: 'usage' }],
    ['netsim tarce', { kind: 'usage' }],
    ['netsimtrace', undefined],
    ['echo netsim trace', undefined],
  ])('reads %j', (line, expected) => {
    expect(parseNetsimCommand(line)).toEqual(expected);
  });
});

describe('netsim trace in a terminal session', () => {
  const published = () => {
    const terminal = new TerminalSimulation({
      seed: 3,
      steps: [{ prompt: '$ ', command: 'docker run -d --name web -p 8080:80 nginx' }],
    });
    return terminal;
  };

  it('says there is nothing to trace before any command', () => {
    expect(published().run('netsim trace')).toEqual({
      kind: 'trace',
      command: undefined,
      trace: undefined,
      prompt: '$ ',
    });
  });

  it('traces the last command again from the host before it, without touching the reader host', () => {
    const terminal = published();
    terminal.run('curl -s -o /dev/null http://192.168.1.10:8080/');
    const counters = terminal.run('sudo iptables -t nat -nvxL DOCKER');
    terminal.run('curl -s -o /dev/null http://192.168.1.10:8080/');
    const traced = terminal.run('netsim trace');
    expect(traced.kind === 'trace' && traced.command).toBe('curl -s -o /dev/null http://192.168.1.10:8080/');
    const dnat =
      traced.kind === 'trace'
        ? traced.trace?.hops.find((hop) => hop.kind === 'rule' && hop.spec.target.kind === 'DNAT')
        : undefined;
    // The second curl is the DNAT rule's second packet: the trace is of that command, on the host as it was before it.
    expect(dnat?.kind === 'rule' && dnat.packets).toBe(2);
    // Tracing ran on a copy: the reader's counters moved by the second curl only.
    const after = terminal.run('sudo iptables -t nat -nvxL DOCKER');
    expect(after.kind === 'done' && after.output).toBe(
      counters.kind === 'done' ? counters.output.replace(/ 1 +60 DNAT/, ' 2      120 DNAT') : '',
    );
    // `netsim trace` is not a command of the host: the last command is still the iptables listing, which sends nothing.
    const again = terminal.run('netsim trace');
    expect(again.kind === 'trace' && [again.command, again.trace?.hops]).toEqual([
      'sudo iptables -t nat -nvxL DOCKER',
      [],
    ]);
  });

  it('says what netsim is, and its usage for anything else', () => {
    const terminal = published();
    expect(terminal.run('netsim')).toEqual({ kind: 'netsim-help', usage: false, prompt: '$ ', exitCode: 0 });
    expect(terminal.run('netsim trace all')).toEqual({ kind: 'netsim-help', usage: true, prompt: '$ ', exitCode: 2 });
  });
});
