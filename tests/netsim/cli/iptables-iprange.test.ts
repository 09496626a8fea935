import { describe, expect, it } from 'vitest';
import { Host } from '../../../src/netsim/index';
import { parseRule, formatRule, isProblem } from '../../../src/netsim/userland/iptables-rule';
import { readGolden } from '../golden';

/** The DOCKER-USER chain of golden/tools/capture-iprange.sh (Docker creates the chain here). */
function withRangeRules(): Host {
  const host = Host.create({ seed: 1 });
  for (const line of [
    '-I DOCKER-USER -m iprange -i eth0 ! --src-range 192.168.1.1-192.168.1.3 -j DROP',
    '-A DOCKER-USER -m iprange --dst-range 10.0.0.1 -j ACCEPT',
    '-A DOCKER-USER -p tcp -m iprange --src-range 10.1.2.3-10.1.2.9 ! --dst-range 172.17.0.2-172.17.0.5 -j RETURN',
  ])
    expect(host.run(`sudo iptables ${line}`).exitCode).toBe(0);
  return host;
}

// On the Docker host FORWARD jumps to DOCKER-USER, which ends in Docker's RETURN; in the capture's namespace nothing did.
const asCaptured = (text: string) =>
  text
    .replace('Chain DOCKER-USER (1 references)', 'Chain DOCKER-USER (0 references)')
    .replace(/^.*RETURN +all .*\n/m, '')
    .replace(/^-A DOCKER-USER -j RETURN\n/m, '');

// libxt_iprange.c: iprange_mt4_save (`[!] --src-range A-B`), iprange_mt4_print (`source IP range [!] A-B`), and
// iprange_parse_range's xtables_param_act(XTF_BAD_VALUE).
describe('the iprange match, against the captures', () => {
  it.each([
    'iptables-iprange-S',
    'iptables-iprange-L',
    'iptables-iprange-L-n-v',
    'iptables-iprange-bad',
    'iptables-iprange-short',
    'iptables-iprange-no-module',
  ])('%s', (name) => {
    const golden = readGolden(`tools/${name}.txt`);
    const result = withRangeRules().run(`sudo ${golden.command}`);
    expect(asCaptured(result.stdout)).toBe(golden.stdout);
    expect(result.stderr).toBe(golden.stderr ?? '');
    expect(result.exitCode).toBe(golden.exitCode);
  });

  it('fills a short address with zeros, as the capture lists it', () => {
    const host = withRangeRules();
    host.run('sudo iptables -A DOCKER-USER -m iprange --src-range 10.1-10.2.0x10 -j DROP');
    expect(asCaptured(host.run('sudo iptables -S DOCKER-USER').stdout)).toBe(
      readGolden('tools/iptables-iprange-short-S.txt').stdout,
    );
  });

  it("prints iptables-save's rules as captured", () => {
    const saved = withRangeRules().run('sudo iptables-save -t filter').stdout;
    const golden = readGolden('tools/iptables-iprange-save.txt').stdout;
    const rules = (text: string) =>
      text.split('\n').filter((line) => line.startsWith('-A DOCKER-USER -') && /range/.test(line));
    expect(rules(saved)).toEqual(rules(golden));
  });
});

describe('the iprange match: one parse and print pair', () => {
  it.each([
    '-i eth0 -m iprange ! --src-range 192.168.1.1-192.168.1.3 -j DROP',
    '-p tcp -m iprange --src-range 10.1.2.3-10.1.2.9 ! --dst-range 172.17.0.2-172.17.0.5 -j RETURN',
  ])('reads back what it prints: %s', (text) => {
    const spec = parseRule(text.split(' '));
    if (isProblem(spec)) throw new Error(spec.problem);
    expect(formatRule(spec)).toBe(text);
  });
});

// xt_iprange iprange_mt4: the source between the two ends, inverted by `!`.
describe('the iprange match in the datapath', () => {
  it('drops a LAN client outside the range from a published port, and lets one inside through', () => {
    const host = Host.create({ seed: 1 });
    host.run('docker run -d --name web -p 8080:80 nginx');
    // The LAN machine is 192.168.1.20 (hostname -I on it).
    const fromLan = () =>
      host.run('curl -s -m 2 -o /dev/null -w "%{http_code}" http://192.168.1.10:8080', { terminal: 'lan' });
    host.run('sudo iptables -I DOCKER-USER -m iprange -i eth0 ! --src-range 192.168.1.1-192.168.1.3 -j DROP');
    expect(fromLan().exitCode).toBe(28);
    host.run('sudo iptables -D DOCKER-USER 1');
    host.run('sudo iptables -I DOCKER-USER -m iprange -i eth0 ! --src-range 192.168.1.1-192.168.1.30 -j DROP');
    expect(fromLan().stdout).toBe('200');
    host.run('sudo iptables -I DOCKER-USER -m iprange -i eth0 --src-range 192.168.1.20-192.168.1.20 -j DROP');
    expect(fromLan().exitCode).toBe(28);
  });
});

describe('the iprange match in ip6tables', () => {
  it('says that IPv6 ranges are not simulated, rather than misreading them', () => {
    const result = Host.create({ seed: 1 }).run(
      'sudo ip6tables -A DOCKER-USER -m iprange --src-range fd00::1-fd00::5 -j DROP',
    );
    expect(result.stderr).toBe("netsim: ip6tables' --src-range is not available in this simulator yet\n");
    expect(result.exitCode).toBe(2);
  });
});
