import { describe, expect, it } from 'vitest';
import { Host } from '../../../src/netsim/index';
import { DEBIAN_DOCKER_HOST } from '../../../src/netsim/profile';
import { readGolden } from '../golden';

/**
 * curl 8.14.1's -v trace, progress meter and timeouts, against captures made
 * with curl built from the curl-8_14_1 tag and a stand-in that answers as the
 * simulated nginx does (golden/curl8/capture.sh). The simulated host runs
 * nginx on its own network, so 127.0.0.1:80 and [::1]:80 reach it as they
 * reached the stand-in.
 *
 * What differs between a capture and the simulator, and is masked here: the
 * Date header; the ephemeral port in `connect to ... from ... port N`; the
 * speeds in the meter's last frame (microseconds the simulator does not model);
 * the address nothing answers (10.99.0.2 in the capture, 172.17.0.99 here);
 * 2002 ms where curl 7.88.1 said 2001 for the same --max-time 2 (timer jitter,
 * both exactly one timer tick late). curl 7.88.1 (Debian 12, the machine the
 * other captures come from) differs in its words: `Connected to ... port 80 (#0)`,
 * no `using HTTP/1.x` nor `Request completely sent off`, `Closing connection 0`,
 * no `Host ... was resolved.` block, and it asks the system resolver for
 * localhost instead of answering ::1 and 127.0.0.1 itself.
 *
 * On a terminal curl (7.88 and 8.14 alike) writes -i/-I header names in bold
 * (`ESC[1mServerESC[0m:`, tool_cb_hdr.c) and Location as an OSC 8 link, as the
 * simulator does; lessons drop the escapes when they store the text. The
 * captures without a terminal had stdout in a file: here, a pipe.
 */
function nginxOnHostNetwork(): Host {
  const host = Host.create({ seed: 5, profile: { ...DEBIAN_DOCKER_HOST, internet: false }, secondsPerCommand: 0 });
  expect(host.run('docker run -d --network host --name web nginx').exitCode).toBe(0);
  return host;
}

const mask = (text: string) =>
  text
    .replace(/^(< |\x1b\[1m)?Date(\x1b\[0m)?: .*\r$/gm, '$1Date$2: D\r')
    .replace(/ port \d+ failed/g, ' port P failed')
    .replace(
      /(\r100 +\d+ +100 +\d+ +0 +0) +[\dk]+ +0 --:--:-- --:--:-- --:--:-- +[\dk]+/g,
      '$1 SPEED 0 --:--:-- --:--:-- --:--:-- SPEED',
    )
    .replaceAll('10.99.0.2', '172.17.0.99')
    .replace(/after 200[12] milliseconds/g, 'after 2001 milliseconds')
    .replace(/after 100[1-3] milliseconds/g, 'after 1001 milliseconds');

/** A pseudo-terminal turns each LF into CR LF; the capture saw both streams through it. */
const onTerminal = (output: string) => output.replaceAll('\n', '\r\n');

describe('curl 8.14.1 on a terminal', () => {
  it.each([
    'v',
    'v-localhost',
    'v-404',
    'v-refused',
    'Iv',
    'v-o-devnull',
    'o-devnull',
    'o-refused',
    'so-devnull',
    'v-timeout',
    'v-connect-timeout',
    'o-timeout',
  ])('%s', (name) => {
    const golden = readGolden(`curl8/${name}.txt`);
    const host = nginxOnHostNetwork();
    const command = golden.command!.replaceAll('10.99.0.2', '172.17.0.99');
    const result = host.run(command);
    expect({ output: mask(onTerminal(result.output)), exitCode: result.exitCode }).toEqual({
      output: mask(golden.stdout),
      exitCode: golden.exitCode,
    });
  });
});

describe('curl 8.14.1 without a terminal', () => {
  it.each(['i-404', 'I', 'sS-connect-timeout'])('%s', (name) => {
    const golden = readGolden(`curl8/${name}.txt`);
    const host = nginxOnHostNetwork();
    const result = host.run(`${golden.command!.replaceAll('10.99.0.2', '172.17.0.99')} > out.txt`);
    const stdout = host.run('cat out.txt').stdout;
    expect({ stdout: mask(stdout), stderr: mask(result.stderr), exitCode: result.exitCode }).toEqual({
      stdout: mask(golden.stdout),
      stderr: mask(golden.stderr ?? ''),
      exitCode: golden.exitCode,
    });
  });
});

describe('curl -o', () => {
  it('writes the body where the shell keeps files', () => {
    const host = nginxOnHostNetwork();
    expect(host.run('curl -s -o page.html http://127.0.0.1/').output).toBe('');
    expect(host.run('grep -c nginx < page.html').stdout).toBe('6\n');
  });
});

describe('curl -L', () => {
  it("follows WordPress's redirect to its set-up wizard and prints that page; without -L it prints the empty 302 body", () => {
    const host = Host.create({ seed: 4, profile: { ...DEBIAN_DOCKER_HOST, pulledImages: ['wordpress'] } });
    host.run('docker run -d --name wp -p 8080:80 wordpress');
    expect(host.run('curl -s localhost:8080')).toMatchObject({ stdout: '', exitCode: 0 });
    const followed = host.run('curl -sSL localhost:8080');
    expect(followed.exitCode).toBe(0);
    expect(followed.stdout).toContain('<title>WordPress &rsaquo; Setup Configuration File</title>');
    // curl 8's verbose trace names the second request (lib/transfer.c, "Issue another request to this URL").
    expect(host.run('curl -vL localhost:8080').stderr).toContain(
      "* Issue another request to this URL: 'http://localhost:8080/wp-admin/setup-config.php'\n",
    );
  });
});
