import { describe, expect, it } from 'vitest';
import { Host } from '../../../src/netsim/index';
import { DEEPEST_SUBSTITUTION } from '../../../src/netsim/shell/interpreter';

const nested = (depth: number) => `echo ${'$(echo '.repeat(depth)}hi${')'.repeat(depth)}`;

describe('input that used to overflow the stack or take quadratic time', () => {
  it('runs command substitutions nested as deep as netsim simulates', () => {
    expect(Host.create({ seed: 1 }).run(nested(DEEPEST_SUBSTITUTION - 1)).stdout).toBe('hi\n');
  });

  it('says so past that depth instead of overflowing the stack', () => {
    const result = Host.create({ seed: 1 }).run(nested(500));
    expect(result.stderr).toBe(
      `netsim: command substitutions nested more than ${DEEPEST_SUBSTITUTION} deep are not simulated\n`,
    );
  });

  it('reads a flag given 20,000 times', () => {
    const result = Host.create({ seed: 1 }).run(`docker ps ${'-a '.repeat(20000)}`);
    expect(result).toMatchObject({
      exitCode: 0,
      stdout: 'CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES\n',
    });
  });
});
