import { describe, expect, it } from 'vitest';
import { Host } from '../../../src/netsim/index';
import { captured } from './trixie-clients';

/** ss -s against golden/linux/session.trixie-clients.txt: iproute2 6.15 in a namespace where nginx listens on 0.0.0.0 and [::]. */
describe('ss -s', () => {
  const tableOf = (text: string) => text.slice(text.indexOf('\nTransport'));

  it("prints the summary's table as ss.c print_summary does, and nothing else without a table asked for", () => {
    const host = Host.create();
    host.run('docker run -d --network host --name web nginx');
    const result = host.run('ss -s');
    expect(result.exitCode).toBe(0);
    expect(tableOf(result.stdout)).toBe(tableOf(captured('ss -s').output));
    // Only nginx's two sockets, in this namespace and in the kernel: none closed, none in TIME_WAIT.
    expect(result.stdout.split('\n').slice(0, 2)).toEqual([
      'Total: 2',
      'TCP:   2 (estab 0, closed 0, orphaned 0, timewait 0)',
    ]);
  });

  it('prints the sockets after it when an option chose them (-t), packed into a pipe', () => {
    const host = Host.create();
    host.run('docker run -d --network host --name web nginx');
    const step = captured('ss -s -t');
    expect(tableOf(host.run('ss -s -t | cat').stdout)).toBe(tableOf(step.output));
  });

  it("counts TCP sockets of every namespace as allocated, and this namespace's TIME_WAIT ones", () => {
    const host = Host.create();
    host.run('docker run -d --name web -p 8080:80 nginx');
    host.run('curl -s -o /dev/null http://localhost:8080');
    const [total, tcp] = host.run('ss -s').stdout.split('\n');
    // docker-proxy's two sockets here, nginx's two in the container; curl's and docker-proxy's connections wait here.
    expect(total).toBe('Total: 2');
    expect(tcp).toBe('TCP:   6 (estab 0, closed 4, orphaned 0, timewait 2)');
  });
});
