/** A CLDR plural form picked with the reader's language rules, its {{placeholders}} filled. */
export function pluralText(
  forms: Record<string, string>,
  lang: string,
  count: number,
  values: Record<string, string | number>,
): string {
  const template = forms[new Intl.PluralRules(lang).select(count)] ?? forms.other ?? '';
  return fill(template, { count, ...values });
}

/** i18next's {{placeholder}} syntax, filled in the browser, which does not ship i18next. */
export const fill = (template: string, values: Record<string, string | number>): string =>
  template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
