import { Host } from '../../src/netsim/index';
import { DEBIAN_DOCKER_HOST } from '../../src/netsim/profile';

/**
 * The `full` layout of the Linux captures (golden/linux/layouts/full.sh) built with
 * docker commands: c1 publishing 8080:80, c2 on docker0, c3 on net1
 * (172.18.0.0/16). The capture's LAN router has no route to the internet.
 */
export function capturedLayout(): {
  host: Host;
  pidOf: (name: string) => number;
  inside: (name: string, command: string) => ReturnType<Host['run']>;
} {
  // capture.sh ran its commands back to back: no typing time between them.
  const host = Host.create({ seed: 11, profile: { ...DEBIAN_DOCKER_HOST, internet: false }, secondsPerCommand: 0 });
  for (const line of [
    'docker run -d -p 8080:80 --name c1 nginx',
    'docker run -d --name c2 nginx',
    'docker network create --subnet 172.18.0.0/16 net1',
    'docker run -d --network net1 --name c3 nginx',
  ]) {
    const result = host.run(line);
    if (result.exitCode !== 0) throw new Error(`${line}: ${result.stderr}`);
  }
  const pidOf = (name: string) => host.snapshot().engine.containers.find((c) => c.name === name)!.pid!;
  return { host, pidOf, inside: (name, command) => host.run(`sudo nsenter -t ${pidOf(name)} -n ${command}`) };
}

/** Round-trip and elapsed times are the only random parts of ping's output. */
export function withoutTimes(text: string): string {
  return text
    .replace(/time=[\d.]+ ms/g, 'time=T ms')
    .replace(/time \d+ms/g, 'time Tms')
    .replace(/rtt min\/avg\/max\/mdev = [\d./]+ ms/g, 'rtt min/avg/max/mdev = T ms');
}
