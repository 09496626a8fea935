import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Host } from '../../../src/netsim/index';
import { stepsOf } from '../golden';
import { captured as trixie } from './trixie-clients';

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

  it("connects to a container's port as tn() says it, then, its input at an end, closes as the capture shows", () => {
    const host = Host.create();
    host.run('docker run -d --name web nginx');
    const connected = captured('telnet 127.0.0.1 8080').output.replaceAll('127.0.0.1', '172.17.0.2');
    expect(host.run('telnet 172.17.0.2 80')).toMatchObject({ stdout: connected, stderr: '', exitCode: 0 });
  });

  it("tries ::1 then 127.0.0.1 for localhost, as Debian 13's telnet 2.6 does (session.trixie-clients.txt)", () => {
    const host = Host.create();
    const refused = trixie('telnet localhost 8443');
    expect(host.run('telnet localhost 8443 > /tmp/out 2>&1; cat /tmp/out').stdout).toBe(refused.output);
    expect(host.run('telnet localhost 8443')).toMatchObject({
      output:
        'Trying ::1...\nConnection failed: Connection refused\nTrying 127.0.0.1...\ntelnet: Unable to connect to remote host: Connection refused\n',
      exitCode: 1,
    });
    host.run('docker run -d --name web -p 8080:80 nginx');
    for (const command of ['telnet localhost 8080', "printf 'GET / HTTP/1.0\\r\\n\\r\\n' | telnet localhost 8080"]) {
      const step = trixie(command);
      expect(host.run(`${command} > /tmp/out 2>&1; cat /tmp/out`).stdout, command).toBe(step.output);
      expect(host.run(command).exitCode, command).toBe(step.exitCode);
    }
  });
});
