import { humanDuration } from './human-duration';
import { tabulate } from './tabwriter';

/** What `docker ps` receives from the API for one container. */
export interface ContainerSummary {
  id: string;
  image: string;
  command: string;
  createdMs: number;
  status: string;
  ports: string;
  name: string;
}

/** formatter.Ellipsis: cut to `width` characters, the last one an ellipsis. */
function ellipsis(text: string, width: number): string {
  const chars = [...text];
  return chars.length <= width ? text : `${chars.slice(0, width - 1).join('')}…`;
}

/** The default `docker ps` table (cli/command/formatter/container.go). */
export function formatPsTable(containers: ContainerSummary[], nowMs: number, noTrunc: boolean): string {
  const rows = containers.map((c) => [
    noTrunc ? c.id : c.id.slice(0, 12),
    c.image,
    JSON.stringify(noTrunc ? c.command : ellipsis(c.command, 20)),
    `${humanDuration(nowMs - c.createdMs)} ago`,
    c.status,
    c.ports,
    c.name,
  ]);
  return tabulate([['CONTAINER ID', 'IMAGE', 'COMMAND', 'CREATED', 'STATUS', 'PORTS', 'NAMES'], ...rows]);
}

/** The daemon's State.String(): `Up 5 seconds`, `Exited (0) 3 seconds ago`, `Created`. */
export function containerStatus(status: 'created' | 'running' | 'exited', exitCode: number, startedMs: number | undefined, finishedMs: number | undefined, nowMs: number): string {
  switch (status) {
    case 'created':
      return 'Created';
    case 'running':
      return `Up ${humanDuration(nowMs - (startedMs ?? nowMs))}`;
    case 'exited':
      return `Exited (${exitCode}) ${humanDuration(nowMs - (finishedMs ?? nowMs))} ago`;
  }
}
