import { describe, expect, it } from 'vitest';
import { Host } from '../../../src/netsim/index';

const run = (line: string) => {
  const host = Host.create({ seed: 1 });
  host.run('docker run -dit --name c1 alpine');
  return host.run(line);
};

// Go's text/template turns a panic in a called function into the call's error
// (text/template funcs.go safeCall); strings.Repeat panics on a negative count.
describe('templates that used to throw', () => {
  it('reports a negative pad as Go does, as a template error', () => {
    expect(run("docker ps --format '{{pad .ID -5 -5}}'")).toMatchObject({
      exitCode: 1,
      output:
        'template parsing error: template: :1:2: executing "" at <pad>: error calling pad: strings: negative Repeat count\n',
    });
  });

  it('refuses to build a gigabyte of padding, saying so', () => {
    expect(run("docker ps -a --format '{{pad .ID 1000000000 0}}'").output).toContain(
      'error calling pad: netsim prints at most 1048576 bytes from a template, and this would print 1000000000\n',
    );
  });

  it('prints more than 100 decimals, as strconv does', () => {
    const [line] = run('docker network ls --format \'{{printf "%.101f" 1.0}}\'').stdout.split('\n');
    expect(line).toBe(`1.${'0'.repeat(101)}`);
  });

  it('prints a wrong operand as fmt does: %!verb(type=value)', () => {
    expect(run('docker network ls --format \'{{printf "%f" .Name}}\'').stdout).toBe(
      '%!f(string=bridge)\n%!f(string=host)\n%!f(string=none)\n',
    );
    expect(run('docker network ls --format \'{{printf "%d %t" .Name .Name}}\'').stdout.split('\n')[0]).toBe(
      '%!d(string=bridge) %!t(string=bridge)',
    );
  });
});
