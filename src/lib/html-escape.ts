// Astro's own escapes (astro/runtime/server/escape.js, render/util.js), for HTML that
// components write as one string: the bytes are those Astro would render.
const TEXT_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', "'": '&#39;', '"': '&quot;' };

/** Text between tags, as Astro escapes an expression: & < > ' and ". */
export const escapeText = (text: string): string => text.replace(/[&<>'"]/g, (char) => TEXT_ENTITIES[char]!);

/** An attribute's value, as Astro escapes it: & and ". */
export const escapeAttribute = (value: string): string => value.replaceAll('&', '&amp;').replaceAll('"', '&quot;');

/** ` name="value"`, or ` name` alone for an empty value, as Astro writes an attribute. */
export const attribute = (name: string, value: string): string =>
  value === '' ? ` ${name}` : ` ${name}="${escapeAttribute(value)}"`;
