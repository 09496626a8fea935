import { overBudget } from '../lessons/time-budget';
import { sameLines } from '../../src/practice/same-lines';
import type { StepResult } from '../../src/practice/session-host';
import type { QuestionSource } from './read-quizzes';
import type { QuestionRun } from './run-question';

/** Why a question, as netsim answers it, no longer makes sense: at the line to fix. */
export interface QuestionFinding {
  question: string;
  line: number;
  column: number;
  message: string;
}

const MAX_SHOWN_LINES = 6;

/** What a command printed, indented, for a message: enough to see why without drowning the report. */
function excerpt(result: StepResult): string {
  const lines = result.output.length === 0 ? ['(nothing)'] : result.output;
  const shown = lines.slice(0, MAX_SHOWN_LINES).map((line) => `    | ${line}`);
  if (lines.length > MAX_SHOWN_LINES) shown.push(`    | [... ${lines.length - MAX_SHOWN_LINES} more lines]`);
  return shown.join('\n');
}

const exitHint = (actual: number) => `; if that is the point, write exit="${actual}" on the <Question>`;

/**
 * Checks a question against what netsim printed: the command it shows or the
 * answer it expects must do what the question says, a distractor must not be
 * the real output, and a command question must not accept doing nothing.
 */
export function verifyQuestion(question: QuestionSource, run: QuestionRun): QuestionFinding[] {
  const at = (line: number, column: number, message: string): QuestionFinding => ({
    question: question.id,
    line,
    column,
    message: `question "${question.id}": ${message}`,
  });
  if (run.kind === 'nothing') return [];
  if (run.kind === 'crashed')
    return [at(run.line, 1, `netsim failed while running it (a simulator bug, not a lesson mistake):\n${run.message}`)];
  const findings: QuestionFinding[] = [];
  for (const [index, result] of run.setup.entries()) {
    const step = question.start!.setup[index]!;
    const overran = overBudget(result, false);
    if (overran) findings.push(at(step.place.line, 1, `setup command \`${step.command}\`: ${overran}`));
    else if (result.exitCode !== 0)
      findings.push(
        at(step.place.line, 1, `setup command \`${step.command}\` exits with ${result.exitCode}:\n${excerpt(result)}`),
      );
  }
  if (findings.length > 0) return findings;
  // What the question shows or expects must end by itself: it has no fence to say when Ctrl-C comes.
  const ran =
    question.kind === 'predict'
      ? { result: run.shown!, typed: question.shown! }
      : { result: run.answer!, typed: question.answer! };
  const overran = overBudget(ran.result, false);
  if (overran) return [at(ran.typed.place.line, 1, `\`${ran.typed.command}\`: ${overran}`)];

  if (question.kind === 'predict') {
    const shown = run.shown!;
    const place = question.shown!.place;
    if (shown.exitCode !== question.exit) {
      findings.push(
        at(
          place.line,
          1,
          `\`${question.shown!.command}\` exits with ${shown.exitCode} where the question expects ${question.exit}${exitHint(shown.exitCode)}:\n${excerpt(shown)}`,
        ),
      );
    }
    if (shown.output.every((line) => line.trim() === ''))
      findings.push(
        at(place.line, 1, `\`${question.shown!.command}\` prints nothing: a predict question needs output to pick`),
      );
    const claims = new Map<string, string>();
    for (const option of question.options) {
      if (option.claimed === undefined) continue;
      const claimed = option.claimed.split(/\r?\n/);
      if (sameLines(claimed, shown.output)) {
        findings.push(
          at(
            option.place.line,
            option.place.column,
            `option "${option.id}" claims exactly what netsim prints, so it is not wrong: change it, or netsim's output changed and the question needs rethinking:\n${excerpt(shown)}`,
          ),
        );
      }
      const key = claimed
        .map((line) => line.trimEnd())
        .join('\n')
        .trimEnd();
      const twin = claims.get(key);
      if (twin)
        findings.push(
          at(
            option.place.line,
            option.place.column,
            `option "${option.id}" claims the same output as option "${twin}": make each distractor different`,
          ),
        );
      claims.set(key, option.id);
    }
    return findings;
  }

  const answer = run.answer!;
  const place = question.answer!.place;
  if (answer.exitCode !== question.exit) {
    findings.push(
      at(
        place.line,
        place.column,
        `the reference answer \`${question.answer!.command}\` exits with ${answer.exitCode} where the question expects ${question.exit}${exitHint(answer.exitCode)}:\n${excerpt(answer)}`,
      ),
    );
  }
  if (question.compare === 'state' && sameLines(run.probeBefore!.output, run.probeAfter!.output)) {
    findings.push(
      at(
        place.line,
        place.column,
        `the probe \`${question.probe}\` prints the same before and after the reference answer, so any command would pass: probe what the answer changes:\n${excerpt(run.probeAfter!)}`,
      ),
    );
  }
  if (question.compare === 'output' && answer.output.every((line) => line.trim() === '')) {
    findings.push(
      at(
        place.line,
        place.column,
        `the reference answer prints nothing, so any silent command would pass: compare="state" with a probe checks what it changed`,
      ),
    );
  }
  return findings;
}
