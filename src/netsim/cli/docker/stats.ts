import type { Container } from '../../engine/container';
import { EngineError } from '../../engine/errors';
import { HOST_MEM_TOTAL_KB } from '../../engine/host-processes';
import { formatList } from '../../format/docker-formatter';
import { humanSize } from '../../format/docker-images';
import { bytesSize } from '../../format/docker-info';
import { goStruct } from '../../wire/go-value';
import { fail, ok, type CommandResult, type TerminalControl } from '../command';
import type { Engine } from '../../engine/engine';
import type { CommandSpec, DockerContext } from './cobra';

/** formatter_stats.go: the Linux default table and its titles. */
const DEFAULT_TABLE =
  'table {{.ID}}\t{{.Name}}\t{{.CPUPerc}}\t{{.MemUsage}}\t{{.MemPerc}}\t{{.NetIO}}\t{{.BlockIO}}\t{{.PIDs}}';
const HEADER = {
  Container: 'CONTAINER',
  Name: 'NAME',
  ID: 'CONTAINER ID',
  CPUPerc: 'CPU %',
  MemUsage: 'MEM USAGE / LIMIT',
  MemPerc: 'MEM %',
  NetIO: 'NET I/O',
  BlockIO: 'BLOCK I/O',
  PIDs: 'PIDS',
};

/** formatPercentage: strconv.FormatFloat(val, 'f', 2, 64) + "%". */
const percent = (value: number) => `${value.toFixed(2)}%`;

/**
 * One StatsEntry as the daemon's first sample makes it, deterministic here: the
 * simulation spends no CPU time and does no block I/O, the links count no bytes
 * (ip -s and ifconfig show the same zeros), the memory in use is what the
 * container's processes hold resident, and the limit, with no --memory, is the
 * host's memory. A container that is not running reports zeros, and no limit.
 */
function statsEntry(
  container: Container,
  given: string,
  memoryKb: number,
  pids: number,
  trunc: boolean,
): Record<string, unknown> {
  const running = container.status === 'running';
  const memory = running ? memoryKb * 1024 : 0;
  const limit = running ? HOST_MEM_TOTAL_KB * 1024 : 0;
  return goStruct({
    Container: given,
    Name: container.name,
    ID: trunc ? container.id.slice(0, 12) : container.id,
    CPUPerc: percent(0),
    MemUsage: `${bytesSize(memory)} / ${bytesSize(limit)}`,
    MemPerc: percent(limit === 0 ? 0 : (memory / limit) * 100),
    NetIO: `${humanSize(0)} / ${humanSize(0)}`,
    BlockIO: `${humanSize(0)} / ${humanSize(0)}`,
    PIDs: String(pids),
  });
}

/** One sample of the chosen containers, as RunStats prints it once (`docker compose stats` passes its own filter). */
export function statsSample(
  engine: Engine,
  terminal: TerminalControl | undefined,
  chosen: readonly { container: Container; given: string }[],
  trunc: boolean,
  format: string,
): CommandResult {
  if (chosen.length === 0) return ok();
  const rows = chosen.map(({ container, given }) => {
    const processes =
      container.status === 'running' ? engine.processes.inContainer(container.id, terminal?.shells?.() ?? []) : [];
    return statsEntry(
      container,
      given,
      processes.reduce((sum, p) => sum + p.rssKb, 0),
      processes.length,
      trunc,
    );
  });
  const output = formatList({
    format: format === 'table' ? DEFAULT_TABLE : format,
    header: HEADER,
    rows,
    typeName: '*container.statsContext',
  });
  return output.ok ? ok(output.text) : fail(`${output.error}\n`, 1);
}

/**
 * `docker stats --no-stream` (docker/cli v29.7.2 cli/command/container/stats.go):
 * the running containers, or all with -a, or those named; one sample, printed
 * once. The live view, which redraws the screen every half second until Ctrl-C,
 * is not modelled.
 */
export const stats: CommandSpec<DockerContext> = {
  path: 'docker stats',
  usage: '[OPTIONS] [CONTAINER...]',
  args: { kind: 'at-least', count: 0 },
  flags: [
    { name: 'all', short: 'a', takesValue: false },
    { name: 'no-stream', takesValue: false },
    { name: 'no-trunc', takesValue: false },
    { name: 'format', takesValue: true },
  ],
  run({ values, positionals }, { engine, terminal }) {
    if (!values.has('no-stream'))
      return fail(
        'This simulator prints docker stats with --no-stream only: the live view redraws the screen until Ctrl-C.\n',
        1,
      );
    const trunc = !values.has('no-trunc');
    const newestFirst = [...engine.containers.list()].reverse();
    let chosen: { container: Container; given: string }[];
    if (positionals.length > 0) {
      const errors: string[] = [];
      chosen = positionals.flatMap((reference) => {
        try {
          return [{ container: engine.containers.find(reference), given: reference }];
        } catch (error) {
          if (!(error instanceof EngineError)) throw error;
          errors.push(`Error response from daemon: ${error.message}`);
          return [];
        }
      });
      if (errors.length > 0) return fail(`${errors.join('\n')}\n`, 1);
    } else {
      chosen = newestFirst
        .filter((c) => values.has('all') || c.status === 'running')
        .map((container) => ({ container, given: trunc ? container.id.slice(0, 12) : container.id }));
    }
    return statsSample(engine, terminal, chosen, trunc, values.get('format')?.at(-1) || 'table');
  },
};
