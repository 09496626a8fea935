import { figureProblems } from '../../src/topology/graph-model';
import type { QuestionFinding } from '../quiz/verify-question';
import { TRACE_ELEMENT, type TraceSource } from './read-traces';
import type { TraceRun } from './run-trace';

/**
 * A trace holds when its command ran, ended with the status the lesson says,
 * and sent packets to follow: a trace of nothing, or of a command that failed
 * where the prose expects it to work, would teach something false.
 */
export function verifyTrace(trace: TraceSource, run: TraceRun, number: number): QuestionFinding[] {
  const at = (message: string): QuestionFinding => ({
    question: `trace-${number}`,
    line: trace.place.line,
    column: trace.place.column,
    message: `<${TRACE_ELEMENT}> (trace ${number}): ${message}`,
  });
  switch (run.kind) {
    case 'no-host':
      return [at(`session "${trace.session}" has no host at this point: no block of it ran before the trace`)];
    case 'not-entered':
      return [at(`\`ssh ${trace.from}\` ended with status ${run.exitCode} on this host: the command cannot run there`)];
    case 'crashed':
      return [
        at(`netsim failed running \`${trace.command}\` (a simulator bug, not a lesson mistake):\n${run.message}`),
      ];
    case 'traced': {
      const findings: QuestionFinding[] = [];
      if (run.exitCode !== trace.exit)
        findings.push(
          at(
            `\`${trace.command}\` ended with status ${run.exitCode}, not ${trace.exit}${trace.exit === 0 ? '' : ` (exit="${trace.exit}")`}; write exit="${run.exitCode}" if that is the point`,
          ),
        );
      if (run.trace.hops.length === 0)
        findings.push(at(`\`${trace.command}\` sent no packet: there is nothing to trace`));
      findings.push(...figureProblems(run.state, { focus: trace.focus }).map(at));
      return findings;
    }
  }
}
