import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../src/i18n/locales';
import { negotiateLocale } from '../../src/i18n/negotiate';

describe('negotiateLocale', () => {
  it.each([
    [['pt-BR', 'en'], 'pt'],
    [['pt-PT'], 'pt'],
    [['fr-CA', 'es'], 'fr'],
    [['en-US', 'es-MX'], 'es'],
    [['ES'], 'es'],
  ])('%j reads %s', (languages, expected) => {
    expect(negotiateLocale(languages, LOCALES)).toBe(expected);
  });

  it('lets the reader choose when no browser language is offered', () => {
    expect(negotiateLocale(['en-US', 'de'], LOCALES)).toBeUndefined();
    expect(negotiateLocale([], LOCALES)).toBeUndefined();
  });

  it('survives being inlined through toString, as the site root does', () => {
    const inlined = new Function(`return (${negotiateLocale.toString()})`)() as typeof negotiateLocale;
    expect(inlined(['fr'], LOCALES)).toBe('fr');
  });
});
