import { describe, expect, it } from 'vitest';
import { iptablesProgram } from '../../../src/netsim/cli/iptables';
import { splitWords } from '../../../src/netsim/cli/words';
import { DEFAULT_EPOCH_MS, VirtualClock } from '../../../src/netsim/clock';
import { Kernel } from '../../../src/netsim/kernel/kernel';
import { SeededRandom } from '../../../src/netsim/random';
import { readGolden, stepsOf } from '../golden';


describe('iptables user chains replay a real session', () => {
  // The session ran as root in a fresh namespace, with iptables 1.8.9: only the
  // version in its messages differs from Debian 13's 1.8.11.
  const golden = readGolden('linux/session.iptables-user-chains.txt');
  const steps = stepsOf(golden.stdout);
  const random = SeededRandom.fromSeed(1);
  const kernel = Kernel.boot(random);
  const context = { kernel, namespace: kernel.createNamespace(undefined), isRoot: true, stdin: '', clock: new VirtualClock(DEFAULT_EPOCH_MS), random };

  it('has a session to replay', () => {
    expect(steps.length).toBeGreaterThan(20);
  });

  it.each(steps.map((step, index) => [index + 1, step.command, step] as const))('step %i: %s', (_, command, step) => {
    const words = splitWords(command) as string[];
    const result = iptablesProgram.run(words.slice(1), context);
    expect({ output: (result.stdout + result.stderr).replaceAll('v1.8.11', 'v1.8.9'), exitCode: result.exitCode }).toEqual({ output: step.output, exitCode: step.exitCode });
  });
});
