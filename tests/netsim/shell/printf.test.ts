import { describe, expect, it } from 'vitest';
import { Host } from '../../../src/netsim/index';
import { formatPrintf } from '../../../src/netsim/shell/printf';

/**
 * Expected outputs are what GNU bash 5.2's printf builtin prints for these
 * lines, as its documentation (builtins/printf.def, `help printf`) and POSIX's
 * printf utility specify them: the format reused while arguments remain,
 * missing arguments as "" or 0, `'c` as the character's code, C's conversions.
 */
describe("the shell's printf", () => {
  const cases: [string, string[], string][] = [
    ['%s-%s\\n', ['a', 'b', 'c'], 'a-b\nc-\n'],
    ['%5d|%-5s|\\n', ['42', 'ab'], '   42|ab   |\n'],
    ['%x %o %X %#x\\n', ['255', '8', '255', '255'], 'ff 10 FF 0xff\n'],
    ['%05.1f %.3s %c\\n', ['3.14159', 'abcdef', 'hello'], '003.1 abc h\n'],
    ['%d %d %d\\n', ["'A", '0x10', '010'], '65 16 8\n'],
    ['%s\\n', [], '\n'],
    ['a\\tb\\101\\x42\\n', [], 'a\tbAB\n'],
    ['%b|', ['x\\ny', 'z\\0101'], 'x\ny|zA|'],
    ['no conversion\\n', ['ignored', 'too'], 'no conversion\n'],
    ['%%%d%%\\n', ['50'], '%50%\n'],
    ['%*d|%-*d|\\n', ['4', '7', '3', '1'], '   7|1  |\n'],
    ['%e %g %g\\n', ['12345.678', '0.0001', '100000'], '1.234568e+04 0.0001 100000\n'],
    ['%u\\n', ['-1'], '18446744073709551615\n'],
  ];
  it.each(cases)('printf %j with %j', (format, args, expected) => {
    expect(formatPrintf(format.replace(/\\\\/g, '\\'), args).text).toBe(expected);
  });

  it('at a bash prompt: writes files line by line, complains about what is not a number, and -v sets a variable', () => {
    const host = Host.create({ seed: 1 });
    host.run("printf 'services:\\n  web:\\n    image: nginx\\n' > compose.yaml");
    expect(host.run('cat compose.yaml').stdout).toBe('services:\n  web:\n    image: nginx\n');
    const bad = host.run("printf '%d\\n' abc");
    expect(bad).toMatchObject({ stdout: '0\n', stderr: 'bash: printf: abc: invalid number\n', exitCode: 1 });
    host.run("printf -v greeting '%s, %s' hola mundo");
    expect(host.run('echo "$greeting"').stdout).toBe('hola, mundo\n');
    expect(host.run('printf')).toMatchObject({
      stdout: '',
      stderr: 'printf: usage: printf [-v var] format [arguments]\n',
      exitCode: 2,
    });
  });
});
