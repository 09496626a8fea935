import { describe, expect, it } from 'vitest';
import { needsMoreInput } from '../../../src/netsim/shell/continuation';

// bash reads another line (PS2, `> `) while a command is incomplete: a here-document before its
// delimiter line (Here Documents), an open quote, a trailing backslash, a `|`, `&&` or `||` at the end.
describe('whether a command line needs more lines', () => {
  it.each([
    ["cat > compose.yaml <<'EOF'", true],
    ["cat > compose.yaml <<'EOF'\nservices:\n  web:", true],
    ["cat > compose.yaml <<'EOF'\nservices:\nEOF", false],
    ['cat <<-END\n\tx\n\tEND', false],
    ["echo 'open", true],
    ['echo "open\nstill', true],
    ['echo $(date', true],
    ['ls \\', true],
    ['ls \\\\', false],
    ['ls |', true],
    ['true &&', true],
    ['ls', false],
    ['ls; echo ok', false],
    // A compound command is read whole: bash asks for lines until its `done`, `fi`, `esac` or `}`.
    ['for i in 1 2; do', true],
    ['for i in 1 2; do\n  echo $i', true],
    ['for i in 1 2; do\n  echo $i\ndone', false],
    ['if true; then echo y; else', true],
    ['case a in a) echo;;', true],
    ['{ echo a', true],
    ['while true; do echo; done', false],
    ['', false],
  ])('%j: %s', (line, expected) => {
    expect(needsMoreInput(line)).toBe(expected);
  });
});
