import { describe, expect, it } from 'vitest';
import { ipProgram } from '../../../src/netsim/cli/ip';
import { splitWords } from '../../../src/netsim/cli/words';
import { DEFAULT_EPOCH_MS, VirtualClock } from '../../../src/netsim/clock';
import { Host } from '../../../src/netsim/index';
import { Kernel } from '../../../src/netsim/kernel/kernel';
import type { Namespace } from '../../../src/netsim/kernel/namespace';
import type { NeighbourState } from '../../../src/netsim/kernel/neighbour';
import { SeededRandom } from '../../../src/netsim/random';
import { parseCidr } from '../../../src/netsim/wire/cidr';
import { parseIpv4 } from '../../../src/netsim/wire/ipv4';
import { parseMac, type Mac } from '../../../src/netsim/wire/mac';
import { readGolden } from '../golden';

/** `# what happened` lines, then `$ command`, its output and `[exit N]`: a captured session. */
function stepsOf(transcript: string) {
  const steps: { events: string[]; command: string; output: string; exitCode: number }[] = [];
  let events: string[] = [];
  const lines = transcript.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.startsWith('# ')) events.push(lines[i]!.slice(2));
    if (!lines[i]!.startsWith('$ ')) continue;
    const exitLine = lines.findIndex((line, at) => at > i && /^\[exit \d+\]$/.test(line));
    const output = lines
      .slice(i + 1, exitLine)
      .map((line) => `${line}\n`)
      .join('');
    steps.push({ events, command: lines[i]!.slice(2), output, exitCode: Number(/\d+/.exec(lines[exitLine]!)![0]) });
    events = [];
    i = exitLine;
  }
  return steps;
}

/**
 * The kernel lists neighbours in hash-bucket order, which nothing here can
 * reproduce: listings are compared line by line, in sorted order. iproute2 6.4+
 * adds `proto kernel_lo|kernel_ll` to IPv6 addresses, which the 6.1 capture lacks.
 */
const comparable = (text: string) =>
  text
    .replace(/ proto kernel_l[lo] $/gm, ' ')
    .split('\n')
    .sort()
    .join('\n');

/**
 * The capture's layout (layouts/session.ip-neigh.sh), built with kernel
 * operations: `ip link add veth0 ... peer name eth0` makes eth0 first (ifindex 2,
 * veth0 is 3), then eth0 moves to the peer namespace, keeping its index.
 */
function captureLayout() {
  const random = SeededRandom.fromSeed(1);
  const kernel = Kernel.boot(random);
  const here = kernel.createNamespace(undefined);
  const peer = kernel.createNamespace(undefined);
  kernel.addVethPair(here, 'veth0', 'eth0');
  kernel.moveLink(here, 'eth0', peer);
  const plug = (namespace: Namespace, name: string, mac: string, cidr: string) => {
    kernel.setMac(namespace, name, parseMac(mac)!);
    // `ip link add` leaves a veth's default queue length, 1000; Docker sets 0.
    kernel.link(namespace, name).txqlen = 1000;
    kernel.addAddress(namespace, name, parseCidr(cidr)!);
    kernel.setUp(namespace, 'lo', true);
    kernel.setUp(namespace, name, true);
  };
  plug(here, 'veth0', '02:42:0a:00:00:01', '10.0.0.1/24');
  plug(peer, 'eth0', '02:42:0a:00:00:02', '10.0.0.2/24');
  const clock = new VirtualClock(DEFAULT_EPOCH_MS);
  const learn = (
    namespace: Namespace,
    device: string,
    address: string,
    mac: string | undefined,
    state: NeighbourState,
  ) =>
    kernel.setNeighbour(
      namespace,
      {
        address: parseIpv4(address)!,
        device: kernel.link(namespace, device).index,
        mac: mac as Mac | undefined,
        state,
        confirmedMs: clock.now(),
      },
      'replace',
    );
  return { kernel, here, peer, clock, learn };
}

describe('ip neigh replays a real session on a veth pair', () => {
  const golden = readGolden('linux/session.ip-neigh.txt');
  const steps = stepsOf(golden.stdout);
  const { kernel, here, peer, clock, learn } = captureLayout();
  // What the traffic between the commands left in the ARP caches, as the capture's own listings show it.
  const events: Record<string, () => void> = {
    'ping -c 1 10.0.0.2 (answered)': () => {
      learn(here, 'veth0', '10.0.0.2', '02:42:0a:00:00:02', 'REACHABLE');
      learn(peer, 'eth0', '10.0.0.1', '02:42:0a:00:00:01', 'DELAY');
    },
    'ping -c 1 -W 1 10.0.0.99 (nobody answers; ip neigh runs while ARP is still asking)': () =>
      learn(here, 'veth0', '10.0.0.99', undefined, 'INCOMPLETE'),
    'sleep 3 (the kernel gives up after 3 ARP probes, one a second)': () =>
      learn(here, 'veth0', '10.0.0.99', undefined, 'FAILED'),
  };

  it('has a session to replay', () => {
    expect(steps.length).toBeGreaterThan(40);
  });

  it.each(steps.map((step, index) => [index + 1, step.command, step] as const))('step %i: %s', (_, command, step) => {
    for (const event of step.events) events[event]?.();
    const inPeer = command.startsWith('inpeer ');
    const asNobody = command.endsWith(' (as nobody)');
    const words = splitWords(command.replace(/^inpeer /, '').replace(/ \(as nobody\)$/, '')) as string[];
    expect(words[0]).toBe('ip');
    const result = ipProgram.run(words.slice(1), {
      kernel,
      namespace: inPeer ? peer : here,
      isRoot: !asNobody,
      stdin: '',
      clock,
      random: SeededRandom.fromSeed(2),
    });
    expect({ output: comparable(result.stdout + result.stderr), exitCode: result.exitCode }).toEqual({
      output: comparable(step.output),
      exitCode: step.exitCode,
    });
  });
});

describe('ip neigh on a simulated Docker host', () => {
  it('lists a container the host has pinged, resolved, as `ip neigh` prints it', () => {
    const host = Host.create({ seed: 3 });
    host.run('docker run -dit --name c1 alpine');
    host.run('ping -c 1 172.17.0.2');
    const line = /^172\.17\.0\.2 dev docker0 lladdr (?<mac>([0-9a-f]{2}:){5}[0-9a-f]{2}) REACHABLE $/m.exec(
      host.run('ip neigh').stdout,
    );
    expect(line).not.toBeNull();
    expect(host.run('ip neigh show dev docker0').stdout).toBe(`172.17.0.2 lladdr ${line!.groups!.mac} REACHABLE \n`);
  });

  it('turns a REACHABLE entry STALE once reachable_time has passed', () => {
    const { kernel, here, clock, learn } = captureLayout();
    learn(here, 'veth0', '10.0.0.2', '02:42:0a:00:00:02', 'REACHABLE');
    const show = () =>
      ipProgram.run(['neigh'], {
        kernel,
        namespace: here,
        isRoot: true,
        stdin: '',
        clock,
        random: SeededRandom.fromSeed(2),
      }).stdout;
    expect(show()).toBe('10.0.0.2 dev veth0 lladdr 02:42:0a:00:00:02 REACHABLE \n');
    clock.advance(31_000);
    expect(show()).toBe('10.0.0.2 dev veth0 lladdr 02:42:0a:00:00:02 STALE \n');
  });

  it('forgets the neighbours of a link that goes down', () => {
    const { kernel, here, learn } = captureLayout();
    learn(here, 'veth0', '10.0.0.2', '02:42:0a:00:00:02', 'REACHABLE');
    kernel.setUp(here, 'veth0', false);
    expect(here.neighbours).toEqual([]);
  });

  it('prints nothing on a fresh host, where no traffic has resolved anything', () => {
    expect(Host.create().run('ip neigh')).toMatchObject({ stdout: '', stderr: '', exitCode: 0 });
  });
});

describe('ip neigh errors are the kernel\'s errno in strerror words (rtnl_talk: "RTNETLINK answers: %s")', () => {
  // neigh_delete and neigh_add (net/core/neighbour.c): ENOENT for a missing entry, EEXIST for NLM_F_EXCL on one that exists.
  const host = () => Host.create({ seed: 5 });

  it('deleting an entry that is not there: No such file or directory', () => {
    expect(host().run('sudo ip neigh del 172.17.0.99 dev docker0')).toMatchObject({
      stderr: 'RTNETLINK answers: No such file or directory\n',
      exitCode: 2,
    });
  });

  it('changing an entry that is not there: No such file or directory', () => {
    expect(host().run('sudo ip neigh change 172.17.0.99 lladdr 02:42:ac:11:00:63 dev docker0')).toMatchObject({
      stderr: 'RTNETLINK answers: No such file or directory\n',
      exitCode: 2,
    });
  });

  it('adding an entry twice: File exists', () => {
    const machine = host();
    expect(machine.run('sudo ip neigh add 172.17.0.99 lladdr 02:42:ac:11:00:63 dev docker0').exitCode).toBe(0);
    expect(machine.run('sudo ip neigh add 172.17.0.99 lladdr 02:42:ac:11:00:63 dev docker0')).toMatchObject({
      stderr: 'RTNETLINK answers: File exists\n',
      exitCode: 2,
    });
  });
});
