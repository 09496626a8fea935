import { describe, expect, it } from 'vitest';
import type { Script } from '../../../src/netsim/shell/ast';
import { expandFields, type ExpansionContext } from '../../../src/netsim/shell/expand';
import { parseNext } from '../../../src/netsim/shell/parser';

/** The words of each simple command, as typed, in a parsed line. */
function shape(script: Script): string[][][] {
  return script.statements.map((list) =>
    [list.first, ...list.rest.map((r) => r.pipeline)].flatMap((p) =>
      p.commands.map((c) =>
        c.kind === 'simple'
          ? c.words.map((w) => w.source)
          : [`<${c.kind === 'compound' ? c.body.kind : c.kind === 'function' ? `function ${c.name}` : c.keyword}>`],
      ),
    ),
  );
}

function parsed(line: string): Script {
  const step = parseNext(line, 0);
  if ('error' in step) throw new Error(JSON.stringify(step.error));
  return step.script;
}

describe('parseNext reads one complete command', () => {
  it.each([
    ['a b; c', [[['a', 'b']], [['c']]]],
    ['a | b && c || d', [[['a'], ['b'], ['c'], ['d']]]],
    ['echo \'a b\' "c d" e\\ f', [[['echo', "'a b'", '"c d"', 'e\\ f']]]],
    ['echo a # b c', [[['echo', 'a']]]],
    ['echo a#b', [[['echo', 'a#b']]]],
    ['ls |\n grep x', [[['ls'], ['grep', 'x']]]],
    ['docker run \\\n  -d nginx', [[['docker', 'run', '-d', 'nginx']]]],
    ['echo $(a | b) `c`', [[['echo', '$(a | b)', '`c`']]]],
    ['X=1 Y=2 cmd arg', [[['cmd', 'arg']]]],
    ['[[ -f x ]] && echo y', [[['<conditional>'], ['echo', 'y']]]],
    ['f() { echo; }; function g { :; }', [[['<function f>']], [['<function g>']]]],
    ['(( x++ )); for ((;;)); do :; done', [[['<arithmetic>']], [['<arithmetic-for>']]]],
    ['for i in a b; do echo $i; done | sort', [[['<for>'], ['sort']]]],
    ['{ echo a; echo b; } > f; (cd /tmp)', [[['<group>']], [['<subshell>']]]],
  ] as const)('%j', (line, expected) => {
    expect(shape(parsed(line))).toEqual(expected);
  });

  it('stops at the newline that ends the command, as bash runs a line before reading the next', () => {
    expect(parseNext('echo a\necho b\n', 0)).toMatchObject({ end: 7 });
  });

  it.each([
    ['| ls', { kind: 'unexpected-token', token: '|' }],
    ['ls |', { kind: 'unexpected-eof' }],
    ['echo >\n', { kind: 'unexpected-token', token: 'newline' }],
    ['echo "a', { kind: 'unterminated', closing: '"' }],
    ['echo $(echo a', { kind: 'unterminated', closing: ')' }],
    ['echo $(| x)', { kind: 'in-substitution', error: { kind: 'unexpected-token', token: '|' } }],
    ['fi', { kind: 'unexpected-token', token: 'fi' }],
    // bash 5.2 (parse.y): a reserved word that closes nothing, an empty list, a loop still open.
    ['echo a; done', { kind: 'unexpected-token', token: 'done' }],
    ['if true; then fi', { kind: 'unexpected-token', token: 'fi' }],
    ['for i in a b; do echo $i', { kind: 'unexpected-eof' }],
    ['while true; do echo; done x', { kind: 'unexpected-token', token: 'x' }],
    ['{ echo a }', { kind: 'unexpected-eof' }],
    ['case x in a) echo;; b echo', { kind: 'unexpected-token', token: 'echo' }],
  ] as const)('%j is a syntax error', (line, error) => {
    expect(parseNext(line, 0)).toMatchObject({ error });
  });

  it('skips the rest of the line after an error, and no more', () => {
    expect(parseNext('a | | b\necho after\n', 0)).toMatchObject({ end: 8 });
  });
});

describe('expansion', () => {
  const context: ExpansionContext = {
    parameter: (name) => ({ A: 'a  b', E: '', Q: '*' })[name],
    home: () => '/home/usuario',
    substitute: () => 'one\ntwo\n\n',
  };
  const fields = (line: string) => {
    const command = parsed(`x ${line}`).statements[0]!.first.commands[0]!;
    if (command.kind !== 'simple') throw new Error(`${line} is not a simple command`);
    return expandFields(command.words[1]!, context);
  };

  it.each([
    ['$A', ['a', 'b']],
    ['"$A"', ['a  b']],
    ['x$A', ['xa', 'b']],
    ['$E', []],
    ['"$E"', ['']],
    ["''", ['']],
    ['$(cmd)', ['one', 'two']],
    ['"$(cmd)"', ['one\ntwo']],
    ['~/bin', ['/home/usuario/bin']],
    ['"~"', ['~']],
    ['${A}x', ['a', 'bx']],
    ['$NOPE', []],
    ['\\$A', ['$A']],
  ] as const)('%s', (word, expected) => {
    expect(fields(word)).toEqual(expected);
  });
});
