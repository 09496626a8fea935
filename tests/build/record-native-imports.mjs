// Preloaded (node --import) by warm-build-loads-no-netsim.test.ts: lets Node import the
// project's TypeScript as Vite does (extensionless imports, JSON without import attributes),
// and prints, at exit, every module of the project that was evaluated.
import { existsSync } from 'node:fs';
import { registerHooks } from 'node:module';
import { fileURLToPath } from 'node:url';

const evaluated = [];
const ownSource = (url) => url?.startsWith('file:') && !url.includes('/node_modules/');

registerHooks({
  resolve(specifier, context, nextResolve) {
    if (ownSource(context.parentURL) && /^\.\.?\//.test(specifier) && !/\.[cm]?[jt]s$|\.json$/.test(specifier)) {
      const url = new URL(`${specifier}.ts`, context.parentURL);
      if (existsSync(fileURLToPath(url))) return { url: url.href, shortCircuit: true };
    }
    return nextResolve(specifier, context);
  },
  load(url, context, nextLoad) {
    if (!ownSource(url)) return nextLoad(url, context);
    evaluated.push(url);
    if (url.endsWith('.json') && context.importAttributes?.type === undefined)
      return nextLoad(url, { ...context, importAttributes: { type: 'json' } });
    return nextLoad(url, context);
  },
});

process.on('exit', () => process.stdout.write(`${JSON.stringify(evaluated)}\n`));
