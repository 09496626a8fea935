import type { Root, RootContent } from 'mdast';
import type { CommandTrace } from '../../src/netsim/index';
import { attribute, flow, removeNode, replaceNode } from '../mdx/mdx-nodes';
import type { TraceSource } from './read-traces';
import type { TraceRun } from './run-trace';

/** The component a page provides for traces (src/components/trace/). */
export const TRACE_COMPONENT = 'PacketTrace';

/**
 * Replaces each `<Trace />` with the page's trace component, carrying what the
 * command printed, its hop records and the host after it. Built without
 * verification there is no run, and no trace: nothing is shown that netsim did
 * not produce.
 */
export function renderTraces(tree: Root, traces: readonly TraceSource[], runs: readonly TraceRun[] | undefined): void {
  for (const [index, trace] of traces.entries()) {
    const run = runs?.[index];
    if (run?.kind !== 'traced') {
      removeNode(tree, trace.element as RootContent);
      continue;
    }
    const attributes = [
      attribute('number', String(index + 1)),
      attribute('prompt', run.prompt),
      attribute('command', run.command),
      attribute('output', JSON.stringify(run.output)),
      attribute('exitCode', String(run.exitCode)),
      attribute('trace', JSON.stringify(withoutPayload(run.trace))),
      attribute('state', JSON.stringify(run.state)),
    ];
    if (trace.focus !== undefined) attributes.push(attribute('focus', trace.focus));
    replaceNode(tree, trace.element as RootContent, flow(TRACE_COMPONENT, attributes, []));
  }
}

/** The page tells packets by their headers: TCP sequence numbers and an ICMP error's quoted datagram only weigh the page down. */
function withoutPayload(trace: CommandTrace): CommandTrace {
  return JSON.parse(
    JSON.stringify(trace, (key, value) => (key === 'segment' || key === 'quoted' ? undefined : value)),
  ) as CommandTrace;
}
