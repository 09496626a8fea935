#!/usr/bin/env node
// netsim: type commands at a simulated Docker host, or replay a file of them.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const usage = `Usage: netsim [options]              a prompt on a simulated Docker host
       netsim run FILE|- [options]     replays one command per line (a trailing \\ continues it)

Options (anywhere on the line):
  --seed N      the host's seed, a whole number (default 1): the same seed prints the same bytes
  --json        one JSON object per command (prompt, command, stdout, stderr, exitCode)
  -h, --help    this help
  -V, --version netsim's version and the host it simulates
`;

const tryHelp = "Try 'netsim --help' for more information.\n";

/** Options may come before or after `run FILE`, as users of other CLIs expect. */
function parseArguments(argv) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        seed: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'V', default: false },
      },
    });
  } catch (error) {
    const unknown = /Unknown option '([^']+)'/.exec(error.message);
    if (unknown) return { error: `netsim: unknown option ${unknown[1]}\n${tryHelp}` };
    const missing = /Option '--seed <value>' argument missing/.test(error.message);
    if (missing) return { error: `netsim: --seed needs a whole number, got nothing\n${tryHelp}` };
    const ambiguous = /Option '--seed' argument is ambiguous/.test(error.message);
    if (ambiguous) return { error: `netsim: write a negative seed as --seed=N, for example --seed=-3\n${tryHelp}` };
    return { error: `netsim: ${error.message}\n${tryHelp}` };
  }
  const { values, positionals } = parsed;
  if (values.help) return { help: true };
  if (values.version) return { version: true };
  const options = { seed: 1, json: values.json, file: undefined };
  if (values.seed !== undefined) {
    if (!/^-?\d+$/.test(values.seed))
      return { error: `netsim: --seed needs a whole number, got ${values.seed}\n${tryHelp}` };
    options.seed = Number(values.seed);
  }
  if (positionals.length > 0) {
    const [command, file, ...rest] = positionals;
    if (command !== 'run')
      return { error: `netsim: unknown command ${command} (did you mean run ${command}?)\n${tryHelp}` };
    if (file === undefined) return { error: `netsim: run needs a file, or - for standard input\n${tryHelp}` };
    if (rest.length > 0) return { error: `netsim: run takes one file, got ${[file, ...rest].join(' ')}\n${tryHelp}` };
    options.file = file;
  }
  return options;
}

/**
 * Joins lines into the commands a shell reads: a line ending in an unescaped
 * backslash goes on with the next, and so does one that leaves bash wanting
 * more (a here-document before its delimiter, an open quote: `needsMoreInput`).
 */
function commandLines(text, needsMoreInput) {
  const lines = [];
  let pending = '';
  let open = false;
  for (const line of text.split(/\r?\n/)) {
    const joined = open ? `${pending}\n${line}` : line;
    if (/(^|[^\\])(\\\\)*\\$/.test(line) || (joined.trim() !== '' && needsMoreInput(joined))) {
      pending = joined;
      open = true;
    } else {
      pending = '';
      open = false;
      if (joined.trim() !== '') lines.push(joined);
    }
  }
  if (open) lines.push(pending);
  return lines;
}

async function loadNetsim() {
  const entry = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'netsim', 'index.ts');
  const bundle = await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'browser',
    format: 'esm',
    write: false,
    logLevel: 'silent',
  });
  return import(`data:text/javascript;base64,${Buffer.from(bundle.outputFiles[0].text).toString('base64')}`);
}

/**
 * Runs one line; a simulator bug in it is one line on stderr (never the bundled
 * source a stack trace would quote), and the host goes on as it was before it.
 */
function runSafely(host, line) {
  const before = host.snapshot();
  try {
    return host.run(line);
  } catch (error) {
    host.restore(before);
    const message = `netsim: the simulator failed on this line (a bug in netsim, not in what you typed): ${error instanceof Error ? error.message : String(error)}\n`;
    return { prompt: host.prompt(), command: line, stdout: '', stderr: message, output: message, exitCode: 70 };
  }
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
} else if (options.version) {
  const { version } = JSON.parse(
    readFileSync(join(dirname(fileURLToPath(import.meta.url)), '..', 'package.json'), 'utf8'),
  );
  const { SIMULATED_DOCKER_RELEASE } = await loadNetsim();
  process.stdout.write(`netsim ${version}: Debian 13 with Docker Engine ${SIMULATED_DOCKER_RELEASE}\n`);
} else if (options.error) {
  process.stderr.write(options.error);
  process.exitCode = 2;
} else {
  const { Host, needsMoreInput } = await loadNetsim();
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
    for (const line of commandLines(text, needsMoreInput)) {
      const result = runSafely(host, line);
      show(result, options.json);
      last = result.exitCode;
    }
    process.exitCode = last;
  } else {
    // The prompt follows the session: `root@<id>:/# ` inside a container, `usuario@lan-pc:~$ ` over ssh,
    // `$ ` at the host's own login shell, where `exit` ends netsim.
    const prompt = createInterface({ input: process.stdin, output: process.stdout, prompt: host.prompt() });
    let closed = false;
    prompt.on('close', () => (closed = true));
    prompt.prompt();
    // A command bash would read more of (a here-document, an open quote, a trailing `\`) gathers lines after `> ` (PS2).
    let pending;
    prompt.on('line', (line) => {
      // Lines piped after `exit` still arrive: netsim has ended, they are not run.
      if (closed) return;
      const command = pending === undefined ? line : `${pending}\n${line}`;
      if (needsMoreInput(command)) {
        pending = command;
        prompt.setPrompt('> ');
        return prompt.prompt();
      }
      pending = undefined;
      if (command.trim() === 'exit' && host.prompt() === '$ ') return prompt.close();
      process.stdout.write(runSafely(host, command).output);
      prompt.setPrompt(host.prompt());
      prompt.prompt();
    });
  }
}
