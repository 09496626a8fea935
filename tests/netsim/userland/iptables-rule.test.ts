import { describe, expect, it } from 'vitest';
import { Host } from '../../../src/netsim/index';
import { parseRule } from '../../../src/netsim/userland/iptables-rule';

const fresh = () => Host.create({ seed: 5 });
const HINT = "Try `iptables -h' or 'iptables --help' for more information.\n";
const problem = (message: string) => ({
  stdout: '',
  stderr: `iptables v1.8.11 (nf_tables): ${message}\n${HINT}`,
  exitCode: 2,
});

/** Runs the setup, then prints what `iptables [-t table] -S chain` lists. */
function listed(lines: string[], list: string): string {
  const host = fresh();
  for (const line of lines) expect(host.run(line)).toMatchObject({ stderr: '', exitCode: 0 });
  return host.run(list).stdout;
}

describe('conntrack states (extensions/libxt_conntrack.c, iptables 1.8.11)', () => {
  it('takes any prefix of a state in any case and lists them in print_state order', () => {
    // conntrack_ps_state: strncasecmp(state, "ESTABLISHED", len); print_state: INVALID, NEW, RELATED, ESTABLISHED, ...
    expect(
      listed(['sudo iptables -A INPUT -m conntrack --ctstate est,rel,N -j ACCEPT'], 'sudo iptables -S INPUT'),
    ).toBe('-P INPUT ACCEPT\n-A INPUT -m conntrack --ctstate NEW,RELATED,ESTABLISHED -j ACCEPT\n');
  });

  it('quotes the rest of the list from the bad state on', () => {
    // conntrack_ps_states: xtables_error(PARAMETER_PROBLEM, "Bad ctstate \"%s\"", arg) with arg the unread rest.
    expect(fresh().run('sudo iptables -A INPUT -m conntrack --ctstate NEW,BOGUS,ESTABLISHED -j ACCEPT')).toMatchObject(
      problem('Bad ctstate "BOGUS,ESTABLISHED"'),
    );
    expect(fresh().run('sudo iptables -A INPUT -m conntrack --ctstate NEW, -j ACCEPT')).toMatchObject(
      problem('Bad ctstate ""'),
    );
  });

  it('keeps -m state as it was written (XT_CONNTRACK_STATE_ALIAS)', () => {
    // conntrack_print_name_alias gives `state`; conntrack_dump prints `--state` (save) and `state` (-L).
    const host = fresh();
    host.run('sudo iptables -A INPUT -m state --state ESTABLISHED,RELATED -j ACCEPT');
    expect(host.run('sudo iptables -S INPUT').stdout).toBe(
      '-P INPUT ACCEPT\n-A INPUT -m state --state RELATED,ESTABLISHED -j ACCEPT\n',
    );
    expect(host.run('sudo iptables -L INPUT -n').stdout).toContain(
      '0.0.0.0/0            0.0.0.0/0            state RELATED,ESTABLISHED\n',
    );
  });

  it('keeps a `!` before --ctstate (conntrack_dump prints " !" before the option)', () => {
    const host = fresh();
    host.run('sudo iptables -A INPUT -m conntrack ! --ctstate NEW,ESTABLISHED -j DROP');
    expect(host.run('sudo iptables -S INPUT').stdout).toBe(
      '-P INPUT ACCEPT\n-A INPUT -m conntrack ! --ctstate NEW,ESTABLISHED -j DROP\n',
    );
    expect(host.run('sudo iptables -L INPUT -n').stdout).toContain(
      '0.0.0.0/0            0.0.0.0/0            ! ctstate NEW,ESTABLISHED\n',
    );
  });

  it('says so rather than drop a `!` it does not model', () => {
    expect(fresh().run('sudo iptables -A INPUT -p tcp ! --dport 22 -j DROP')).toMatchObject({
      stderr: "netsim: `! --dport' is not available in this simulator yet\n",
      exitCode: 2,
    });
  });

  it('wants a list of states after --state (state_parse_states)', () => {
    expect(fresh().run('sudo iptables -A INPUT -m state --state NEW, -j ACCEPT')).toMatchObject(
      problem('"--state" requires a list of states with no spaces, e.g. ESTABLISHED,RELATED'),
    );
    expect(fresh().run('sudo iptables -A INPUT -m state --state SNAT -j ACCEPT')).toMatchObject(
      problem('Bad state "SNAT"'),
    );
  });
});

describe('DNAT and SNAT addresses (extensions/libxt_NAT.c parse_to, parse_ports, sprint_range)', () => {
  it('keeps a port range and prints it back', () => {
    const lines = ['sudo iptables -t nat -A PREROUTING -p tcp -j DNAT --to-destination 10.0.0.1-10.0.0.3:8080-8090'];
    expect(listed(lines, 'sudo iptables -t nat -S PREROUTING')).toContain(
      '\n-A PREROUTING -p tcp -j DNAT --to-destination 10.0.0.1-10.0.0.3:8080-8090\n',
    );
    expect(listed(lines, 'sudo iptables -t nat -L PREROUTING -n')).toContain('to:10.0.0.1-10.0.0.3:8080-8090\n');
  });

  it('reads ports as strtoul base 0 does (xtables_strtoui)', () => {
    expect(
      listed(
        ['sudo iptables -t nat -A OUTPUT -p tcp -j DNAT --to-destination 10.0.0.1:0x50'],
        'sudo iptables -t nat -S OUTPUT',
      ),
    ).toContain('--to-destination 10.0.0.1:80\n');
  });

  it.each([
    ['-p tcp -j DNAT --to-destination foo:80', 'Bad IP address "foo"'],
    ['-p tcp -j DNAT --to-destination 10.0.0.1-bar', 'Bad IP address "bar"'],
    ['-j DNAT --to-destination 10.0.0.1:80', 'Need TCP, UDP, SCTP or DCCP with port specification'],
    ['-p tcp -j DNAT --to-destination 10.0.0.1:70000', "Port `70000' not valid"],
    ['-p tcp -j DNAT --to-destination 10.0.0.1:90-80', "Port range `80' funky"],
    // Two colons make parse_to take the whole text for an (IPv6) address.
    ['-p tcp -j DNAT --to-destination 10.0.0.1:80:90', 'Bad IP address "10.0.0.1:80:90"'],
    ['-p tcp -j DNAT --to-destination 10.0.0.1:80x', "Garbage after port value: `x'"],
    ['-p tcp -j DNAT --to-destination [10.0.0.1]:80', 'Invalid address format'],
  ])('refuses %s', (rule, message) => {
    expect(fresh().run(`sudo iptables -t nat -A OUTPUT ${rule}`)).toMatchObject(problem(message));
  });

  it('wants a dash between two ports', () => {
    expect(
      fresh().run('sudo ip6tables -t nat -A OUTPUT -p tcp -j DNAT --to-destination [fd00::1]:80:90'),
    ).toMatchObject({
      stderr: `ip6tables v1.8.11 (nf_tables): Invalid port:port syntax - use dash\n${HINT.replace('iptables -h', 'ip6tables -h').replace("'iptables --help'", "'ip6tables --help'")}`,
      exitCode: 2,
    });
  });

  it('keeps both ends of an address and of a port range', () => {
    const spec = parseRule('-p tcp -j DNAT --to-destination 10.0.0.1:8080-8090'.split(' '));
    expect(spec).toMatchObject({
      target: {
        kind: 'DNAT',
        to: { addresses: { first: 0x0a000001, last: 0x0a000001 }, ports: { first: 8080, last: 8090 } },
      },
    });
  });
});

describe('REJECT types (extensions/libipt_REJECT.c, libip6t_REJECT.c)', () => {
  it('takes a name or alias prefix and prints the name', () => {
    // REJECT_parse: strncasecmp against name and alias in reject_table order; REJECT_save prints the name.
    expect(listed(['sudo iptables -A INPUT -p tcp -j REJECT --reject-with tcp-rst'], 'sudo iptables -S INPUT')).toBe(
      '-P INPUT ACCEPT\n-A INPUT -p tcp -j REJECT --reject-with tcp-reset\n',
    );
    expect(
      listed(['sudo iptables -A INPUT -j REJECT --reject-with host-prohib'], 'sudo iptables -L INPUT -n'),
    ).toContain('reject-with icmp-host-prohibited\n');
  });

  it('refuses an unknown type', () => {
    expect(fresh().run('sudo iptables -A INPUT -j REJECT --reject-with bogus')).toMatchObject(
      problem('unknown reject type "bogus"'),
    );
  });

  it('defaults to ICMPv6 port unreachable in ip6tables (REJECT_init)', () => {
    expect(listed(['sudo ip6tables -A INPUT -j REJECT'], 'sudo ip6tables -S INPUT')).toBe(
      '-P INPUT ACCEPT\n-A INPUT -j REJECT --reject-with icmp6-port-unreachable\n',
    );
  });
});
