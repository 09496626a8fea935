import { describe, expect, it } from 'vitest';
import { Host } from '../../../src/netsim/index';
import { readGolden } from '../golden';

/** Two BusyBox containers on the default bridge: c1 is 172.17.0.2, c2 172.17.0.3. */
function twoContainers(): Host {
  const host = Host.create({ seed: 1 });
  host.run('docker run -d --name c1 alpine sleep 1000');
  host.run('docker run -d --name c2 alpine sleep 1000');
  return host;
}

const TIME = '\\d\\d:\\d\\d:\\d\\d\\.\\d{6}';
const lines = (text: string) => text.split('\n').filter((line) => line !== '');

describe('tcpdump refusals', () => {
  // libpcap 1.10 pcap-linux.c setup_socket: socket(PF_PACKET) fails with EPERM ("Attempt to create packet socket
  // failed - CAP_NET_RAW may be required"); tcpdump.c open_interface: error("%s: %s\n(%s)", device,
  // pcap_statustostr(PCAP_ERROR_PERM_DENIED), errbuf); exit S_ERR_HOST_PROGRAM (1).
  it('tells a user without sudo that the capture needs CAP_NET_RAW', () => {
    const result = Host.create({ seed: 1 }).run('tcpdump -n -i docker0');
    expect(result.stderr).toBe(
      "tcpdump: docker0: You don't have permission to perform this capture on that device\n(Attempt to create packet socket failed - CAP_NET_RAW may be required)\n",
    );
    expect(result.exitCode).toBe(1);
  });

  // pcap-linux.c clears the error buffer on ENODEV and pcap_activate (pcap.c) fills it with pcap_statustostr.
  it('names a device that does not exist twice', () => {
    const result = Host.create({ seed: 1 }).run('sudo tcpdump -i nosuch0');
    expect(result.stderr).toBe('tcpdump: nosuch0: No such device exists\n(No such device exists)\n');
    expect(result.exitCode).toBe(1);
  });

  // grammar.y yyerror: "can't parse filter expression: %s" with bison's "syntax error".
  it('reports a filter it cannot parse', () => {
    const result = Host.create({ seed: 1 }).run('sudo tcpdump -i docker0 tcp port');
    expect(result.stderr).toBe("tcpdump: can't parse filter expression: syntax error\n");
    expect(result.exitCode).toBe(1);
  });
});

describe('tcpdump in the foreground', () => {
  // tcpdump.c main: the two header lines on stderr; after Ctrl-C, putchar('\n') then info(1).
  it('waits for Ctrl-C and reports what it saw: nothing, since nothing else ran', () => {
    const result = Host.create({ seed: 1 }).run('sudo tcpdump -n -i docker0');
    expect(result.output).toBe(
      'tcpdump: verbose output suppressed, use -v[v]... for full protocol decode\nlistening on docker0, link-type EN10MB (Ethernet), snapshot length 262144 bytes\n^C\n0 packets captured\n0 packets received by filter\n0 packets dropped by kernel\n',
    );
    expect(result.exitCode).toBe(0);
  });
});

describe('tcpdump as a job', () => {
  it('prints the ICMP echoes between two containers on docker0, then its statistics, and bash reports it done', () => {
    const host = twoContainers();
    const result = host.run('sudo tcpdump -n -i docker0 -c 4 icmp & docker exec c1 ping -c 2 172.17.0.3');
    const out = lines(result.output);
    // bash jobs.c describe_pid: "[%d] %ld".
    expect(out[0]).toMatch(/^\[1\] \d+$/);
    expect(out.slice(1, 3)).toEqual([
      'tcpdump: verbose output suppressed, use -v[v]... for full protocol decode',
      'listening on docker0, link-type EN10MB (Ethernet), snapshot length 262144 bytes',
    ]);
    // print-ip.c ip_print "IP " and "%s > %s: "; print-icmp.c "echo %s, id %u, seq %u" and "ICMP %s, length %u".
    // BusyBox ping numbers its requests from 0 (networking/ping.c sendping4: icmp_seq = ntransmitted).
    const packets = out.filter((line) => / IP /.test(line));
    expect(packets).toHaveLength(4);
    expect(packets[0]).toMatch(
      new RegExp(`^${TIME} IP 172\\.17\\.0\\.2 > 172\\.17\\.0\\.3: ICMP echo request, id \\d+, seq 0, length 64$`),
    );
    expect(packets[1]).toMatch(
      new RegExp(`^${TIME} IP 172\\.17\\.0\\.3 > 172\\.17\\.0\\.2: ICMP echo reply, id \\d+, seq 0, length 64$`),
    );
    expect(packets[3]).toMatch(/ICMP echo reply, id \d+, seq 1, length 64$/);
    // tcpdump.c info(1) after pcap_loop returns at -c; then bash 5.2's pretty_print_job: "[%d]%c ", a space, "Done" padded to 24.
    expect(out.slice(-4)).toEqual([
      '4 packets captured',
      '4 packets received by filter',
      '0 packets dropped by kernel',
      '[1]+  Done                    sudo tcpdump -n -i docker0 -c 4 icmp',
    ]);
  });

  it('on "any" names each device and direction, the veth seeing frames for the gateway as another host\'s', () => {
    const host = twoContainers();
    const result = host.run('sudo tcpdump -n -i any -c 6 icmp & docker exec c1 ping -c 1 8.8.8.8');
    const out = lines(result.output);
    // pcap-linux.c: "any" cannot be promiscuous (PCAP_WARNING_PROMISC_NOTSUP), printed by tcpdump.c warning().
    expect(out.slice(1, 5)).toEqual([
      "tcpdump: WARNING: any: That device doesn't support promiscuous mode",
      '(Promiscuous mode not supported on the "any" device)',
      'tcpdump: verbose output suppressed, use -v[v]... for full protocol decode',
      'listening on any, link-type LINUX_SLL2 (Linux cooked v2), snapshot length 262144 bytes',
    ]);
    // print-sll.c sll2_if_print: "%-5s " the device, "%-3s " In/Out/P; MASQUERADE shows on eth0 only.
    const packets = out
      .filter((line) => / IP /.test(line))
      .map((line) =>
        line
          .slice(16)
          .replace(/^veth[0-9a-f]{7}/, 'vethX')
          .replace(/id \d+/, 'id ID'),
      );
    expect(packets).toEqual([
      'vethX P   IP 172.17.0.2 > 8.8.8.8: ICMP echo request, id ID, seq 0, length 64',
      'docker0 In  IP 172.17.0.2 > 8.8.8.8: ICMP echo request, id ID, seq 0, length 64',
      'eth0  Out IP 192.168.1.10 > 8.8.8.8: ICMP echo request, id ID, seq 0, length 64',
      'eth0  In  IP 8.8.8.8 > 192.168.1.10: ICMP echo reply, id ID, seq 0, length 64',
      'docker0 Out IP 8.8.8.8 > 172.17.0.2: ICMP echo reply, id ID, seq 0, length 64',
      'vethX Out IP 8.8.8.8 > 172.17.0.2: ICMP echo reply, id ID, seq 0, length 64',
    ]);
  });

  // print-ether.c ether_common_print with -e: "%s > %s, ", "ethertype %s (0x%04x)", ", length %u: "; print-arp.c
  // "Request who-has %s tell %s" and "Reply %s is-at %s", ", length %u" (28); the frame is 14 bytes more.
  it('with -e shows the Ethernet header, and the ARP exchange before the first packet', () => {
    const host = twoContainers();
    const out = lines(
      host.run('sudo tcpdump -n -e -i docker0 -c 4 & docker exec c1 ping -c 1 172.17.0.1').output,
    ).filter((line) => new RegExp(`^${TIME} `).test(line));
    const mac = '[0-9a-f]{2}(?::[0-9a-f]{2}){5}';
    expect(out[0]).toMatch(
      new RegExp(
        `^${TIME} (${mac}) > ff:ff:ff:ff:ff:ff, ethertype ARP \\(0x0806\\), length 42: Request who-has 172\\.17\\.0\\.1 tell 172\\.17\\.0\\.2, length 28$`,
      ),
    );
    expect(out[1]).toMatch(
      new RegExp(
        `^${TIME} ${mac} > ${mac}, ethertype ARP \\(0x0806\\), length 42: Reply 172\\.17\\.0\\.1 is-at ${mac}, length 28$`,
      ),
    );
    expect(out[2]).toMatch(
      new RegExp(
        `^${TIME} ${mac} > ${mac}, ethertype IPv4 \\(0x0800\\), length 98: 172\\.17\\.0\\.2 > 172\\.17\\.0\\.1: ICMP echo request, id \\d+, seq 0, length 64$`,
      ),
    );
  });

  // print-tcp.c tcp_print: "%s.%s > %s.%s: ", "Flags [%s]", seq, ack (relative after the handshake), win, options, length.
  it("prints a TCP handshake with Linux's SYN options, then sequence numbers relative to it", () => {
    const host = Host.create({ seed: 1 });
    host.run('docker run -d --name web nginx');
    const out = lines(host.run('sudo tcpdump -n -i docker0 -c 5 tcp port 80 & curl -s -o /dev/null 172.17.0.2').output);
    const packets = out.filter((line) => / IP /.test(line)).map((line) => line.slice(16));
    expect(packets[0]).toMatch(
      /^IP 172\.17\.0\.1\.\d+ > 172\.17\.0\.2\.80: Flags \[S\], seq \d+, win 64240, options \[mss 1460,sackOK,TS val \d+ ecr 0,nop,wscale 7\], length 0$/,
    );
    expect(packets[1]).toMatch(
      /^IP 172\.17\.0\.2\.80 > 172\.17\.0\.1\.\d+: Flags \[S\.\], seq \d+, ack \d+, win 65160, options \[mss 1460,sackOK,TS val \d+ ecr \d+,nop,wscale 7\], length 0$/,
    );
    expect(packets[2]).toMatch(
      /^IP 172\.17\.0\.1\.\d+ > 172\.17\.0\.2\.80: Flags \[\.\], ack 1, win 502, options \[nop,nop,TS val \d+ ecr \d+\], length 0$/,
    );
    expect(packets[3]).toMatch(
      /^IP 172\.17\.0\.1\.\d+ > 172\.17\.0\.2\.80: Flags \[P\.\], seq 1:(\d+), ack 1, win 502, options \[nop,nop,TS val \d+ ecr \d+\], length \d+: HTTP: GET \/ HTTP\/1\.1$/,
    );
    const requestEnd = Number(/seq 1:(\d+)/.exec(packets[3]!)![1]);
    expect(packets[4]).toMatch(new RegExp(`Flags \\[P\\.\\], seq 1:\\d+, ack ${requestEnd}, win 509, `));
  });

  // The ack of the SYN-ACK is the SYN's sequence number plus one (RFC 9293 3.5).
  it('acknowledges the SYN with its sequence number plus one', () => {
    const host = Host.create({ seed: 1 });
    host.run('docker run -d --name web nginx');
    const packets = lines(
      host.run('sudo tcpdump -n -i docker0 -c 2 tcp & curl -s -o /dev/null 172.17.0.2').output,
    ).filter((line) => / IP /.test(line));
    const seq = Number(/seq (\d+)/.exec(packets[0]!)![1]);
    expect(packets[1]).toContain(`ack ${seq + 1},`);
  });

  // pcap-filter(7): `host` matches either address; `not` inverts.
  it('keeps only what its filter matches', () => {
    const host = twoContainers();
    const out = lines(
      host.run('sudo tcpdump -n -i docker0 -c 2 icmp and not src host 172.17.0.2 & docker exec c1 ping -c 2 172.17.0.3')
        .output,
    );
    expect(
      out
        .filter((line) => / IP /.test(line))
        .every((line) => line.includes('IP 172.17.0.3 > 172.17.0.2: ICMP echo reply')),
    ).toBe(true);
  });

  // A packet socket belongs to its network namespace: in a container, docker0 is not there and eth0 is the container's.
  it("in a container's bash, sees the container's own devices only", () => {
    const host = Host.create({ seed: 1 });
    host.run('docker run -d --name d1 debian sleep 1000');
    host.run('docker run -d --name c2 alpine sleep 1000');
    host.run('docker exec d1 apt-get update');
    host.run('docker exec d1 apt-get install -y tcpdump iputils-ping');
    host.run('docker exec -it d1 bash');
    expect(host.run('tcpdump -i docker0').stderr).toBe(
      'tcpdump: docker0: No such device exists\n(No such device exists)\n',
    );
    const out = lines(host.run('tcpdump -n -i eth0 -c 2 icmp & ping -c 1 172.17.0.3').output);
    // iputils ping numbers its requests from 1.
    expect(out.filter((line) => / IP /.test(line)).map((line) => line.slice(16).replace(/id \d+/, 'id ID'))).toEqual([
      'IP 172.17.0.2 > 172.17.0.3: ICMP echo request, id ID, seq 1, length 64',
      'IP 172.17.0.3 > 172.17.0.2: ICMP echo reply, id ID, seq 1, length 64',
    ]);
  });
});

/** The host of golden/tools/capture-tcpdump.sh: one container on docker0, serving HTTP on port 80. */
function webHost(): Host {
  const host = Host.create({ seed: 1 });
  host.run('docker run -d --name web nginx');
  return host;
}

/** readGolden's stdout loses its last newline to the `# --- stderr` line that follows it. */
const goldenStdout = (name: string) => {
  const golden = readGolden(`tools/${name}.txt`);
  return golden.stderr !== undefined && golden.stdout !== '' ? `${golden.stdout}\n` : golden.stdout;
};

/** A captured line with its times, identifiers, sequence numbers and timestamps made patterns. */
const shapeOf = (line: string) =>
  new RegExp(
    `^${line
      .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      .replace(/\d\d:\d\d:\d\d\\\.\d{6}/g, TIME)
      .replace(/(id|seq|ack|val|ecr|win|wscale) \d+/g, '$1 \\d+')
      .replace(/\\\.\d{5}\b/g, '\\.\\d+')}$`,
  );

// tcpdump.c show_devices_and_exit and libpcap's pcap_findalldevs order (pcap.c get_figure_of_merit).
describe('tcpdump -D', () => {
  it('lists the links by libpcap figure of merit, then "any", lo and the pseudo-devices, as captured', () => {
    const result = webHost().run('sudo tcpdump -D');
    expect(result.stdout.replace(/veth[0-9a-f]{7}/, 'veth1a2b3c4')).toBe(goldenStdout('tcpdump-D'));
  });
});

describe('tcpdump -A, -vv, -w and -r on the course host', () => {
  it('prints each packet in ASCII after its line with -A, the request in full (tcpdump-A-port-80)', () => {
    const host = webHost();
    const result = host.run('sudo tcpdump -A -i docker0 -c 4 port 80 & curl -s -o /dev/null http://172.17.0.2/');
    const golden = goldenStdout('tcpdump-A-port-80');
    const packets = (text: string) => text.split('\n').filter((line) => / IP /.test(line));
    const ours = packets(result.output);
    expect(ours).toHaveLength(4);
    packets(golden).forEach((line, index) =>
      expect(ours[index]).toMatch(shapeOf(line.replace(/wscale 10/, 'wscale 7'))),
    );
    // The request's bytes as curl wrote them, CRs before LFs left out; the headers' first bytes are IPv4's.
    const request = (text: string) =>
      text.slice(text.lastIndexOf('GET / HTTP/1.1'), text.indexOf('Accept: */*\n') + 14);
    expect(request(result.output)).toBe(request(golden));
    expect(result.output).toMatch(/length 0\nE\.\.<\.\.@\.@\./);
  });

  // print-http.c: a segment that starts with a status line is named by it (captured: tcpdump-r-http.txt).
  it("names the server's response by its status line", () => {
    const result = webHost().run('sudo tcpdump -n -i docker0 -c 5 port 80 & curl -s -o /dev/null http://172.17.0.2/');
    const packets = result.output.split('\n').filter((line) => / IP /.test(line));
    expect(packets[4]).toMatch(
      /^\S+ IP 172\.17\.0\.2\.80 > 172\.17\.0\.1\.\d+: Flags \[P\.\], .*, length \d+: HTTP: HTTP\/1\.1 200 OK$/,
    );
  });

  it('decodes the IP header with -vv (tcpdump-vv-icmp): DF on the request, none on the kernel reply', () => {
    const result = webHost().run('sudo tcpdump -vv -i docker0 -c 2 icmp & ping -c 1 172.17.0.2');
    const golden = readGolden('tools/tcpdump-vv-icmp.txt');
    const ours = result.output.split('\n').filter((line) => / IP \(|^ {4}172/.test(line));
    const expected = goldenStdout('tcpdump-vv-icmp').split('\n').filter(Boolean);
    expect(ours).toHaveLength(expected.length);
    expected.forEach((line, index) => expect(ours[index]).toMatch(shapeOf(line)));
    expect(result.output).toContain(golden.stderr!.split('\n')[0]!);
    expect(result.output).not.toContain('verbose output suppressed');
  });

  it('writes a pcap file with -w and prints only its header and statistics; -r reads it back', () => {
    const host = webHost();
    const written = host.run('sudo tcpdump -i docker0 -w /tmp/cap.pcap -c 2 icmp & ping -c 1 172.17.0.2');
    expect(written.output).toContain(readGolden('tools/tcpdump-w-icmp.txt').stderr!.split('\n')[0]!);
    expect(written.output).not.toMatch(/ IP /);
    const read = host.run('sudo tcpdump -r /tmp/cap.pcap');
    expect(read.stderr).toBe('reading from file /tmp/cap.pcap, link-type EN10MB (Ethernet), snapshot length 262144\n');
    const expected = goldenStdout('tcpdump-r-icmp').split('\n').filter(Boolean);
    const lines = read.stdout.split('\n').filter(Boolean);
    expected.forEach((line, index) => expect(lines[index]).toMatch(shapeOf(line)));
    // What -r prints is what a live capture of the same frames printed.
    const live = host.run('sudo tcpdump -r /tmp/cap.pcap -vv -A');
    expect(live.stdout).toMatch(
      /flags \[DF\], proto ICMP \(1\), length 84\)\n {4}172\.17\.0\.1 > 172\.17\.0\.2: ICMP echo request/,
    );
    expect(live.stdout).toMatch(/ !"#\$%&'\(\)\*\+,-\.\/01234567\n/);
  });

  it('says what libpcap says of a file it cannot read', () => {
    const host = webHost();
    const missing = readGolden('tools/tcpdump-r-missing.txt');
    const result = host.run('sudo tcpdump -r /tmp/netsim-tcpdump/none.pcap');
    expect(result.stderr).toBe(missing.stderr);
    expect(result.exitCode).toBe(missing.exitCode);
  });
});
