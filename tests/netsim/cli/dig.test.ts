import { describe, expect, it } from 'vitest';
import { DIG_VERSION } from '../../../src/netsim/format/dig';
import { readGolden } from '../golden';
import { hostWithSeed } from '../host-fixtures';

const hostAfter = hostWithSeed(7);

/**
 * The captures asked a stand-in for 127.0.0.11 (golden/tools/dns-responder.py) that
 * knows my-apache-app as 172.28.0.2; here the engine's embedded DNS answers for a
 * container of that name on a 172.28.0.0/16 network. The query ID and the date
 * change between runs, and the capture's Debian 12 dig names BIND 9.18: those are
 * undone here, in one place.
 */
const comparable = (text: string) =>
  text
    .replace(/id: \d+/, 'id: ID')
    .replace(/WHEN: .*/, 'WHEN: DATE')
    .replace('DiG 9.18.49-1~deb12u3-Debian', `DiG ${DIG_VERSION}`);

const layout = () =>
  hostAfter(
    'docker network create --subnet 172.28.0.0/16 red',
    'docker run -d --network red --name my-apache-app httpd',
    'docker run -d --network red --name tools nicolaka/netshoot sleep 1d',
    'docker run -d --network red --name box alpine sleep 1d',
    'docker run -d --name lonely nicolaka/netshoot sleep 1d',
  );

describe('dig and nslookup through the embedded DNS server', () => {
  // dig-nxdomain.txt is checked by the printer's test (format/dig.test.ts): Docker forwards an unknown
  // name to the host's resolver, whose NXDOMAIN carries its OPT record, which the stand-in's did not.
  it.each(['dig-my-apache-app.txt', 'dig-short.txt', 'nslookup-my-apache-app.txt', 'nslookup-nxdomain.txt'])(
    '%s',
    (file) => {
      const golden = readGolden(`tools/${file}`);
      const result = layout().run(`docker exec tools ${golden.command}`);
      expect({ stdout: comparable(result.stdout), exitCode: result.exitCode }).toEqual({
        stdout: comparable(golden.stdout),
        exitCode: golden.exitCode,
      });
    },
  );

  it.each(['busybox-nslookup.txt', 'busybox-nslookup-nxdomain.txt'])('%s in Alpine', (file) => {
    const golden = readGolden(`tools/${file}`);
    const result = layout().run(`docker exec box ${golden.command!.replace(/^busybox /, '')}`);
    expect({ stdout: result.stdout, exitCode: result.exitCode }).toEqual({
      stdout: golden.stdout,
      exitCode: golden.exitCode,
    });
  });

  it('dates the answer by the virtual clock and draws its ID from the seed', () => {
    const first = layout().run('docker exec tools dig my-apache-app').stdout;
    expect(layout().run('docker exec tools dig my-apache-app').stdout).toBe(first);
    expect(first).toMatch(/;; WHEN: \w{3} \w{3} \d{2} \d{2}:\d{2}:\d{2} UTC \d{4}\n/);
  });

  it('asks the host resolver on the default bridge, which knows no container names', () => {
    const result = layout().run('docker exec lonely dig +short my-apache-app');
    expect(result).toMatchObject({ stdout: '', exitCode: 0 });
    expect(layout().run('docker exec lonely dig my-apache-app').stdout).toContain(
      ';; SERVER: 192.168.1.1#53(192.168.1.1) (UDP)\n',
    );
  });
});
