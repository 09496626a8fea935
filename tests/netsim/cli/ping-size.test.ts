import { describe, expect, it } from 'vitest';
import { Host } from '../../../src/netsim/index';
import { readGolden } from '../golden';

/** Times come from the seeded random source: the captures' are masked, the rest must be byte for byte. */
const masked = (text: string) =>
  text
    .replace(/time=[\d.]+ ms/g, 'time=T ms')
    .replace(/= [\d./]+ ms/g, '= T ms')
    .replace(/time \d+ms/g, 'time Tms');

/** golden/tools/capture-ping-size.sh pings 172.17.0.2 over a 1500-byte veth: the host pinging a container on docker0. */
function hostWithContainer(): Host {
  const host = Host.create({ seed: 1 });
  host.run('docker run -d --name web nginx');
  return host;
}

describe('iputils ping -s and -M, against the captures', () => {
  it.each([
    'ping-s-1472-M-do',
    'ping-s-2000-M-do',
    'ping-s-2000',
    'ping-s-8',
    'ping-M-bad',
    'ping-s-bad',
    'ping-s-negative',
  ])('%s', (name) => {
    const golden = readGolden(`tools/${name}.txt`);
    const result = hostWithContainer().run(golden.command!);
    // A golden's `# --- stderr` line takes the newline that ends its stdout.
    const stdout = golden.stderr !== undefined && golden.stdout !== '' ? `${golden.stdout}\n` : golden.stdout;
    expect(masked(result.stdout)).toBe(masked(stdout));
    expect(result.stderr).toBe(golden.stderr ?? '');
    expect(result.exitCode).toBe(golden.exitCode);
  });

  it('prints the refused sends between the header and the statistics, as the terminal shows them', () => {
    const output = hostWithContainer().run('ping -s 2000 -M do -c 1 172.17.0.2').output;
    expect(output).toMatch(
      /^PING 172\.17\.0\.2 \(172\.17\.0\.2\) 2000\(2028\) bytes of data\.\nping: local error: message too long, mtu=1500\n\n--- /,
    );
  });

  it('keeps 56 bytes without -s, and BusyBox has no -M', () => {
    const host = hostWithContainer();
    expect(host.run('ping -c 1 172.17.0.2').stdout).toMatch(
      /^PING 172\.17\.0\.2 \(172\.17\.0\.2\) 56\(84\) bytes of data\.\n64 bytes from/,
    );
    host.run('docker run -dit --name a alpine');
    expect(host.run('docker exec a ping -M do -c 1 172.17.0.2').stderr).toMatch(/^ping: invalid option -- 'M'\n/);
  });
});
