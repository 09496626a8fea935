import { describe, expect, it } from 'vitest';
import { Host } from '../../../src/netsim/index';
import { readGolden } from '../golden';

/** The namespace of golden/tools/capture-iptables-check.sh: a DOCKER chain and FORWARD -o docker0 -j DOCKER. */
function withForwardRule(): Host {
  const host = Host.create({ seed: 1 });
  host.run('sudo iptables -A FORWARD -o docker0 -j DOCKER');
  return host;
}

// nft.c nft_rule_check: ENOENT when no rule equals the one given, or when the chain is missing;
// nft_strerror words it as for -D. xshared.c: -C takes no rule number, so one is a stray argument.
describe('iptables -C, against the captures', () => {
  it.each(['iptables-C-present', 'iptables-C-absent', 'iptables-C-no-chain', 'iptables-C-rule-number'])(
    '%s',
    (name) => {
      const golden = readGolden(`tools/${name}.txt`);
      const result = withForwardRule().run(`sudo ${golden.command}`);
      expect(result.stdout).toBe(golden.stdout);
      expect(result.stderr).toBe(golden.stderr ?? '');
      expect(result.exitCode).toBe(golden.exitCode);
    },
  );

  it('finds the rules Docker wrote, as scripts check them before adding', () => {
    const host = Host.create({ seed: 1 });
    expect(host.run('sudo iptables -t nat -C POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE').exitCode).toBe(
      0,
    );
    expect(host.run('sudo iptables --check FORWARD -j DOCKER-USER').exitCode).toBe(0);
  });
});

/** The chain of golden/tools/capture-iptables-check.sh's LOG captures. */
function withLogChain(): Host {
  const host = Host.create({ seed: 1 });
  for (const line of [
    '-N MYCHAIN',
    '-A MYCHAIN -j LOG --log-prefix "mychain: "',
    '-A MYCHAIN -j LOG --log-level 7 --log-prefix abc',
    `-A MYCHAIN -j LOG --log-prefix 'a "b" c'`,
    '-A MYCHAIN -j LOG --log-level 0',
  ])
    host.run(`sudo iptables ${line}`);
  return host;
}

// The captures ran iptables 1.8.9, which printed protocol numbers under -n (`0` for all; 1.8.10 went back
// to names, see iptables.test.ts) and names itself in errors; Debian 13 has 1.8.11.
const as189 = (text: string, numeric: boolean) =>
  (numeric ? text.replace(/^LOG {8}all {2}/gm, 'LOG        0    ') : text).replaceAll('v1.8.11', 'v1.8.9');

// libxt_LOG.c: LOG_save writes the prefix (xtables_save_string) and a level other than 4; LOG_print
// writes `LOG flags 0 level N` under -n, else the level's name, then `prefix "..."`.
describe('the LOG target, against the captures', () => {
  it.each(['iptables-LOG-S', 'iptables-LOG-L', 'iptables-LOG-L-n', 'iptables-LOG-bad-level'])('%s', (name) => {
    const golden = readGolden(`tools/${name}.txt`);
    const result = withLogChain().run(`sudo ${golden.command}`);
    const numeric = / -n\b/.test(golden.command!);
    expect(as189(result.stdout, numeric)).toBe(golden.stdout);
    expect(as189(result.stderr, numeric)).toBe(golden.stderr ?? '');
    expect(result.exitCode).toBe(golden.exitCode);
  });

  it('lets the packet go on to the next rule (XT_CONTINUE), counting it', () => {
    const host = Host.create({ seed: 1 });
    host.run('docker run -d --name web nginx');
    host.run('sudo iptables -I OUTPUT -d 172.17.0.2 -j LOG --log-prefix "seen: "');
    expect(host.run('curl -s -o /dev/null -w "%{http_code}" http://172.17.0.2').stdout).toBe('200');
    host.run('sudo iptables -I OUTPUT 2 -d 172.17.0.2 -j DROP');
    expect(host.run('curl -s -m 1 http://172.17.0.2').exitCode).toBe(28);
    expect(host.run('sudo iptables -L OUTPUT -n -v').stdout).toMatch(/^ +[1-9]\d* +\d+ LOG +all/m);
  });
});

/** The DOCKER-USER chain of golden/tools/capture-iptables-check.sh's conntrack captures (Docker creates the chain here). */
function withConntrackRules(): Host {
  const host = Host.create({ seed: 1 });
  for (const line of [
    '-I DOCKER-USER -p tcp -m conntrack --ctorigdstport 80 --ctdir ORIGINAL -j DROP',
    '-A DOCKER-USER -m conntrack --ctstate NEW --ctdir REPLY -j ACCEPT',
    '-A DOCKER-USER -m conntrack ! --ctorigdstport 81 -j ACCEPT',
  ])
    host.run(`sudo iptables ${line}`);
  return host;
}

/** 1.8.9's protocol numbers under -n (see iptables.test.ts). */
const protocolNumbers = (text: string) =>
  text.replace(
    /^(\S+\s+)(all|tcp|udp) {2}/gm,
    (_, head: string, protocol: string) =>
      `${head}${{ all: '0', tcp: '6', udp: '17' }[protocol]}${' '.repeat(protocol.length - 1)}  `,
  );

// libxt_conntrack.c conntrack_dump / conntrack_save: state, then the original destination port, then the direction.
describe('the conntrack match: --ctorigdstport and --ctdir, against the captures', () => {
  it.each(['iptables-ctorigdstport-S', 'iptables-ctorigdstport-L', 'iptables-ctorigdstport-L-n', 'iptables-ctdir-bad'])(
    '%s',
    (name) => {
      const golden = readGolden(`tools/${name}.txt`);
      const result = withConntrackRules().run(`sudo ${golden.command}`);
      const numeric = / -n\b/.test(golden.command!);
      // On the Docker host FORWARD jumps to DOCKER-USER; in the capture's namespace nothing did.
      const stdout = result.stdout.replace('Chain DOCKER-USER (1 references)', 'Chain DOCKER-USER (0 references)');
      expect((numeric ? protocolNumbers(stdout) : stdout).replaceAll('v1.8.11', 'v1.8.9')).toBe(golden.stdout);
      expect(result.stderr.replaceAll('v1.8.11', 'v1.8.9')).toBe(golden.stderr ?? '');
      expect(result.exitCode).toBe(golden.exitCode);
    },
  );

  // docs.docker.com/engine/network/packet-filtering-firewalls: DOCKER-USER sees packets after DNAT, so a
  // published port is matched by the port the connection was opened to, --ctorigdstport.
  it('drops what was sent to the published port, not to the container port it maps to', () => {
    const host = Host.create({ seed: 1 });
    host.run('docker run -d --name web -p 8080:80 nginx');
    const fromLan = () =>
      host.run('curl -s -m 2 -o /dev/null -w "%{http_code}" http://192.168.1.10:8080', { terminal: 'lan' });
    expect(fromLan().stdout).toBe('200');
    host.run('sudo iptables -I DOCKER-USER -p tcp -m conntrack --ctorigdstport 80 --ctdir ORIGINAL -j DROP');
    expect(fromLan().stdout).toBe('200');
    host.run('sudo iptables -I DOCKER-USER -p tcp -m conntrack --ctorigdstport 8080 --ctdir ORIGINAL -j DROP');
    expect(fromLan().exitCode).toBe(28);
  });
});
