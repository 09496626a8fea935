import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classFor, headersFile, policy, strictPage, withPolicyMeta } from '../../../plugins/csp/strict-csp';

const hash = (text: string) => `sha256-${createHash('sha256').update(text).digest('base64')}`;

describe('a strict page', () => {
  const page = strictPage(
    '<html><head><meta charset="utf-8"><script>document.documentElement.classList.add("js")</script><style>p{}</style></head>' +
      '<body><span style="--shiki-light:#032F62;--shiki-dark:#9ECBFF">docker</span><span class="x" style="color:red" title="a">b</span>' +
      '<script type="application/json" data-x>{"a":1}</script><script type="module" src="/_astro/a.js"></script><script type="module">import "./b.js"</script></body></html>',
  );

  it('turns style attributes into classes, merged with the classes a tag has', () => {
    expect(page.html).not.toContain('style="');
    expect(page.html).toContain(
      `<span class="${classFor('--shiki-light:#032F62;--shiki-dark:#9ECBFF')}">docker</span>`,
    );
    expect(page.html).toContain(`<span class="x ${classFor('color:red')}" title="a">b</span>`);
    expect([...page.rules.values()].sort()).toEqual(['--shiki-light:#032F62;--shiki-dark:#9ECBFF', 'color:red']);
  });

  it('hashes the inline scripts that run and the style elements, not data or files', () => {
    expect(page.scripts).toEqual([hash('document.documentElement.classList.add("js")'), hash('import "./b.js"')]);
    expect(page.styles).toEqual([hash('p{}')]);
  });

  it('puts the policy first in the head, and the same in a _headers file with what a meta cannot say', () => {
    const content = policy({ scripts: page.scripts, styles: page.styles });
    expect(content).toBe(
      `default-src 'self'; script-src 'self' 'wasm-unsafe-eval' '${[...page.scripts].sort().join("' '")}'; style-src 'self' '${page.styles[0]}'; img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'`,
    );
    expect(content).not.toContain('unsafe-inline');
    expect(withPolicyMeta(page.html, content)).toMatch(
      /^<html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'self'; /,
    );
    expect(headersFile(content)).toContain(`  Content-Security-Policy: ${content}; frame-ancestors 'none'\n`);
  });
});

describe('style attributes found by their text', () => {
  // What strictPage did with one global pattern tried at every tag; it now tries it only where a style attribute is.
  const byOnePattern = (html: string) =>
    html.replace(
      /<([a-zA-Z][\w-]*)(\s[^<>]*?)?\sstyle="([^"]*)"([^<>]*)>/g,
      (_tag, name: string, before = '', declarations: string, after: string) => {
        const className = classFor(declarations);
        const attributes = `${before}${after}`;
        const existing = /\sclass="([^"]*)"/.exec(attributes);
        if (existing) return `<${name}${attributes.replace(existing[0], ` class="${existing[1]} ${className}"`)}>`;
        return `<${name}${before} class="${className}"${after}>`;
      },
    );
  const pieces = [
    '<',
    '<',
    ' style="',
    ' style="x"',
    '>',
    '>',
    '<span',
    '<p',
    '</p>',
    ' ',
    '\n',
    '\t',
    'style="',
    'data-style="',
    '"',
    'class="x"',
    ' class="',
    'color:red',
    'a',
    '=',
    '<2',
    '-',
  ];

  it('changes pages as the one pattern did', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => {
        const html = parts.join('');
        expect(strictPage(html).html).toBe(byOnePattern(html));
      }),
      { numRuns: 3000 },
    );
  });

  it('takes a tag after one that is not closed, a style-like text that is no attribute, any space before style', () => {
    const html =
      '<i\nstyle="--a:1">i</i><q style="x" style="z" <p data-style="a" title=x style="color:red">t</p><b>style="no"</b>';
    expect(strictPage(html).html).toBe(byOnePattern(html));
    expect(strictPage(html).html).toBe(
      `<i class="${classFor('--a:1')}">i</i><q style="x" style="z" <p data-style="a" title=x class="${classFor('color:red')}">t</p><b>style="no"</b>`,
    );
  });
});
