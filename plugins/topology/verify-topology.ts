import { figureProblems } from '../../src/topology/graph-model';
import type { TopologyRun } from '../lessons/run-lesson';
import type { QuestionFinding } from '../quiz/verify-question';
import { TOPOLOGY_ELEMENT, type TopologySource } from './read-topologies';

/**
 * A figure holds when its session has a host there and its focus and highlight
 * name what that host has: a figure of a network that does not exist would
 * teach something false, as a console block with a wrong output would.
 */
export function verifyTopology(figure: TopologySource, run: TopologyRun, number: number): QuestionFinding[] {
  const at = (message: string): QuestionFinding => ({
    question: `figure-${number}`,
    line: figure.place.line,
    column: figure.place.column,
    message: `<${TOPOLOGY_ELEMENT}> (figure ${number}): ${message}`,
  });
  if (run.kind === 'no-host')
    return [at(`session "${figure.session}" has no host at this point: no block of it ran before the figure`)];
  return figureProblems(run.state, figure).map(at);
}
