import { describe, expect, it } from 'vitest';
import { Host } from '../../../src/netsim/index';
import { readGolden } from '../golden';

/** The namespace of golden/tools/capture-nft.sh: Docker 29 with one container publishing 8080:80. */
function dockerHost(): Host {
  const host = Host.create({ seed: 1 });
  host.run('docker run -d --name web -p 8080:80 nginx');
  return host;
}

/** capture-nft.sh's rules beyond Docker's, each form netsim's iptables takes. */
const EXTRAS = [
  'iptables -N EXTRAS',
  'iptables -A EXTRAS -s 10.0.0.0/8 -d 192.168.1.5/32 -i docker+ -o eth0 -p udp -m udp --sport 53 -j RETURN',
  'iptables -A EXTRAS ! -s 10.1.0.0/16 -p tcp -m tcp --sport 1024 --dport 22 -j REJECT --reject-with tcp-reset',
  'iptables -A EXTRAS -p icmp -j REJECT',
  'iptables -A EXTRAS -p tcp -m conntrack --ctorigdstport 80 --ctdir ORIGINAL -j DROP',
  'iptables -A EXTRAS -m conntrack ! --ctstate NEW -j ACCEPT',
  'iptables -A EXTRAS -m state --state INVALID -j DROP',
  'iptables -A EXTRAS -m addrtype --src-type LOCAL --dst-type LOCAL -j ACCEPT',
  'iptables -A EXTRAS -m iprange -i eth0 ! --src-range 192.168.1.1-192.168.1.3 -j DROP',
  'iptables -A EXTRAS -m iprange --dst-range 10.0.0.1-10.0.0.9 -j LOG --log-prefix "dst: " --log-level 7',
  'iptables -A EXTRAS -j LOG',
  'iptables -A EXTRAS -o docker0',
  'iptables -A EXTRAS -p tcp -j REJECT --reject-with icmp-host-prohibited',
  'iptables -A EXTRAS -j REJECT --reject-with icmp-net-unreachable',
  'iptables -A EXTRAS -j REJECT --reject-with icmp-admin-prohibited',
  'iptables -A EXTRAS -m conntrack --ctstate INVALID,NEW,RELATED,ESTABLISHED,UNTRACKED -j ACCEPT',
  'iptables -A EXTRAS -m state ! --state NEW,ESTABLISHED -j ACCEPT',
  'iptables -A EXTRAS -m conntrack --ctstate SNAT,DNAT -j ACCEPT',
  'iptables -A EXTRAS -p tcp -m conntrack ! --ctorigdstport 81 --ctdir REPLY -j ACCEPT',
  'iptables -A EXTRAS -m addrtype --dst-type LOCAL -j ACCEPT',
  'iptables -A EXTRAS -m addrtype --src-type LOCAL -j ACCEPT',
  'iptables -A EXTRAS -m iprange --src-range 1.2.3.4-1.2.3.4 ! --dst-range 5.6.7.8-5.6.7.9 -j ACCEPT',
  'iptables -A EXTRAS ! -i docker0 ! -o eth0 -p tcp -j ACCEPT',
  `iptables -A EXTRAS ! -d 172.17.0.0/16 -p udp -m udp --dport 53 -j LOG --log-prefix 'a "b" c' --log-level 0`,
  'iptables -A EXTRAS -j LOG --log-level 4 --log-prefix abc',
  // The capture's last rule gives conntrack and iprange before `-p tcp --dport`; iptables keeps that order, netsim does not.
  'iptables -t nat -N EXTRAS',
  'iptables -t nat -A EXTRAS -p udp -j SNAT --to-source 192.168.1.10:1000-2000',
  'iptables -t nat -A EXTRAS -p tcp -j DNAT --to-destination 172.17.0.2-172.17.0.4',
  'iptables -t nat -A EXTRAS -j SNAT --to-source 192.168.1.10',
  'ip6tables -A DOCKER -d fd00::2/128 ! -i docker0 -o docker0 -p tcp -m tcp --dport 80 -j ACCEPT',
  'ip6tables -A DOCKER -j REJECT',
  'ip6tables -A DOCKER -p tcp -j REJECT --reject-with tcp-reset',
  'ip6tables -A DOCKER -j REJECT --reject-with icmp6-adm-prohibited',
  'ip6tables -t nat -A POSTROUTING -s fd00::/64 ! -o docker0 -j MASQUERADE',
  'ip6tables -t nat -A DOCKER ! -i docker0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination [fd00::2]:80',
  'ip6tables -A DOCKER -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT',
];

function withExtras(): Host {
  const host = dockerHost();
  for (const line of EXTRAS) expect(host.run(`sudo ${line}`).stderr, line).toBe('');
  return host;
}

/** readGolden's stdout loses its last newline to the `# --- stderr` line that follows it. */
const stdoutOf = (golden: ReturnType<typeof readGolden>) =>
  golden.stderr !== undefined && golden.stdout !== '' ? `${golden.stdout}\n` : golden.stdout;

const runs = (host: Host, command: string) => host.run(command.replace(/^setpriv .* nft /, '/usr/sbin/nft '));

// rule.c table_print and the statements' print functions; libxtables' xlate for the xt matches and targets.
describe('nft lists the rules iptables-nft wrote, against the captures', () => {
  it.each([
    'nft-list-ruleset',
    'nft-list-tables',
    'nft-list-table-ip-nat',
    'nft-list-table-ip-raw',
    'nft-list-table-ip-nosuch',
    'nft-list-bogus',
    'nft-list-ruleset-nobody',
    'nft-list-tables-nobody',
  ])('%s', (name) => {
    const golden = readGolden(`tools/${name}.txt`);
    const command = golden.command!;
    const result = runs(dockerHost(), command.startsWith('setpriv') ? command : `sudo ${command}`);
    expect(result.stdout).toBe(stdoutOf(golden));
    expect(result.stderr).toBe(golden.stderr ?? '');
    expect(result.exitCode).toBe(golden.exitCode);
  });

  it('writes each warning just before its table on a terminal', () => {
    const golden = readGolden('tools/nft-list-table-ip-nat.tty.txt');
    expect(dockerHost().run('sudo nft list table ip nat').output).toBe(golden.stdout);
  });

  it.each([
    'nft-list-chain-extras',
    'nft-list-chain-nat-extras',
    'nft-list-chain-ip6-docker',
    'nft-list-table-ip6-nat',
  ])('%s: every rule form as nft translates it', (name) => {
    const golden = readGolden(`tools/${name}.txt`);
    const result = withExtras().run(`sudo ${golden.command}`);
    const lastRuleLeftOut =
      name === 'nft-list-chain-extras'
        ? stdoutOf(golden).replace(/^\t\tip protocol tcp ct state new ip saddr 10\.0\.0\.1-10\.0\.0\.2 .*\n/m, '')
        : stdoutOf(golden);
    expect(result.stdout).toBe(lastRuleLeftOut);
    expect(result.stderr).toBe(golden.stderr ?? '');
  });

  it('sees the packets the rules counted', () => {
    const host = dockerHost();
    host.run('curl -s -o /dev/null http://192.168.1.10:8080', { terminal: 'lan' });
    const listed = host.run('sudo nft list chain ip nat DOCKER').stdout;
    expect(listed).toMatch(/tcp dport 8080 counter packets 1 bytes 60 dnat to 172\.17\.0\.2:80/);
  });
});

// Captured in the Debian 13 chroot: `nft --version` and `nft` alone.
describe('nft without a listing', () => {
  it('names its version, and says when no command is given', () => {
    const host = dockerHost();
    expect(host.run('sudo nft --version').stdout).toBe('nftables v1.1.3 (Commodore Bullmoose #4)\n');
    const bare = host.run('sudo nft');
    expect(bare.stderr).toBe('nft: no command specified\n');
    expect(bare.exitCode).toBe(1);
  });
});
