// `npm run preview`: serves dist/ as a static host does (see static-host.mjs).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { staticHost } from './static-host.mjs';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4321' },
    host: { type: 'string', default: 'localhost' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  console.log('usage: npm run preview [-- --port N --host ADDRESS]   serves dist/ as a static host does');
  process.exit(0);
}
const dist = resolve('dist');
if (!existsSync(resolve(dist, 'index.html'))) {
  console.error('No built site in dist/: run `npm run build` first (`npm start` does both).');
  process.exit(2);
}
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port ${values.port}: a port is a whole number from 0 to 65535.`);
  process.exit(2);
}
const server = staticHost(dist);
server.on('error', (error) => {
  console.error(
    error.code === 'EADDRINUSE' ? `Port ${port} is taken: choose another with -- --port N.` : error.message,
  );
  process.exit(1);
});
server.listen(port, values.host, () => {
  const address = server.address();
  console.log(`Serving dist/ at http://${values.host}:${address.port}/`);
});
