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
  const context = {
    kernel,
    namespace: kernel.createNamespace(undefined),
    isRoot: true,
    stdin: '',
    clock: new VirtualClock(DEFAULT_EPOCH_MS),
    random,
  };

  it('has a session to replay', () => {
    expect(steps.length).toBeGreaterThan(20);
  });

  it.each(steps.map((step, index) => [index + 1, step.command, step] as const))('step %i: %s', (_, command, step) => {
    const words = splitWords(command) as string[];
    const result = iptablesProgram.run(words.slice(1), context);
    expect({
      output: (result.stdout + result.stderr).replaceAll('v1.8.11', 'v1.8.9'),
      exitCode: result.exitCode,
    }).toEqual({ output: step.output, exitCode: step.exitCode });
  });
});

describe('iptables words each kernel refusal through nft_strerror (iptables/nft.c, 1.8.11)', () => {
  const run = (lines: string[]) => {
    const random = SeededRandom.fromSeed(1);
    const kernel = Kernel.boot(random);
    const context = {
      kernel,
      namespace: kernel.createNamespace(undefined),
      isRoot: true,
      stdin: '',
      clock: new VirtualClock(DEFAULT_EPOCH_MS),
      random,
    };
    return lines.map((line) => iptablesProgram.run((splitWords(line) as string[]).slice(1), context));
  };
  const last = (lines: string[]) => run(lines).at(-1)!;

  it('reads the policy word before the chain (nft_chain_set: EINVAL, then ENOENT)', () => {
    expect(last(['iptables -N DOCKER-USER', 'iptables -P DOCKER-USER FOO'])).toMatchObject({
      stderr: "iptables: Bad policy name. Run `dmesg' for more information.\n",
      exitCode: 1,
    });
  });

  it('refuses to delete a built-in chain with rules: EBUSY, "Directory not empty" for nft_chain_del', () => {
    // __nft_chain_del: a built-in chain named with -X that nft_may_delete_chain refuses sets EBUSY.
    expect(last(['iptables -A INPUT -j ACCEPT', 'iptables -X INPUT'])).toMatchObject({
      stderr: 'iptables: Directory not empty.\n',
      exitCode: 1,
    });
    expect(last(['iptables -P INPUT DROP', 'iptables -X INPUT'])).toMatchObject({
      stderr: 'iptables: Directory not empty.\n',
      exitCode: 1,
    });
  });

  it('lets an empty built-in chain with an ACCEPT policy be deleted', () => {
    const [deleted, listed] = run(['iptables -X INPUT', 'iptables -S INPUT']);
    expect(deleted).toMatchObject({ stderr: '', exitCode: 0 });
    expect(listed!.stdout).toBe('-P INPUT ACCEPT\n');
  });

  it.each(['iptables -I INPUT 0 -j ACCEPT', 'iptables -D INPUT 0', 'iptables -D INPUT x1'])(
    'takes rule numbers from 1 (parse_rulenumber): %s',
    (line) => {
      const number = line.split(' ')[3]!;
      expect(last([line])).toMatchObject({
        stderr: `iptables v1.8.11 (nf_tables): Invalid rule number \`${number}'\nTry \`iptables -h' or 'iptables --help' for more information.\n`,
        exitCode: 2,
      });
    },
  );

  it('reads rule numbers as strtoul base 0 does', () => {
    const [, , , listed] = run([
      'iptables -A INPUT -s 10.0.0.1 -j ACCEPT',
      'iptables -A INPUT -s 10.0.0.2 -j ACCEPT',
      'iptables -D INPUT 0x2',
      'iptables -S INPUT',
    ]);
    expect(listed!.stdout).toBe('-P INPUT ACCEPT\n-A INPUT -s 10.0.0.1/32 -j ACCEPT\n');
  });
});
