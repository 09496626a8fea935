import { describe, expect, it } from 'vitest';
import { Host } from '../../../src/netsim/index';

/**
 * Loops at a terminal that end only with Ctrl-C. What they print comes from the
 * commands inside (checked elsewhere against captures); what is netsim's here is
 * when Ctrl-C comes: `run`'s interruptAfterSeconds on the virtual clock, as for
 * `ping`. The terminal echoes `^C` and bash's status is 128 + SIGINT.
 */
describe('a loop that never ends by itself', () => {
  it('runs until Ctrl-C on the virtual clock, then drops the rest of the line', () => {
    const result = Host.create({ seed: 3 }).run('while true; do echo tick; sleep 1; done; echo after', {
      interruptAfterSeconds: 4,
    });
    expect(result.output).toBe('tick\ntick\ntick\ntick\n^C');
    expect(result.exitCode).toBe(130);
  });

  // netsim runs a pipeline's stages one after the other, so the loop cannot learn that head has gone
  // (SIGPIPE): it is stopped as by Ctrl-C, and head reads what it wrote, as in a pipeline Ctrl-C ends.
  it('stops even when nothing in it takes time, and a pipeline after it reads what it wrote', () => {
    const result = Host.create({ seed: 3 }).run('while :; do echo y; done | head -n 2; echo $?');
    expect(result.stdout).toBe('y\ny\n130\n');
    expect(result.output).toBe('y\ny\n^C130\n');
  });

  it('keeps what it set in the shell when it ends normally', () => {
    const host = Host.create({ seed: 3 });
    host.run('for i in a b c; do last=$i; done');
    expect(host.run('echo $i $last').stdout).toBe('c c\n');
  });

  it('loops over Docker objects as a learner does', () => {
    const host = Host.create({ seed: 3 });
    host.run('for n in web1 web2; do docker run -d --name $n nginx > /dev/null; done');
    const listed = host.run(
      "for c in $(docker ps -q); do docker inspect -f '{{.Name}} {{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' $c; done",
    );
    expect(listed.stdout).toBe('/web2 172.17.0.3\n/web1 172.17.0.2\n');
  });
});

describe('compound commands the simulated shell does not run', () => {
  it.each(['select x in a b; do echo $x; done', 'coproc cat'])('%s says so, status 2', (line) => {
    const result = Host.create({ seed: 3 }).run(line);
    expect(result.stderr).toMatch(/^bash: (select|coproc): compound commands are not simulated\n$/);
    expect(result.exitCode).toBe(2);
  });
});
