// Measures netsim as readers' browsers and the build meet it: commands per second
// on a simulated host, and the gzipped size of the browser bundle.
import { build } from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

const bundle = await build({ entryPoints: ['src/netsim/index.ts'], bundle: true, minify: true, platform: 'browser', format: 'esm', write: false, logLevel: 'silent' });
const code = bundle.outputFiles[0].text;
console.log(`netsim browser bundle                  ${(code.length / 1024).toFixed(1)} KiB minified, ${(gzipSync(code).length / 1024).toFixed(1)} KiB gzipped`);

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
console.log(`${'100 containers started on one network'.padEnd(38)} ${startedMs.toFixed(1)} ms (then ip a + iptables -S: ${(performance.now() - listStart).toFixed(1)} ms)`);
console.log(`${'snapshot of that host'.padEnd(38)} ${(JSON.stringify(busy.snapshot(), (_, v) => (v instanceof Map ? [...v] : v)).length / 1024).toFixed(0)} KiB as JSON`);

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
console.log(`${'100 containers ping every other'.padEnd(38)} ${pingMs.toFixed(0)} ms for ${pids.length * addresses.length} pings (${answered} answered), heap ${heapMb.toFixed(0)} MiB`);
