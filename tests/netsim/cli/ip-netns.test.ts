import { describe, expect, it } from 'vitest';
import { ipProgram } from '../../../src/netsim/cli/ip';
import { splitWords } from '../../../src/netsim/cli/words';
import { DEFAULT_EPOCH_MS, VirtualClock } from '../../../src/netsim/clock';
import { Host } from '../../../src/netsim/index';
import { Kernel } from '../../../src/netsim/kernel/kernel';
import { SeededRandom } from '../../../src/netsim/random';
import { readGolden, stepsOf } from '../golden';

describe('ip netns replays a real session', () => {
  const steps = stepsOf(readGolden('linux/session.ip-netns.txt').stdout);
  const random = SeededRandom.fromSeed(1);
  const kernel = Kernel.boot(random);
  const here = kernel.createNamespace(undefined);
  const clock = new VirtualClock(DEFAULT_EPOCH_MS);

  it('has a session to replay', () => {
    expect(steps.length).toBeGreaterThan(15);
  });

  it.each(steps.map((step, index) => [index + 1, step.command, step] as const))('step %i: %s', (_, command, step) => {
    const asNobody = command.endsWith(' (as nobody)');
    const words = splitWords(command.replace(/ \(as nobody\)$/, '')) as string[];
    if (command === 'ip link add v0 type veth peer name v1 netns red') {
      // `ip link add` is not simulated: make the pair with the kernel operation it would use.
      const red = [...kernel.state.namespaces.values()].find((namespace) => namespace.name === 'red')!;
      const [v0, v1] = kernel.addVethPair(here, 'v0', 'v1', red);
      // `ip link add` leaves a veth's default queue length, 1000; Docker's veths have 0.
      v0.txqlen = v1.txqlen = 1000;
      return;
    }
    const result = ipProgram.run(words.slice(1), {
      kernel,
      namespace: here,
      isRoot: !asNobody,
      stdin: '',
      clock,
      random,
    });
    // The veth's MAC is random on both sides.
    const output = (result.stdout + result.stderr).replace(/([0-9a-f]{2}:){5}[0-9a-f]{2}/g, 'MAC');
    const expected = step.output.replace(/([0-9a-f]{2}:){5}[0-9a-f]{2}/g, 'MAC');
    expect({ output, exitCode: result.exitCode }).toEqual({ output: expected, exitCode: step.exitCode });
  });
});

describe('ip netns on a Docker host', () => {
  it('lists nothing: Docker keeps its sandboxes out of /run/netns', () => {
    const host = Host.create();
    host.run('docker run -dit --name c1 alpine');
    expect(host.run('ip netns')).toMatchObject({ stdout: '', stderr: '', exitCode: 0 });
    expect(host.run('ip netns list').stdout).toBe('');
  });

  it('prints link-netns NAME for a veth whose peer is in a named namespace', () => {
    const random = SeededRandom.fromSeed(1);
    const kernel = Kernel.boot(random);
    const red = kernel.createNamespace('red');
    kernel.addVethPair(kernel.root, 'v0', 'v1', red);
    const result = ipProgram.run(['link', 'show', 'v0'], {
      kernel,
      namespace: kernel.root,
      isRoot: true,
      stdin: '',
      clock: new VirtualClock(DEFAULT_EPOCH_MS),
      random,
    });
    // As session.ip-netns.txt shows it: the second line ends `link-netns red`, not `link-netnsid 0`.
    expect(result.stdout.split('\n')[1]).toMatch(
      /^ {4}link\/ether ([0-9a-f]{2}:){5}[0-9a-f]{2} brd ff:ff:ff:ff:ff:ff link-netns red$/,
    );
  });
});

describe('ip netns replays a session that moves links between namespaces', () => {
  const steps = stepsOf(readGolden('linux/session.netns-move.txt').stdout);

  it('gives a namespace a netnsid in the one a link leaves, as the kernel does', () => {
    expect(steps.length).toBeGreaterThan(10);
    const host = Host.create();
    for (const step of steps) {
      const result = host.run(`sudo ${step.command}`);
      expect({ command: step.command, output: result.stdout + result.stderr, exitCode: result.exitCode }).toEqual({
        command: step.command,
        output: step.output,
        exitCode: step.exitCode,
      });
    }
  });
});
