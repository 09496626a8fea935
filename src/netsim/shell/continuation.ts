import type { Script } from './ast';
import { parseNext } from './parser';

/**
 * Whether an interactive shell would read another line before running `source`
 * (bash prints PS2, `> `): a here-document without its delimiter line yet, an
 * open quote or `$(`, a line ending in `\`, or a `|`, `&&` or `||` with nothing
 * after it. The terminal gathers such lines and runs them as one.
 */
export function needsMoreInput(source: string): boolean {
  if (/(^|[^\\])(\\\\)*\\$/.test(source)) return true;
  let offset = 0;
  while (offset < source.length) {
    const step = parseNext(source, offset);
    if ('error' in step) return step.error.kind === 'unterminated' || step.error.kind === 'unexpected-eof';
    if (openHereDocument(step.script)) return true;
    if (step.end <= offset) break;
    offset = step.end;
  }
  return false;
}

function openHereDocument(script: Script): boolean {
  return script.statements.some((list) =>
    [list.first, ...list.rest.map((part) => part.pipeline)].some((pipeline) =>
      pipeline.commands.some(
        (command) =>
          command.kind === 'simple' &&
          command.redirections.some(
            (redirection) => redirection.heredoc !== undefined && redirection.heredoc.terminated !== true,
          ),
      ),
    ),
  );
}
