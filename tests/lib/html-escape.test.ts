import { describe, expect, it } from 'vitest';
import { attribute, escapeAttribute, escapeText } from '../../src/lib/html-escape';

describe("Astro's escapes", () => {
  it('escapes & < > \' and " in text', () => {
    expect(escapeText(`a & b <c> 'd' "e"`)).toBe('a &amp; b &lt;c&gt; &#39;d&#39; &quot;e&quot;');
  });

  it('escapes only & and " in an attribute value', () => {
    expect(escapeAttribute(`{"a":"<b> & 'c'"}`)).toBe(`{&quot;a&quot;:&quot;<b> &amp; 'c'&quot;}`);
  });

  it('writes an empty value as the bare name, as Astro does', () => {
    expect(attribute('data-search-terms', '')).toBe(' data-search-terms');
    expect(attribute('title', 'R&D "x"')).toBe(' title="R&amp;D &quot;x&quot;"');
  });
});
