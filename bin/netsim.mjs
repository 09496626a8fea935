#!/usr/bin/env node
// netsim: type commands at a simulated Docker host, or replay a file of them.
//   netsim                      interactive prompt
//   netsim run FILE|-           one command per line (a trailing \ continues it)
//   --json                      one JSON object per command instead of a transcript
//   --seed N                    the host's seed (default 1)
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const usage = 'Usage: netsim [--seed N] [--json] [run FILE|-]\n';

function parseArguments(argv) {
  const options = { seed: 1, json: false, file: undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--json') options.json = true;
    else if (arg === '--seed') {
      const value = argv[++i];
      if (value === undefined || !/^-?\d+$/.test(value)) return { error: `netsim: --seed needs a whole number, got ${value ?? 'nothing'}\n${usage}` };
      options.seed = Number(value);
    } else if (arg === 'run') {
      options.file = argv[++i];
      if (options.file === undefined) return { error: `netsim: run needs a file, or - for standard input\n${usage}` };
    } else if (arg === '-h' || arg === '--help') return { help: true };
    else return { error: `netsim: unknown argument ${arg}\n${usage}` };
  }
  return options;
}

/** Joins lines ending in an unescaped backslash with the next, as a shell reads them. */
function commandLines(text) {
  const lines = [];
  let pending = '';
  for (const line of text.split(/\r?\n/)) {
    const joined = pending ? `${pending}\n${line}` : line;
    if (/(^|[^\\])(\\\\)*\\$/.test(line)) pending = joined;
    else {
      pending = '';
      if (joined.trim() !== '') lines.push(joined);
    }
  }
  if (pending) lines.push(pending);
  return lines;
}

async function loadNetsim() {
  const entry = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'netsim', 'index.ts');
  const bundle = await build({ entryPoints: [entry], bundle: true, platform: 'browser', format: 'esm', write: false, logLevel: 'silent' });
  return import(`data:text/javascript;base64,${Buffer.from(bundle.outputFiles[0].text).toString('base64')}`);
}

function show(result, json) {
  if (json) {
    const { prompt, command, stdout, stderr, exitCode } = result;
    process.stdout.write(`${JSON.stringify({ prompt, command, stdout, stderr, exitCode })}\n`);
  } else {
    // What the terminal showed: stdout and stderr interleaved as they were written (pull progress before the ID).
    process.stdout.write(`${result.prompt}${result.command}\n${result.output}`);
  }
}

const options = parseArguments(process.argv.slice(2));
if (options.help) {
  process.stdout.write(usage);
} else if (options.error) {
  process.stderr.write(options.error);
  process.exitCode = 2;
} else {
  const { Host } = await loadNetsim();
  const host = Host.create({ seed: options.seed });
  if (options.file !== undefined) {
    let text;
    try {
      text = readFileSync(options.file === '-' ? 0 : options.file, 'utf8');
    } catch (error) {
      process.stderr.write(`netsim: cannot read ${options.file}: ${error.message}\n`);
      process.exit(1);
    }
    let last = 0;
    for (const line of commandLines(text)) {
      const result = host.run(line);
      show(result, options.json);
      last = result.exitCode;
    }
    process.exitCode = last;
  } else {
    // The prompt follows the session: `root@<id>:/# ` inside a container, `$ ` on the host, where `exit` ends netsim.
    const prompt = createInterface({ input: process.stdin, output: process.stdout, prompt: host.prompt() });
    prompt.prompt();
    prompt.on('line', (line) => {
      if (line.trim() === 'exit' && host.currentContainer() === undefined) return prompt.close();
      process.stdout.write(host.run(line).output);
      prompt.setPrompt(host.prompt());
      prompt.prompt();
    });
  }
}
