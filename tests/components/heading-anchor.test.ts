import { describe, expect, it } from 'vitest';
import { headingAnchorHtml } from '../../src/components/prose/heading-anchor';

describe('headingAnchorHtml', () => {
  it("links to the heading's section, named by the heading's text and a hidden label", () => {
    expect(headingAnchorHtml('red-bridge', 'Link to "the" section')).toBe(
      '<a class="heading__anchor" href="#red-bridge" aria-labelledby="red-bridge--link red-bridge" data-pagefind-ignore>' +
        '<span id="red-bridge--link" hidden>Link to &quot;the&quot; section</span><span aria-hidden="true">#</span></a>',
    );
  });
});
