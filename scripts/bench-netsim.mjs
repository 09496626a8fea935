// Measures netsim as readers' browsers and the build meet it: commands per second
// on a simulated host, and the gzipped size of the browser bundle.
import { build } from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

const bundle = await build({
  entryPoints: ['src/netsim/index.ts'],
  bundle: true,
  minify: true,
  platform: 'browser',
  format: 'esm',
  write: false,
  logLevel: 'silent',
});
const code = bundle.outputFiles[0].text;
console.log(
  `netsim browser bundle                  ${(code.length / 1024).toFixed(1)} KiB minified, ${(gzipSync(code).length / 1024).toFixed(1)} KiB gzipped`,
);

const dir = mkdtempSync(join(tmpdir(), 'netsim-bench-'));
const file = join(dir, 'netsim.mjs');
writeFileSync(file, code);
const { Host } = await import(pathToFileURL(file).href);
rmSync(dir, { recursive: true, force: true });

function rate(label, lines, seconds = 2) {
  const host = Host.create({ seed: 1 });
  for (const line of lines) host.run(line);
  let count = 0;
  const start = performance.now();
  while (performance.now() - start < seconds * 1000) {
    for (const line of lines) host.run(line);
    count += lines.length;
  }
  const perSecond = count / ((performance.now() - start) / 1000);
  console.log(`${label.padEnd(38)} ${Math.round(perSecond).toLocaleString('en')} commands/s`);
}

rate('simple commands (ls, ip a, ip route)', ['docker network ls', 'ip a', 'ip route', 'ip -br link']);
rate('network create + rm', ['docker network create red1', 'docker network rm red1']);

const start = performance.now();
const host = Host.create({ seed: 1 });
for (let i = 0; i < 100; i++) host.run(`docker network create --subnet 10.${i}.0.0/16 net${i}`);
console.log(`${'100 networks created'.padEnd(38)} ${(performance.now() - start).toFixed(1)} ms`);

const containersStart = performance.now();
const busy = Host.create({ seed: 1 });
busy.run('docker network create red1');
for (let i = 0; i < 100; i++) busy.run(`docker run -dit --name c${i} --network red1 alpine`);
const startedMs = performance.now() - containersStart;
const listStart = performance.now();
busy.run('ip a');
busy.run('sudo iptables -t raw -S');
console.log(
  `${'100 containers started on one network'.padEnd(38)} ${startedMs.toFixed(1)} ms (then ip a + iptables -S: ${(performance.now() - listStart).toFixed(1)} ms)`,
);
console.log(
  `${'snapshot of that host'.padEnd(38)} ${(JSON.stringify(busy.snapshot(), (_, v) => (v instanceof Map ? [...v] : v)).length / 1024).toFixed(0)} KiB as JSON`,
);

// Every container pings every other once, each ping a real trip through both
// namespaces' stacks and the bridge (nsenter runs the host's ping inside each).
const pids = busy.snapshot().engine.containers.map((c) => c.pid);
const addresses = busy.snapshot().engine.containers.map((c) => c.endpoints[0].address.address);
const dotted = (n) => [24, 16, 8, 0].map((shift) => (n >>> shift) & 255).join('.');
const pingStart = performance.now();
let answered = 0;
for (const pid of pids) {
  for (const address of addresses) {
    const result = busy.run(`sudo nsenter -t ${pid} -n ping -c 1 -W 1 ${dotted(address)}`);
    if (result.exitCode === 0) answered++;
  }
}
const pingMs = performance.now() - pingStart;
const heapMb = process.memoryUsage().heapUsed / 1024 / 1024;
console.log(
  `${'100 containers ping every other'.padEnd(38)} ${pingMs.toFixed(0)} ms for ${pids.length * addresses.length} pings (${answered} answered), heap ${heapMb.toFixed(0)} MiB`,
);

// A seed-sized session: the command lines of the course's five source articles,
// in order, on one host (as tests/netsim/seeds runs them), shells and Ctrl-C included.
const SEED_LINES = [
  'docker run -it --rm debian bash -c "ip a"',
  'ip a',
  'docker network ls',
  'docker run -d --name mi_servidor --network host josedom24/aplicacionweb:v1',
  'docker ps',
  'docker network create --subnet 172.28.0.0/16 --gateway 172.28.0.1 red1',
  'docker network create red2',
  'docker run -d --name my-apache-app --network red1 -p 8080:80 httpd:2.4',
  'docker run -it --name contenedor1 --network red1 debian bash',
  'apt update && apt install dnsutils -y',
  'dig my-apache-app',
  'exit',
  'docker network connect red2 contenedor1',
  'docker start contenedor1',
  'docker attach contenedor1',
  'ip a',
  'exit',
  'docker network create red_wp',
  'docker run -d --name servidor_mysql --network red_wp -v /opt/mysql_wp:/var/lib/mysql -e MYSQL_DATABASE=bd_wp -e MYSQL_USER=user_wp -e MYSQL_PASSWORD=asdasd -e MYSQL_ROOT_PASSWORD=asdasd mariadb',
  'docker run -d --name servidor_wp --network red_wp -v /opt/wordpress:/var/www/html/wp-content -e WORDPRESS_DB_HOST=servidor_mysql -e WORDPRESS_DB_USER=user_wp -e WORDPRESS_DB_PASSWORD=asdasd -e WORDPRESS_DB_NAME=bd_wp -p 80:80',
  'wordpress',
  'docker ps',
  'sudo docker container run -ti -p 8081:80 linuxtips/apache:1.0 /bin/bash',
  'ps -ef',
  '/etc/init.d/apache2 start',
  'ps -ef',
  'ip addr',
  '^P^Q',
  'curl 172.17.0.2:80',
  'curl 192.168.1.10:8081',
  'sudo iptables -L -n',
  'sudo iptables -L -n -t nat',
  'docker run --network none nginx',
  'docker run --network host nginx',
  'curl localhost',
  'docker network ls',
  'ip link show docker0',
  'ip addr show docker0',
  'docker run -d nginx',
  'docker inspect $(docker ps -lq)',
  'curl 172.17.0.3',
  'ip addr | grep docker',
  "sudo nsenter -t $(docker inspect -f '{{.State.Pid}}' $(docker ps -lq)) -n ip addr",
  'docker container rm $(docker ps -lq) --force',
  'ip addr | grep docker',
  'docker run -d --name=nginx nginx',
  'docker inspect nginx | grep "IPAddress"',
  'docker run -it --name ubuntu ubuntu bash',
  'apt update; apt install iputils-ping -y',
  'ping 172.17.0.2',
  'exit',
  'docker run -d -p 8082:80 nginx',
  'curl http://localhost:8082',
  'sudo iptables -nvL -t nat | grep 8082',
  'docker network create --driver bridge mon-bridge',
  'docker network ls',
  'docker network inspect mon-bridge',
  'docker network create bridge --subnet=172.16.86.0/24 --gateway=172.16.86.1 mon-bridge',
  'docker run -dit --name alpine1 --network mon-bridge alpine',
  'docker run -dit --name alpine2 --network mon-bridge alpine',
  'docker network inspect mon-bridge',
  'docker exec alpine1 ping -c 1 alpine2',
  'docker exec alpine2 ping -c 1 alpine1',
  'docker network create --driver host mon-host',
  'docker run --rm -d --network host --name my_httpd httpd',
  'sudo netstat -tulpn | grep :80',
  'docker container stop my_httpd',
  'docker network disconnect mon-bridge alpine1',
  'docker network disconnect mon-bridge alpine2',
  'docker exec alpine1 ip a',
  'docker network rm mon-bridge',
  'docker network connect bridge alpine1',
  'docker network connect bridge alpine2',
  "docker inspect -f '{{.Name}} - {{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' $(docker ps -aq)",
];
const seedStart = performance.now();
const seedHost = Host.create({ seed: 1 });
for (const line of SEED_LINES) seedHost.run(line);
console.log(
  `${'seed-sized session'.padEnd(38)} ${(performance.now() - seedStart).toFixed(1)} ms for ${SEED_LINES.length} command lines`,
);

// The worst shapes of input found so far: each must end in bounded time, not in minutes or a crash.
console.log('\nworst inputs (each on a fresh host):');
for (const line of [
  'docker run -d -p 1-65535:1-65535 nginx',
  'docker run -d --expose 1-20000 -P nginx',
  'ping -c 4294967296 192.168.1.1',
  `echo ${'$(echo '.repeat(300)}x${')'.repeat(300)}`,
  "docker ps -a --format '{{pad .ID 1000000000 0}}'",
]) {
  const host = Host.create({ seed: 1 });
  const start = performance.now();
  let outcome;
  try {
    outcome = `exit ${host.run(line).exitCode}`;
  } catch (error) {
    outcome = `threw ${error.constructor.name}`;
  }
  console.log(`${line.slice(0, 46).padEnd(48)} ${(performance.now() - start).toFixed(0).padStart(6)} ms  ${outcome}`);
}
