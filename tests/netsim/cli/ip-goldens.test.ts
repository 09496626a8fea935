import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Host } from '../../../src/netsim/index';
import { readGolden } from '../golden';

const captures = readdirSync(resolve(import.meta.dirname, '../golden/linux')).filter((file) => file.endsWith('.txt'));

/** Real iproute2 errors captured in a Docker-like namespace (see golden/linux/README.md). */
const errorCases = captures
  .filter((file) => file.startsWith('host.ip-') && file.endsWith('.err.txt'))
  .map((file) => ({ file, golden: readGolden(`linux/${file}`) }))
  .filter(({ golden }) =>
    /^ip (addr|address|a|ad|link|l|route|r|foo)\b(?! (add|del|set|get|flush))/.test(golden.command ?? ''),
  );

describe('ip errors match real iproute2', () => {
  it('has captures to compare with', () => {
    expect(errorCases.length).toBeGreaterThanOrEqual(4);
  });

  it.each(errorCases.map(({ file, golden }) => [golden.command!, file, golden] as const))(
    '%s (%s)',
    (command, _, golden) => {
      const result = Host.create().run(command);
      expect({ stdout: result.stdout, stderr: result.stderr, exitCode: result.exitCode }).toEqual({
        stdout: golden.stdout,
        stderr: golden.stderr,
        exitCode: golden.exitCode,
      });
    },
  );
});

describe("ip output matches real iproute2 for Docker's layout", () => {
  it('prints the routes of a host whose docker0 has no ports', () => {
    const golden = readGolden('linux/host.ip-route.docker0-empty.txt');
    expect(Host.create().run(golden.command!).stdout).toBe(golden.stdout);
  });
});

/**
 * What is random on a real machine (MACs, the link-local addresses made from them,
 * veth names) is replaced on both sides. So are two known differences of the
 * capture host: its eth0 is a tap device (qdisc pfifo_fast, where a Debian 13 VM
 * has fq_codel) and its iproute2 6.1 predates the `proto kernel_lo|kernel_ll`
 * that 6.4+ prints (golden/linux/README.md, "Known differences").
 */
function normalise(text: string): string {
  return text
    .replace(/([0-9a-f]{2}:){5}[0-9a-f]{2}/g, (mac) =>
      mac === '00:00:00:00:00:00' || mac === 'ff:ff:ff:ff:ff:ff' ? mac : 'MAC',
    )
    .replace(/fe80::[0-9a-f:]+\/64/g, 'LINKLOCAL/64')
    .replace(/veth[0-9a-f]{7}/g, 'VETH')
    .replace('qdisc pfifo_fast', 'qdisc fq_codel')
    .replace(/ proto kernel_l[lo] $/gm, ' ');
}

describe('ip on a simulated Docker host matches real captures, random parts aside', () => {
  it.each([
    ['ip addr', 'host.ip-addr.docker0-empty.txt'],
    ['ip -br addr', 'host.ip-br-addr.docker0-empty.txt'],
    ['ip -br link', 'host.ip-br-link.docker0-empty.txt'],
    ['ip link', 'host.ip-link.docker0-empty.txt'],
  ])('%s with docker0 empty', (line, file) => {
    expect(normalise(Host.create().run(line).stdout)).toBe(normalise(readGolden(`linux/${file}`).stdout));
  });

  it.each([
    ['ip -br addr', 'host.ip-br-addr.two-containers.txt'],
    ['ip -br link', 'host.ip-br-link.two-containers.txt'],
    ['ip addr show docker0', 'host.ip-addr-show-docker0.two-containers.txt'],
  ])('%s with two containers on docker0', (line, file) => {
    const host = Host.create();
    host.run('docker run -dit --name c1 alpine');
    host.run('docker run -dit --name c2 alpine');
    expect(normalise(host.run(line).stdout)).toBe(normalise(readGolden(`linux/${file}`).stdout));
  });
});

describe('ip filters as iproute2 reads them', () => {
  it('ip link show master docker0 lists the bridge ports (the two-containers capture)', () => {
    const host = Host.create();
    host.run('docker run -dit --name c1 alpine');
    host.run('docker run -dit --name c2 alpine');
    const golden = readGolden('linux/host.ip-link-show-master-docker0.two-containers.txt');
    expect(normalise(host.run(golden.command!).stdout)).toBe(normalise(golden.stdout));
  });

  // Captured with iproute2 6.1 in a namespace holding a docker0 bridge (172.17.0.1/16) with a port up.
  it('ip route show dev docker0 leaves the device out of each line', () => {
    const host = Host.create();
    host.run('docker run -dit --name c1 alpine');
    expect(host.run('ip route show dev docker0').stdout).toBe(
      '172.17.0.0/16 proto kernel scope link src 172.17.0.1 \n',
    );
  });

  // Captured with iproute2 6.1: invarg() ends its message with the caller's own newline, hence the empty line.
  it.each([
    [
      'ip link show master nosuch',
      { stdout: '', stderr: 'Error: argument "nosuch" is wrong: Device does not exist\n\n', exitCode: 255 },
    ],
    ['ip route show dev nosuch', { stdout: '', stderr: 'Cannot find device "nosuch"\n', exitCode: 1 }],
  ])('%s fails as iproute2 does', (line, expected) => {
    const result = Host.create().run(line);
    expect({ stdout: result.stdout, stderr: result.stderr, exitCode: result.exitCode }).toEqual(expected);
  });
});
