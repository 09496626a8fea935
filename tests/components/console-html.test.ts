import { describe, expect, it } from 'vitest';
import { consoleBarHtml, type ConsoleBarText } from '../../src/components/console-bar';
import { consoleScreenHtml, type ConsoleScreenText } from '../../src/components/console-screen';

const screenText: ConsoleScreenText = {
  omittedSome: 'omitted lines',
  omitted: (count) => `${count} lines omitted`,
  showOmitted: (count) => `Show ${count} "lines"`,
  hideOmitted: (count) => `Hide ${count} lines`,
};

const barText: ConsoleBarText = {
  terminal: 'Terminal',
  tryIt: 'Try',
  tryLabel: 'Try these commands',
  copy: 'Copy',
  copied: 'Copied',
  copyFailed: "Couldn't copy",
  copyLabel: 'Copy the commands only',
};

describe('consoleScreenHtml', () => {
  it('writes a command after its prompt, with the words search indexes it by, then its output escaped', () => {
    const html = consoleScreenHtml(
      [{ prompt: '$ ', command: "docker inspect -f '{{.Id}}' web", output: ['<none> & "x"', ''] }],
      ['<span>docker</span>'],
      screenText,
    );
    expect(html).toBe(
      '<span class="console__line console__line--command" data-pagefind-index-attrs="data-search-terms" data-search-terms="docker inspect web">' +
        '<span class="console__prompt" data-pagefind-ignore>$ </span><span class="console__command" data-pagefind-ignore><span>docker</span></span></span>\n' +
        '<span class="console__line console__line--output" data-pagefind-ignore>&lt;none&gt; &amp; &quot;x&quot;</span>\n' +
        '<span class="console__line console__line--output" data-pagefind-ignore></span>\n',
    );
  });

  it('writes an empty list of search words as a bare attribute', () => {
    const html = consoleScreenHtml([{ prompt: '# ', command: '-', output: [] }], ['-'], screenText);
    expect(html).toContain('data-pagefind-index-attrs="data-search-terms" data-search-terms><span');
  });

  it('puts the lines a [...] stands for behind a button, and a bare note when it stands for none', () => {
    const html = consoleScreenHtml(
      [{ prompt: '$ ', command: 'docker ps', output: [{ omitted: ['a<b', 'c'] }, { omitted: [] }] }],
      ['docker ps'],
      screenText,
    );
    expect(html).toContain(
      '<span class="console__omitted console__print-only" data-pagefind-ignore>2 lines omitted</span>' +
        '<button type="button" class="console__omitted" aria-expanded="false" data-console-omitted' +
        ' data-label-show="Show 2 &quot;lines&quot;" data-label-hide="Hide 2 lines" data-pagefind-ignore>Show 2 &quot;lines&quot;</button>\n' +
        '<span class="console__elided" hidden data-pagefind-ignore>' +
        '<span class="console__line console__line--output">a&lt;b</span>\n<span class="console__line console__line--output">c</span>\n</span>' +
        '<span class="console__omitted" data-pagefind-ignore>omitted lines</span>\n',
    );
  });
});

describe('consoleBarHtml', () => {
  it('carries the mark, Try it with its start host and commands, and the copy button', () => {
    const html = consoleBarHtml(
      {
        mark: { kind: 'verified', text: 'Verified', note: 'Printed by "netsim"', noteId: 'console-3-note' },
        start: '{"seed":1,"steps":[]}',
        commands: ['echo "a" && ls', "echo 'b'"],
      },
      barText,
    );
    expect(html).toBe(
      '<figcaption class="console__bar" data-pagefind-ignore><span class="console__meta"><span class="console__title">Terminal</span>' +
        '<button type="button" class="console__mark console__mark--verified" popovertarget="console-3-note" title="Printed by &quot;netsim&quot;">Verified</button>' +
        '<span id="console-3-note" class="console__note" popover>Printed by &quot;netsim&quot;</span></span>' +
        '<button type="button" class="console__try" data-try data-start="{&quot;seed&quot;:1,&quot;steps&quot;:[]}"' +
        ` data-commands="[&quot;echo \\&quot;a\\&quot; &amp;&amp; ls&quot;,&quot;echo 'b'&quot;]" aria-expanded="false" title="Try these commands">Try</button>` +
        `<button type="button" class="console__copy" data-console-copy="echo &quot;a&quot; &amp;&amp; ls\necho 'b'" data-label-done="Copied"` +
        ` data-label-failed="Couldn't copy" aria-label="Copy the commands only" title="Copy the commands only"><span data-console-copy-text>Copy</span></button>` +
        '<span class="visually-hidden" role="status" data-console-copy-status></span></figcaption>',
    );
  });

  it('has no mark and no Try it for a block built without verification', () => {
    const html = consoleBarHtml({ mark: undefined, start: undefined, commands: ['ls'] }, barText);
    expect(html).not.toContain('console__mark');
    expect(html).not.toContain('data-try');
    expect(html).toContain('data-console-copy="ls"');
  });
});
