import { describe, expect, it } from 'vitest';
import { Host } from '../../../src/netsim/index';

describe("the shell's functions, arrays and options", () => {
  it('a snapshot keeps them, so that a restored host types into the same shell', () => {
    const host = Host.create({ seed: 1 });
    host.run('greet() { echo "hi $1"; }; nums=(1 2 3); declare -i n=2; set -o pipefail; set -- p q; alias ll="ls -l"');
    const copy = Host.fromSnapshot(host.snapshot());
    const line = 'greet you; echo ${nums[@]} $# "$@"; n+=3; echo $n; false | true; echo $?; type ll';
    expect(copy.run(line)).toEqual(host.run(line));
    expect(copy.run('greet me').stdout).toBe('hi me\n');
  });

  it("seeds $RANDOM from the host's seed: the same seed gives the same numbers, another seed others", () => {
    const numbers = (seed: number) => Host.create({ seed }).run('echo $RANDOM $RANDOM').stdout;
    expect(numbers(5)).toBe(numbers(5));
    expect(numbers(5)).not.toBe(numbers(6));
    expect(numbers(5)).toMatch(/^\d+ \d+\n$/);
  });

  it('ends a loop that never ends with a function in it, as Ctrl-C would', () => {
    const result = Host.create({ seed: 1 }).run('f() { :; }; while true; do f; done');
    expect(result.exitCode).toBe(130);
  });
});
