import { describe, expect, it } from 'vitest';
import { fill, pluralText } from '../../src/i18n/plural-text';

// Plural categories per CLDR (unicode.org/cldr/charts/latest/supplemental/language_plural_rules.html):
// French puts 0 and 1 in "one" and 1000000 in "many"; Spanish 1000000 is "many" too; Portuguese 0 is "one".
const forms = { one: '{{count}} one', many: '{{count}} many', other: '{{count}} other' };

describe('pluralText', () => {
  it('picks the form by the language rules', () => {
    expect(pluralText(forms, 'fr', 0, {})).toBe('0 one');
    expect(pluralText(forms, 'es', 0, {})).toBe('0 other');
    expect(pluralText(forms, 'pt-BR', 0, {})).toBe('0 one');
    expect(pluralText(forms, 'fr', 1000000, {})).toBe('1000000 many');
    expect(pluralText(forms, 'es', 2, {})).toBe('2 other');
  });

  it('falls back to "other" when the form is missing', () => {
    expect(pluralText({ other: '{{count}} x' }, 'fr', 1, {})).toBe('1 x');
  });
});

describe('fill', () => {
  it('fills known placeholders and leaves unknown ones as written', () => {
    expect(fill('{{a}} and {{b}}', { a: 1 })).toBe('1 and {{b}}');
  });
});
