import { describe, expect, it } from 'vitest';
import { ConsoleSyntaxError, parseConsoleBlock } from '../../plugins/console/parse-console-block';

// Transcript lines from ../shared/seeds/000_d702944bde6e1c8b.txt and 002_d598d78a9cba7727.txt.
describe('parseConsoleBlock', () => {
  it('splits commands at "$ " prompts from the output that follows them', () => {
    const block = [
      '$ docker network ls',
      'NETWORK ID          NAME                DRIVER              SCOPE',
      'ec77cfd20583        bridge              bridge              local',
      '$ docker network create red1',
      '',
    ].join('\n');
    expect(parseConsoleBlock(block)).toEqual([
      {
        prompt: '$ ',
        command: 'docker network ls',
        output: [
          'NETWORK ID          NAME                DRIVER              SCOPE',
          'ec77cfd20583        bridge              bridge              local',
        ],
        line: 0,
      },
      { prompt: '$ ', command: 'docker network create red1', output: [''], line: 3 },
    ]);
  });

  it('keeps backslash continuations inside the command', () => {
    const block = ['$ docker run -d --name servidor_wp \\', '  --network red_wp \\', '  wordpress', 'a1b2'].join('\n');
    expect(parseConsoleBlock(block)).toEqual([
      {
        prompt: '$ ',
        command: 'docker run -d --name servidor_wp \\\n  --network red_wp \\\n  wordpress',
        output: ['a1b2'],
        line: 0,
      },
    ]);
  });

  it('does not continue after an escaped backslash', () => {
    expect(parseConsoleBlock('$ echo a\\\\\nout')).toEqual([
      { prompt: '$ ', command: 'echo a\\\\', output: ['out'], line: 0 },
    ]);
  });

  it.each([
    ['# iptables -t nat -L -n', '# '],
    ['root@98ab5a0c2f0c:/# ip a', 'root@98ab5a0c2f0c:/# '],
    ['/ # ping -c 1 c2', '/ # '],
    ['usuario@docker:~$ docker ps', 'usuario@docker:~$ '],
  ])('recognises the prompt of %j', (line, prompt) => {
    expect(parseConsoleBlock(line)[0]?.prompt).toBe(prompt);
  });

  it('reads "$" without a following space as output, not as a prompt', () => {
    expect(parseConsoleBlock('$ echo $HOME\n$HOME')[0]?.output).toEqual(['$HOME']);
  });

  it('rejects output before the first command, with its line', () => {
    expect(() => parseConsoleBlock('NETWORK ID\n$ docker network ls')).toThrow(ConsoleSyntaxError);
    try {
      parseConsoleBlock('\nNETWORK ID');
    } catch (error) {
      expect((error as ConsoleSyntaxError).line).toBe(0);
    }
  });
});

describe("parseConsoleBlock: lines after bash's PS2 prompt", () => {
  it('reads a here-document typed after "> " prompts into the command, as bash reads it', () => {
    const block = [
      "$ cat > /tmp/f <<'EOF'",
      '> server {',
      '>',
      '>     listen 80;',
      '> EOF',
      '$ wc -l /tmp/f',
      '4 /tmp/f',
    ].join('\n');
    expect(parseConsoleBlock(block)).toEqual([
      {
        prompt: '$ ',
        command: "cat > /tmp/f <<'EOF'\nserver {\n\n    listen 80;\nEOF",
        shown: "cat > /tmp/f <<'EOF'\n> server {\n>\n>     listen 80;\n> EOF",
        output: [],
        line: 0,
      },
      { prompt: '$ ', command: 'wc -l /tmp/f', output: ['4 /tmp/f'], line: 5 },
    ]);
  });

  it('reads an open quote the same way, and "> " after a complete command as output', () => {
    expect(parseConsoleBlock('$ echo "a\n> b"\na\nb')[0]).toMatchObject({ command: 'echo "a\nb"', output: ['a', 'b'] });
    expect(parseConsoleBlock('$ cat notes\n> quoted line')[0]).toMatchObject({
      command: 'cat notes',
      output: ['> quoted line'],
    });
  });
});
