import { describe, expect, it } from 'vitest';
import { Host } from '../../../src/netsim/index';

/**
 * `iptables -Z` as iptables 1.8.11 (nf_tables) does it: xshared.c do_parse
 * (`-Z [chain [rulenum]]`, add_command(CMD_ZERO, CMD_LIST): -L and -Z go
 * together; parse_rulenumber), xtables.c do_commandx (list_entries, then
 * nft_cmd_chain_zero_counters) and nft.c __nft_chain_zero_counters, which
 * prints "Zeroing chain `NAME'" with -v and resets the base chain's and each
 * rule's counters.
 */
const TRY = "Try `iptables -h' or 'iptables --help' for more information.\n";
const DNAT_LINE = (packets: number, bytes: number) =>
  `${String(packets).padStart(5)} ${String(bytes).padStart(5)} DNAT       tcp  --  !docker0 *       0.0.0.0/0            0.0.0.0/0            tcp dpt:8080 to:172.17.0.2:80\n`;

function afterTraffic(): Host {
  const host = Host.create({ seed: 6 });
  host.run('docker run -d --name web -p 8080:80 nginx');
  host.run('curl -s -o /dev/null 192.168.1.10:8080');
  return host;
}

const counters = (host: Host) => host.run('sudo iptables -t nat -L DOCKER -n -v').stdout.split('\n')[2];

describe('iptables -Z', () => {
  it('zeroes a chain, silently', () => {
    const host = afterTraffic();
    expect(`${counters(host)}\n`).toBe(DNAT_LINE(1, 60));
    expect(host.run('sudo iptables -t nat -Z DOCKER')).toMatchObject({ stdout: '', stderr: '', exitCode: 0 });
    expect(`${counters(host)}\n`).toBe(DNAT_LINE(0, 0));
  });

  it('-L -Z lists the counters, then zeroes them; -v names each chain zeroed', () => {
    const host = afterTraffic();
    const listed = host.run('sudo iptables -t nat -L -n -v -Z DOCKER');
    expect(listed.stdout.endsWith(`${DNAT_LINE(1, 60)}Zeroing chain \`DOCKER'\n`)).toBe(true);
    expect(`${counters(host)}\n`).toBe(DNAT_LINE(0, 0));
  });

  it('without a chain: every chain, base chains in hook order then user chains by name', () => {
    const host = afterTraffic();
    expect(host.run('sudo iptables -t nat -v -Z').stdout).toBe(
      "Zeroing chain `PREROUTING'\nZeroing chain `INPUT'\nZeroing chain `OUTPUT'\nZeroing chain `POSTROUTING'\nZeroing chain `DOCKER'\n",
    );
    expect(host.run('sudo iptables -t nat -L PREROUTING -n -v').stdout).toContain(
      'Chain PREROUTING (policy ACCEPT 0 packets, 0 bytes)\n',
    );
  });

  it('a rule number zeroes that rule; one past the end is no error (nft_rule_zero_counters returns 1)', () => {
    const host = afterTraffic();
    expect(host.run('sudo iptables -t nat -Z DOCKER 1').exitCode).toBe(0);
    expect(`${counters(host)}\n`).toBe(DNAT_LINE(0, 0));
    expect(host.run('sudo iptables -t nat -Z DOCKER 9')).toMatchObject({ stdout: '', stderr: '', exitCode: 0 });
  });

  it.each([
    ['-t nat -Z NOPE', 'iptables: No chain/target/match by that name.\n', 1],
    ['-Z FORWARD 0', `iptables v1.8.11 (nf_tables): Invalid rule number \`0'\n${TRY}`, 2],
  ])('iptables %s', (args, stderr, exitCode) => {
    expect(afterTraffic().run(`sudo iptables ${args}`)).toMatchObject({ stdout: '', stderr, exitCode });
  });
});

/**
 * A target's options exist only once -j has loaded the target (xshared.c
 * command_jump merges them into getopt's table); before it, command_default
 * says `unknown option`, as it does for --dport before -p tcp (captured:
 * golden/linux/session.iptables-user-chains.txt).
 */
describe('target options before -j', () => {
  it.each(['--to-destination 172.17.0.2:80 -j DNAT', '-j ACCEPT --reject-with tcp-reset'])(
    '-p tcp --dport 8080 %s',
    (rest) => {
      const option = rest.includes('--to-destination') ? '--to-destination' : '--reject-with';
      expect(afterTraffic().run(`sudo iptables -t nat -A PREROUTING -p tcp --dport 8080 ${rest}`)).toMatchObject({
        stderr: `iptables v1.8.11 (nf_tables): unknown option "${option}"\n${TRY}`,
        exitCode: 2,
      });
    },
  );

  it("after -j DNAT the option is the target's", () => {
    expect(
      afterTraffic().run(
        'sudo iptables -t nat -A PREROUTING -p tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80',
      ).exitCode,
    ).toBe(0);
  });
});
