import { describe, expect, it } from 'vitest';
import { bashDialect } from '../../../src/netsim/shell/dialect';
import { Interpreter, type Invocation } from '../../../src/netsim/shell/interpreter';

/** A shell whose only program records whether its stdout and stderr were terminals (isatty(1), isatty(2)). */
function recordingShell() {
  const seen: { stdout: boolean | undefined; stderr: boolean | undefined }[] = [];
  const shell = new Interpreter(
    { variables: new Map(), exported: new Set(), cwd: '/', status: 0, line: 0 },
    {
      dialect: bashDialect(),
      pid: 100,
      home: '/root',
      runProgram(argv: readonly string[], invocation: Invocation) {
        if (argv[0] === 'probe')
          seen.push({ stdout: invocation.stdoutIsTerminal, stderr: invocation.stderrIsTerminal });
        return { stdout: '', stderr: '', exitCode: 0 };
      },
      readFile: () => ({ error: 'ENOENT' }),
      directoryExists: () => true,
      files: () => undefined,
    },
  );
  return { seen, run: (line: string) => shell.runLine(line) };
}

// bash's redirections (redir.c): fd 2 stays the terminal in a pipe, `2>&1` makes it a copy of fd 1, `2>file` a file.
describe("which of a program's streams are the terminal", () => {
  it('both at a prompt; stdout alone leaves for a pipe, stderr stays', () => {
    const { seen, run } = recordingShell();
    run('probe');
    run('probe | cat');
    expect(seen).toEqual([
      { stdout: true, stderr: true },
      { stdout: false, stderr: true },
    ]);
  });

  it('2>&1 follows stdout: into the pipe, or to the terminal; 2> a file is no terminal', () => {
    const { seen, run } = recordingShell();
    run('probe 2>&1 | cat');
    run('probe 2>&1');
    run('probe 2>/dev/null');
    expect(seen).toEqual([
      { stdout: false, stderr: false },
      { stdout: true, stderr: true },
      { stdout: true, stderr: false },
    ]);
  });
});
