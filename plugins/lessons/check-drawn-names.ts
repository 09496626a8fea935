import type { Code, InlineCode, Root, Text } from 'mdast';
import { visit } from 'unist-util-visit';
import type { TermFinding } from './check-terms';
import { lessonParser } from './lesson-source';

/**
 * Names netsim draws from the host's seed: a veth's (`veth1a13ba2`), a
 * bridge's (`br-28c63b069d8f`), a container's or network's ID, short or
 * whole. They move whenever the seeded draws move, and `lessons:update`
 * rewrites them in the outputs but not in the prose.
 */
const DRAWN =
  /(?<![\p{L}\p{N}_-])(veth[0-9a-f]{7}|br-[0-9a-f]{12}|[0-9a-f]{64}|(?=[0-9a-f]*[a-f])(?=[0-9a-f]*[0-9])[0-9a-f]{12})(?![\p{L}\p{N}_])/gu;

/**
 * Prose (text and inline code the reader reads) that names a drawn name none of
 * the lesson's outputs print: it would say something no block shows.
 */
export function drawnNameFindings(text: string, tree?: Root): TermFinding[] {
  const parsed = tree ?? (lessonParser.parse(text) as Root);
  // What the lesson's blocks show (console blocks, and those inside quizzes and exercises), all verified against netsim.
  const shown: string[] = [];
  visit(parsed, 'code', (node: Code) => {
    shown.push(node.value);
  });
  const outputs = shown.join('\n');
  const findings: TermFinding[] = [];
  visit(parsed, (node) => {
    if (node.type !== 'text' && node.type !== 'inlineCode') return;
    const { value, position } = node as Text | InlineCode;
    for (const match of value.matchAll(DRAWN)) {
      if (outputs.includes(match[1]!)) continue;
      // An inline code's value starts one column after its backtick.
      const column = position!.start.column + match.index + (node.type === 'inlineCode' ? 1 : 0);
      findings.push({
        line: position!.start.line,
        column,
        message: `"${match[1]}" is a name netsim draws (a veth, bridge or ID), and no block of this lesson prints it: it moves when the seeded draws do; name it from a block's output, or generically (\`veth…\`)`,
      });
    }
  });
  return findings;
}
