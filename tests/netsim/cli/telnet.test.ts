import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Host } from '../../../src/netsim/index';
import { stepsOf } from '../golden';

/** GNU inetutils' telnet against golden/linux/session.telnet.txt (inetutils-telnet 2.4; Debian 13 ships 2.6 with the same texts in telnet/commands.c). */
const transcript = readFileSync(resolve(import.meta.dirname, '../golden/linux/session.telnet.txt'), 'utf8');
const captured = (command: string) => stepsOf(transcript).find((step) => step.command === command)!;

describe('telnet', () => {
  it('says a refused connection after its Trying line, which a file or pipe gets last (stdout flushed at exit)', () => {
    const step = captured('telnet 127.0.0.1 80');
    expect(Host.create().run('telnet 127.0.0.1 80 > /tmp/out 2>&1; cat /tmp/out')).toMatchObject({
      stdout: step.output,
    });
    expect(step.exitCode).toBe(1);
    // At the terminal, line-buffered stdout comes first.
    expect(Host.create().run('telnet 127.0.0.1 80')).toMatchObject({
      output: 'Trying 127.0.0.1...\ntelnet: Unable to connect to remote host: Connection refused\n',
      exitCode: 1,
    });
  });

  it('tells a port that is no service and a host that does not resolve as getaddrinfo does', () => {
    const step = captured('telnet 127.0.0.1 abc');
    expect(Host.create().run('telnet 127.0.0.1 abc')).toMatchObject({ output: step.output, exitCode: step.exitCode });
    // The capture had no DNS at all (EAI_AGAIN); with the LAN's resolver a name that does not exist is EAI_NONAME.
    expect(Host.create().run('telnet nosuch.invalid 80')).toMatchObject({
      output: 'Server lookup failure:  nosuch.invalid:80, Name or service not known\n',
      exitCode: 1,
    });
  });

  it('shows its prompt without a host, and ends at end of input', () => {
    const step = captured('telnet');
    expect(Host.create().run('telnet')).toMatchObject({ output: step.output, exitCode: step.exitCode });
  });

  it("connects to a container's port as tn() says it, then refuses the session it does not simulate", () => {
    const host = Host.create();
    host.run('docker run -d --name web nginx');
    const connected = captured('telnet 127.0.0.1 8080')
      .output.split('\n')
      .slice(0, 3)
      .join('\n')
      .replaceAll('127.0.0.1', '172.17.0.2');
    expect(host.run('telnet 172.17.0.2 80').stdout).toBe(`${connected}\n`);
  });
});
