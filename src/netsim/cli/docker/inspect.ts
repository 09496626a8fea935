import { toolModule } from '../tool-loader';
import type { Engine } from '../../engine/engine';
import { EngineError } from '../../engine/errors';
import { inspectNetwork } from '../../engine/inspect-network';
import { inspectVolume } from '../../engine/volumes';
import { runDueProbes } from './health-probes';
import {
  compileTemplate,
  renderInspectTemplate,
  TemplateError,
  TemplateExecError,
  type Template,
} from '../../format/go-template';
import { fail, type CommandResult } from '../command';
import { daemonErrorText, type CommandSpec, type DockerContext } from './cobra';

/** What looking one reference up gives: the API object, or the error text the CLI prints for it. */
type Lookup = { found: unknown } | { error: string };

const FORMAT_FLAG = { name: 'format', short: 'f', takesValue: true };

/**
 * docker/cli's inspect.Inspect: every reference looked up in turn, the objects
 * printed together (an indented JSON array, one compact array for `json`, or the
 * template once per object, typed first and then on the raw JSON), then the
 * errors, each on its own line, with status 1. A template that does not parse
 * stops everything with status 64.
 */
export function inspectReferences(
  references: readonly string[],
  format: string | undefined,
  lookup: (reference: string) => Lookup,
): CommandResult {
  let template: Template | undefined;
  if (format !== undefined && format !== '' && format !== 'json') {
    try {
      template = compileTemplate(format);
    } catch (error) {
      if (error instanceof TemplateError) return fail(`template parsing error: ${error.message}\n`, 64);
      throw error;
    }
  }
  const found: unknown[] = [];
  const errors: string[] = [];
  let rendered = '';
  for (const reference of references) {
    const result = lookup(reference);
    if ('error' in result) {
      errors.push(result.error);
      continue;
    }
    if (!template) {
      found.push(result.found);
      continue;
    }
    try {
      rendered += `${renderInspectTemplate(template, result.found)}\n`;
    } catch (error) {
      if (!(error instanceof TemplateExecError)) throw error;
      errors.push(`template parsing error: ${error.message}`);
    }
  }
  let stdout: string;
  if (template) stdout = rendered === '' ? '\n' : rendered;
  else if (format === 'json') stdout = `${JSON.stringify(found)}\n`;
  else stdout = found.length === 0 ? '[]\n' : `${JSON.stringify(found, null, 4)}\n`;
  return { stdout, stderr: errors.map((error) => `${error}\n`).join(''), exitCode: errors.length > 0 ? 1 : 0 };
}

/** The daemon's error as the client reports it, or the lookup's result. */
function viaDaemon(call: () => unknown): Lookup {
  try {
    return { found: call() };
  } catch (error) {
    return { error: daemonErrorText(error).trimEnd() };
  }
}

function notFound(call: () => unknown): Lookup | undefined {
  try {
    return { found: call() };
  } catch (error) {
    if (error instanceof EngineError && error.kind === 'not-found') return undefined;
    throw error;
  }
}

const OBJECT_TYPES = [
  'config',
  'container',
  'image',
  'network',
  'node',
  'plugin',
  'secret',
  'service',
  'task',
  'volume',
];

/** system/inspect.go inspectAll: containers, images, networks, then the rest; the first match wins. */
export function lookupAny(engine: Engine, type: string, reference: string): Lookup {
  // The container's inspect document is a module of its own, fetched the first time a line inspects one.
  const container = () =>
    toolModule('inspect').inspectContainer(engine.containers.find(reference), engine.networks.list());
  const network = () =>
    inspectNetwork(
      engine.networks.find(reference),
      engine.containers.list(),
      engine.networks.list(),
      engine.swarm.state(),
    );
  const image = () => engine.images.inspect(reference);
  const volume = () => inspectVolume(engine.volumes.find(reference));
  switch (type) {
    case 'container':
      return viaDaemon(container);
    case 'network':
      return viaDaemon(network);
    case 'image':
      return viaDaemon(image);
    case 'volume':
      return viaDaemon(volume);
    case '':
      return (
        notFound(container) ??
        notFound(image) ??
        notFound(network) ??
        notFound(volume) ?? { error: `error: no such object: ${reference}` }
      );
    default:
      // Plugins and swarm objects: this host has none.
      return { error: `error: no such object: ${reference}` };
  }
}

const inspect: CommandSpec<DockerContext> = {
  path: 'docker inspect',
  usage: '[OPTIONS] NAME|ID [NAME|ID...]',
  args: { kind: 'at-least', count: 1 },
  flags: [FORMAT_FLAG, { name: 'type', takesValue: true }],
  run({ values, positionals }, { engine, terminal }) {
    runDueProbes(engine, terminal);
    const type = values.get('type')?.at(-1);
    const list = OBJECT_TYPES.map((t) => `"${t}"`).join(', ');
    if (type === '') return fail(`type is empty: must be one of ${list}\n`, 1);
    if (type !== undefined && !OBJECT_TYPES.includes(type))
      return fail(`unknown type: ${JSON.stringify(type)}: must be one of ${list}\n`, 1);
    return inspectReferences(positionals, values.get('format')?.at(-1), (reference) =>
      lookupAny(engine, type ?? '', reference),
    );
  },
};

const containerInspect: CommandSpec<DockerContext> = {
  path: 'docker container inspect',
  usage: '[OPTIONS] CONTAINER [CONTAINER...]',
  args: { kind: 'at-least', count: 1 },
  flags: [FORMAT_FLAG],
  run({ values, positionals }, { engine, terminal }) {
    runDueProbes(engine, terminal);
    return inspectReferences(positionals, values.get('format')?.at(-1), (reference) =>
      lookupAny(engine, 'container', reference),
    );
  },
};

/** `docker image inspect` (docker/cli v29.7.2 cli/command/image/inspect.go); --platform is accepted and, with one platform per image here, changes nothing. */
const imageInspect: CommandSpec<DockerContext> = {
  path: 'docker image inspect',
  usage: '[OPTIONS] IMAGE [IMAGE...]',
  args: { kind: 'at-least', count: 1 },
  flags: [FORMAT_FLAG, { name: 'platform', takesValue: true }],
  run({ values, positionals }, { engine }) {
    return inspectReferences(positionals, values.get('format')?.at(-1), (reference) =>
      lookupAny(engine, 'image', reference),
    );
  },
};

export const INSPECT_COMMANDS = { inspect, containerInspect, imageInspect };
