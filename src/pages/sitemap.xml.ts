import type { APIRoute } from 'astro';
import { loadCatalog } from '../course/load-catalog';
import { everyLocaleAlternates, lessonAlternates, type Alternate } from '../course/alternates';
import { urls } from '../course/urls';
import { LOCALES } from '../i18n/locales';

/**
 * Lists every page a search engine should index in every locale, each with its
 * hreflang alternates. Fallback pages are left out: they repeat another language.
 */
export const GET: APIRoute = async ({ site }) => {
  const catalog = await loadCatalog();
  const entries: { loc: string; alternates: Alternate[] }[] = [];
  for (const locale of LOCALES) {
    entries.push({ loc: urls.home(locale), alternates: everyLocaleAlternates(urls.home) });
    for (const page of catalog.lessonsIn(locale)) {
      if (!page.isFallback)
        entries.push({ loc: urls.lesson(locale, page.lessonId), alternates: lessonAlternates(page) });
    }
  }
  const absolute = (path: string) => escapeXml(new URL(path, site).href);
  const body = entries
    .map(({ loc, alternates }) =>
      [
        `  <url>`,
        `    <loc>${absolute(loc)}</loc>`,
        ...alternates.map(
          (alt) => `    <xhtml:link rel="alternate" hreflang="${alt.hreflang}" href="${absolute(alt.href)}"/>`,
        ),
        `  </url>`,
      ].join('\n'),
    )
    .join('\n');
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${body}\n</urlset>\n`;
  return new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};

function escapeXml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}
