import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { stepsOf } from '../golden';
import { countersLab } from '../counters-lab';

/**
 * `ip -s`, `ip -j`, `ip -c` and `ip maddr` against golden/linux/session.counters.txt:
 * iproute2 v6.15.0 (and Debian 12's 6.1, which prints these the same) on a
 * Docker-like layout built by hand (layouts/session.counters.sh). Part 1 of the
 * capture kept IPv6 on; part 2 built the layout again in namespaces `lab2` and
 * `c1b` with IPv6 disabled before any link existed, then pinged, so that its
 * links carried only the pings. Here both parts are one layout ("lab" and "c1").
 */
const transcript = readFileSync(resolve(import.meta.dirname, '../golden/linux/session.counters.txt'), 'utf8');
const steps = stepsOf(transcript);
const captured = (command: string) => {
  const step = steps.find((candidate) => candidate.command === command);
  if (!step) throw new Error(`no step ${command}`);
  return step.output;
};

/** Part 2's namespaces were lab2 and c1b. */
const renamed = (text: string) =>
  text.replace(/link-netns lab2\b/g, 'link-netns lab').replace(/link-netns c1b\b/g, 'link-netns c1');

/**
 * The capture's docker0 sent one IGMPv3 membership report (54 bytes: an IP
 * header with the router alert option, one group record) for 224.0.0.106,
 * which a bridge joins when it opens (br_multicast_join_snoopers), and dropped
 * the report before it, sent while docker0 had no port; the frame crossed the
 * veth to c1's eth0. netsim sends no IGMP: those counters are taken out here.
 */
const withoutIgmpReport = (text: string) =>
  text
    .replace(/^( +)390( +)5( +0 +)1( +0 +0 \n)/m, (_, a, b, c, d) => `${a}336${b}4${c}0${d}`)
    .replace(/^( +)390( +)5( +0 +0 +0 +0 \n)/gm, (_, a, b, c) => `${a}336${b}4${c}`);

/** Part 2's namespaces had IPv6 disabled; netsim's "lab" keeps it, as a Docker host's root namespace does. */
const withoutInet6 = (text: string) =>
  text.replace(/^ {4}inet6 .*\n {7}valid_lft forever preferred_lft forever\n/gm, '');

describe('ip -s: the counters of what crossed each link', () => {
  const host = countersLab();
  const cases: [string, string][] = [
    ['sudo ip -n lab -s link show docker0', 'ip -n lab2 -s link show docker0'],
    ['sudo ip -n lab -s link show veth1a2b3c4', 'ip -n lab2 -s link show veth1a2b3c4'],
    ['sudo ip -n lab -s -s link show docker0', 'ip -n lab2 -s -s link show docker0'],
    ['sudo ip -n c1 -s -s link show eth0', 'ip -n c1b -s -s link show eth0'],
    ['sudo ip -n c1 -s link', 'ip -n c1b -s link'],
    ['sudo ip -n lab -s addr', 'ip -n lab2 -s addr'],
    ['sudo ip -n c1 -s link show lo', 'ip -n c1b -s link show lo'],
    ['sudo ip -n lab -j -s link show docker0', 'ip -n lab2 -j -s link show docker0'],
  ];
  it.each(cases)('%s prints what `%s` printed', (line, command) => {
    const result = host.run(line);
    expect(result.stderr).toBe('');
    const expected = renamed(captured(command)).replace(
      '"tx":{"bytes":390,"packets":5,"errors":0,"dropped":1',
      '"tx":{"bytes":336,"packets":4,"errors":0,"dropped":0',
    );
    expect(withoutInet6(result.stdout)).toBe(withoutIgmpReport(expected));
  });

  it('counts nothing on links no frame crossed', () => {
    const quiet = countersLab(false);
    expect(quiet.run('sudo ip -n c1 -s link show lo').stdout).toContain(
      '    RX:  bytes packets errors dropped  missed   mcast           \n' +
        '             0       0      0       0       0       0 \n',
    );
  });

  it('keeps the counters in a snapshot', () => {
    const restored = countersLab(false);
    restored.restore(host.snapshot());
    expect(restored.run('sudo ip -n lab -s link show docker0').stdout).toBe(
      host.run('sudo ip -n lab -s link show docker0').stdout,
    );
  });
});

describe('ip -j, ip -c and ip maddr, as iproute2 6.15 prints them', () => {
  const host = countersLab(false);
  const cases: [string, string][] = [
    ['sudo ip -n lab -j a', 'ip -n lab -j a'],
    ['sudo ip -n lab -j -p route', 'ip -n lab -j -p route'],
    ['sudo ip -n lab -j link', 'ip -n lab -j link'],
    ['sudo ip -n lab -j -p addr show docker0', 'ip -n lab -j -p addr show docker0'],
    ['sudo ip -n lab -c a', 'ip -n lab -c a'],
    ['sudo ip -n lab -c=always a', 'ip -n lab -c=always a'],
    ['sudo ip -n lab -color=never a', 'ip -n lab -color=never a'],
    // The capture's stdout was a file: auto leaves the colours out, as into a pipe.
    ['sudo ip -n lab -c=auto a | cat', 'ip -n lab -c=auto a'],
    ['sudo ip -n lab -c -br a', 'ip -n lab -c -br a'],
    ['sudo ip -n lab maddr', 'ip -n lab maddr'],
    ['sudo ip -n lab maddr show dev docker0', 'ip -n lab maddr show dev docker0'],
  ];
  it.each(cases)('%s prints what `%s` printed', (line, command) => {
    const result = host.run(line);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(captured(command));
  });

  it('colours a terminal for -c=auto, with the bold palette when COLORFGBG says the background is dark', () => {
    const colored = captured('ip -n lab -c a');
    expect(host.run('sudo ip -n lab -c=auto a').stdout).toBe(colored);
    // Not through sudo: its env_reset drops COLORFGBG.
    expect(host.run('COLORFGBG="15;0" ip -c link show lo').stdout).toBe(
      host.run('ip -c link show lo').stdout.replace(/\x1b\[3(\d)m/g, '\x1b[1;3$1m'),
    );
    expect(host.run('COLORFGBG="15;0" ip -c link show lo').stdout).toContain('\x1b[1;36mlo: \x1b[0m');
  });

  it('refuses what it does not print yet, and keeps unknown options unknown', () => {
    expect(host.run('ip -s route').stderr).toBe(
      'ip: option "-s" is not available for ip route in this simulator yet.\n',
    );
    expect(host.run('ip -c=sometimes a')).toMatchObject({
      stderr: 'Option "-c=sometimes" is unknown, try "ip -help".\n',
      exitCode: 255,
    });
  });
});

describe('what ip -j and -c leave to the real tool', () => {
  const host = countersLab(false);
  it.each([
    ['ip -j -br a', '-j'],
    ['ip -j -d link', '-j'],
    ['ip -c -o a', '-c'],
    ['ip -c -br link', '-c'],
    ['ip -c route', '-c'],
    ['ip -j neigh', '-j'],
  ])('%s says %s is not simulated there', (line, option) => {
    expect(host.run(line)).toMatchObject({ exitCode: 255 });
    expect(host.run(line).stderr).toMatch(
      new RegExp(`^ip: option "${option}" is not available for ip \\w+ in this simulator yet\\.\\n$`),
    );
  });
});
