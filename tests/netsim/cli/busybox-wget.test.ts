import { describe, expect, it } from 'vitest';
import { readGolden } from '../golden';
import { hostWithSeed } from '../host-fixtures';

const hostAfter = hostWithSeed(9);
const layout = () => hostAfter('docker network create red', 'docker run -d --network red --name web nginx', 'docker run -d --network red --name box --hostname caja alpine sleep 1d', 'docker run -d --name solo busybox sleep 1d');

describe('BusyBox wget -qO-', () => {
  it.each(['busybox-wget-refused.txt', 'busybox-wget-bad-address.txt'])('%s', (file) => {
    const golden = readGolden(`tools/${file}`);
    const result = layout().run(`docker exec box ${golden.command!.replace(/^busybox /, '')}`);
    expect({ stdout: result.stdout, stderr: result.stderr, exitCode: result.exitCode }).toEqual({ stdout: golden.stdout, stderr: golden.stderr, exitCode: golden.exitCode });
  });

  it("fetches nginx's page by the container's name on a user network", () => {
    const result = layout().run('docker exec box wget -qO- http://web/');
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('<title>Welcome to nginx!</title>');
  });

  it('cannot resolve it from the default bridge', () => {
    expect(layout().run('docker exec solo wget -qO- http://web/')).toMatchObject({ stderr: "wget: bad address 'web'\n", exitCode: 1 });
  });
});

describe('hostname', () => {
  it("prints the container's hostname inside it, and the host's outside", () => {
    const host = layout();
    expect(host.run('docker exec box hostname').stdout).toBe('caja\n');
    expect(host.run('hostname').stdout).toBe('docker-host\n');
  });
});
