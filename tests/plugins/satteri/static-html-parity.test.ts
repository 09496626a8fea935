import { mdxToJs } from 'satteri';
import { describe, expect, it } from 'vitest';
import { astroStyle, staticHtmlParity } from '../../../plugins/satteri/static-html-parity';

/** MDX compiled as the site compiles lessons: static parts as HTML strings, headings and tables left to components. */
const compiled = async (source: string) =>
  (
    await mdxToJs(source, {
      hastPlugins: [staticHtmlParity],
      optimizeStatic: { component: 'Fragment', prop: 'set:html', ignoreElements: ['h2', 'h3', 'table'] },
      jsxImportSource: 'astro',
      elementAttributeNameCase: 'html',
    })
  ).code;

describe('static HTML with the bytes Astro renders', () => {
  it('escapes quotes in text as Astro does, in static HTML and in an element left to a component', async () => {
    const code = await compiled('## Run `ls \'a\'`\n\nType `echo "hi" > f` and `a & b`.\n');
    expect(code).toContain('<p>Type <code>echo &quot;hi&quot; &gt; f</code> and <code>a &amp; b</code>.</p>');
    expect(code).toContain('Run <code>ls &#39;a&#39;</code>');
  });

  it('writes a style attribute as Astro writes a style object', () => {
    expect(astroStyle('--shiki-light:#24292e;--shiki-dark-bg:#24292e; overflow-x: auto;')).toBe(
      '--shiki-light:#24292e;--shiki-dark-bg:#24292e;overflow-x:auto',
    );
    expect(astroStyle('')).toBe('');
  });
});
