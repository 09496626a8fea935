import type { APIRoute } from 'astro';
import { isLocale } from '../../i18n/locales';
import { localeStaticPaths } from '../../i18n/static-paths';
import { webAppManifest } from '../../offline/web-app-manifest';

export const getStaticPaths = localeStaticPaths;

export const GET: APIRoute = ({ params }) => {
  if (!params.locale || !isLocale(params.locale)) throw new Error(`No manifest for ${params.locale}`);
  return new Response(`${JSON.stringify(webAppManifest(params.locale), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/manifest+json' },
  });
};
