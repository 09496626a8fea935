import { describe, expect, it } from 'vitest';
import { bridgeProgram } from '../../../src/netsim/cli/bridge';
import type { CommandResult, ProcessContext } from '../../../src/netsim/cli/command';
import { ipProgramWith } from '../../../src/netsim/cli/ip';
import { splitWords } from '../../../src/netsim/cli/words';
import { DEFAULT_EPOCH_MS, VirtualClock } from '../../../src/netsim/clock';
import { Kernel } from '../../../src/netsim/kernel/kernel';
import type { Namespace } from '../../../src/netsim/kernel/namespace';
import { SeededRandom } from '../../../src/netsim/random';
import { readGolden, stepsOf } from '../golden';

/**
 * Steps of session.ip-link.txt the simulator leaves out, each for a reason:
 * commands that are not ip (ln, rm), steps whose PID the capture script held
 * in a variable, and `bridge fdb show` (the forwarding database is not modelled).
 */
const SKIPPED = [/^ln /, /^rm /, /\$SLEEPER|\$OTHER/, /^ip netns attach green/, /^bridge fdb/, /^bridge vlan/];

/**
 * What differs on purpose: MACs are random on both sides; the capture's
 * iproute2 6.1 predates the `proto kernel_ll` of 6.15; its link-local
 * addresses were still `tentative` (DAD), which the simulator skips, so
 * they had no `local` route yet.
 */
function normalise(text: string): string {
  return text
    .replace(/([0-9a-f]{2}:){5}[0-9a-f]{2}/g, (mac) =>
      mac === '00:00:00:00:00:00' || mac === 'ff:ff:ff:ff:ff:ff' ? mac : 'MAC',
    )
    .replace(/fe80::[0-9a-f:]+/g, 'LINKLOCAL')
    .replace(/ proto kernel_l[lo] $/gm, ' ')
    .replace(/ tentative $/gm, ' ')
    .replace(/^local LINKLOCAL dev .*\n/gm, '');
}

describe('ip link, addr, route and netns replay a real session', () => {
  const all = stepsOf(readGolden('linux/session.ip-link.txt').stdout);
  // From `ip netns attach` to the removed link, the names point at processes of the capture machine: host.test covers attach.
  const attached = [
    all.findIndex((step) => step.command.startsWith('ip netns attach green $')),
    all.findIndex((step) => step.command.startsWith('rm /run/netns/c1')),
  ];
  const steps = all.filter(
    (step, index) =>
      !SKIPPED.some((pattern) => pattern.test(step.command)) && !(index >= attached[0]! && index <= attached[1]!),
  );
  const random = SeededRandom.fromSeed(1);
  const kernel = Kernel.boot(random);
  const here = kernel.createNamespace(undefined);
  const clock = new VirtualClock(DEFAULT_EPOCH_MS);
  const programs = { bridge: bridgeProgram } as Record<
    string,
    { run(args: readonly string[], context: ProcessContext): CommandResult }
  >;
  const ip = ipProgramWith({
    namespaceOfPid: () => undefined,
    namespaceOfFile: () => undefined,
    hasProcesses: () => false,
    execute: ([name, ...args], context, namespace: Namespace) =>
      (name === 'ip' ? ip : programs[name!])?.run(args, { ...context, namespace }),
  });
  programs.ip = ip;

  it('has a session to replay', () => {
    expect(steps.length).toBeGreaterThan(100);
  });

  it.each(steps.map((step, index) => [index + 1, step.command, step] as const))('step %i: %s', (_, command, step) => {
    const asNobody = command.endsWith(' (as nobody)');
    const [name, ...args] = splitWords(command.replace(/ \(as nobody\)$/, '')) as string[];
    const result = programs[name!]!.run(args, { kernel, namespace: here, isRoot: !asNobody, stdin: '', clock, random });
    // IPv6 routes of several links come in the order the links got carrier, which the simulator does not keep: compare them as sets.
    const order = (text: string) => (command.endsWith('table all') ? text.split('\n').sort().join('\n') : text);
    expect({ output: order(normalise(result.stdout + result.stderr)), exitCode: result.exitCode }).toEqual({
      output: order(normalise(step.output)),
      exitCode: step.exitCode,
    });
  });
});
