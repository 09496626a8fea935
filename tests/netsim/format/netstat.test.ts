import { describe, expect, it } from 'vitest';
import {
  formatNetstat,
  formatNetstatRoutes,
  type NetstatRouteRow,
  type NetstatSocketRow,
} from '../../../src/netsim/format/netstat';
import { readGolden } from '../golden';

// The records are those of the captures (golden/tools/capture.sh): pids as captured there, the
// programs started as ./docker-proxy and ./httpd, so argv0 is what -p shows.
const proxy4: NetstatSocketRow = {
  protocol: 'tcp',
  ipv6: false,
  recvQ: 0,
  sendQ: 0,
  localHost: '0.0.0.0',
  localPort: '8080',
  foreignHost: '0.0.0.0',
  foreignPort: '*',
  state: 'LISTEN',
  program: '19/./docker-proxy',
};
const proxy6: NetstatSocketRow = {
  ...proxy4,
  ipv6: true,
  localHost: '::',
  foreignHost: '::',
  program: '20/./docker-proxy',
};
const httpd: NetstatSocketRow = { ...proxy6, localPort: '80', program: '21/./httpd' };
const dns: NetstatSocketRow = {
  protocol: 'udp',
  ipv6: false,
  recvQ: 0,
  sendQ: 0,
  localHost: '127.0.0.11',
  localPort: '53',
  foreignHost: '0.0.0.0',
  foreignPort: '*',
  state: '',
  program: '22/python3',
};
const anonymous = (row: NetstatSocketRow) => ({ ...row, program: '-' });
const socat: NetstatSocketRow = { ...proxy4, localHost: '127.0.0.1', localPort: '9999', program: '65/socat' };

/** The Internet part of -a's output: the UNIX domain rows are the capturing machine's own. */
const withoutUnixRows = (text: string) => text.replace(/(I-Node +Path\n)[^]*$/, '$1');

describe('the net-tools netstat printer', () => {
  it('prints -tulpn and -tlnp as net-tools does', () => {
    expect(
      formatNetstat('net-tools', {
        scope: 'listening',
        programs: true,
        rows: [proxy4, httpd, proxy6, dns],
        unix: false,
      }),
    ).toBe(readGolden('tools/netstat-tulpn.txt').stdout);
    expect(
      formatNetstat('net-tools', { scope: 'listening', programs: true, rows: [proxy4, httpd, proxy6], unix: false }),
    ).toBe(readGolden('tools/netstat-tlnp.txt').stdout);
  });

  it('prints -tln without the program column', () => {
    expect(
      formatNetstat('net-tools', { scope: 'listening', programs: false, rows: [proxy4, proxy6, httpd], unix: false }),
    ).toBe(readGolden('tools/netstat-tln.txt').stdout);
  });

  it('prints -ant and -an, whose UNIX domain section follows the Internet one', () => {
    expect(
      formatNetstat('net-tools', { scope: 'all', programs: false, rows: [proxy4, proxy6, httpd], unix: false }),
    ).toBe(readGolden('tools/netstat-ant.txt').stdout);
    expect(
      formatNetstat('net-tools', { scope: 'all', programs: false, rows: [proxy4, proxy6, httpd, dns], unix: true }),
    ).toBe(withoutUnixRows(readGolden('tools/netstat-an.txt').stdout));
  });

  it('prints names without -n: [::] for the IPv6 wildcard and service names', () => {
    const named = [proxy4, proxy6, httpd].map((row) => ({
      ...row,
      localHost: row.ipv6 ? '[::]' : row.localHost,
      foreignHost: row.ipv6 ? '[::]' : row.foreignHost,
      localPort: row.localPort === '80' ? 'http' : 'http-alt',
    }));
    expect(formatNetstat('net-tools', { scope: 'listening', programs: false, rows: named, unix: false })).toBe(
      readGolden('tools/netstat-tl.txt').stdout,
    );
  });

  it("shows - for the processes of others (the warning is the CLI's, on stderr)", () => {
    const golden = readGolden('tools/netstat-tulpn-user.txt');
    expect(
      formatNetstat('net-tools', {
        scope: 'listening',
        programs: true,
        rows: [socat, ...[proxy4, proxy6, httpd, dns].map(anonymous)],
        unix: false,
      }),
    ).toBe(`${golden.stdout}\n`);
  });

  it('cuts PID/name to 19 characters and an address with its port past 22', () => {
    const nginx = formatNetstat('net-tools', {
      scope: 'listening',
      programs: true,
      rows: [{ ...proxy4, program: '1/nginx: master process nginx -g daemon off;' }],
      unix: false,
    });
    expect(nginx.split('\n')[2]).toBe(
      `tcp        0      0 0.0.0.0:8080            0.0.0.0:*               LISTEN      1/nginx: master pro `,
    );
    const long = formatNetstat('net-tools', {
      scope: 'listening',
      programs: false,
      rows: [{ ...proxy6, localHost: 'fd00:dead:beef:1::1234', localPort: 'http-alt' }],
      unix: false,
    });
    expect(long.split('\n')[2]).toBe('tcp6       0      0 fd00:dead:beef:http-alt :::*                    LISTEN     ');
  });
});

describe('the BusyBox netstat printer', () => {
  it('prints -tln and -an with tcp for both families', () => {
    expect(
      formatNetstat('busybox', { scope: 'listening', programs: false, rows: [proxy4, proxy6, httpd], unix: false }),
    ).toBe(readGolden('tools/busybox-netstat-tln.txt').stdout);
    expect(
      formatNetstat('busybox', { scope: 'all', programs: false, rows: [proxy4, proxy6, httpd, dns], unix: true }),
    ).toBe(withoutUnixRows(readGolden('tools/busybox-netstat-an.txt').stdout));
  });

  // Debian's busybox is built without FEATURE_NETSTAT_PRG (busybox-netstat-tulpn.txt); the images'
  // builds have it: networking/netstat.c prints the banner after "State       " and "%.20s" after the state.
  it('prints -p as networking/netstat.c does', () => {
    const text = formatNetstat('busybox', {
      scope: 'listening',
      programs: true,
      rows: [{ ...proxy4, program: '1/nginx: master process nginx -g daemon off;' }],
      unix: false,
    });
    expect(text).toBe(
      'Active Internet connections (only servers)\nProto Recv-Q Send-Q Local Address           Foreign Address         State       PID/Program name    \ntcp        0      0 0.0.0.0:8080            0.0.0.0:*               LISTEN      1/nginx: master pro\n',
    );
  });
});

describe('the netstat -r printer', () => {
  const numeric: NetstatRouteRow[] = [
    { destination: '0.0.0.0', gateway: '172.17.0.1', genmask: '0.0.0.0', flags: 'UG', iface: 'eth0' },
    { destination: '172.17.0.0', gateway: '0.0.0.0', genmask: '255.255.0.0', flags: 'U', iface: 'eth0' },
  ];
  it('prints -rn (net-tools and BusyBox alike) and -r with names', () => {
    expect(formatNetstatRoutes(numeric)).toBe(readGolden('tools/netstat-rn.txt').stdout);
    expect(formatNetstatRoutes(numeric)).toBe(readGolden('tools/busybox-netstat-rn.txt').stdout);
    const named = [{ ...numeric[0]!, destination: 'default' }, numeric[1]!];
    expect(formatNetstatRoutes(named)).toBe(readGolden('tools/netstat-r.txt').stdout);
    expect(formatNetstatRoutes([named[0]!, { ...numeric[1]!, gateway: '*' }])).toBe(
      readGolden('tools/busybox-netstat-r.txt').stdout,
    );
  });
});
