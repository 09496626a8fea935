import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A page as the site renders one: a body for Pagefind, Shiki's style attributes, an inline script, ignored output. */
function page(lang: string, title: string, words: string): string {
  return (
    `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8"><title>${title}</title>` +
    '<script>document.documentElement.dataset.theme="dark"</script><style>main{margin:0}</style></head>' +
    `<body><nav><a href="/">menu</a></nav><main><article data-pagefind-body><h1 id="top">${title}</h1>` +
    `<p>${words} <code style="--shiki-light:#032F62;--shiki-dark:#9ECBFF">docker network</code></p>` +
    '<pre class="console" data-search-terms="docker network inspect" data-pagefind-index-attrs="data-search-terms">' +
    '<span data-pagefind-ignore style="--shiki-light:#6F42C1">$ docker network inspect -f x</span>' +
    `<span class="out" style="color:red">output nobody searches</span></pre><h2 id="more">${words}</h2></article></main>` +
    '<footer>pie</footer></body></html>'
  );
}

/** A throwaway built site of a few pages in two languages, at the paths Astro writes them. */
export function builtSiteFixture(): string {
  const site = mkdtempSync(join(tmpdir(), 'built-site-'));
  const pages: Record<string, string> = {
    'index.html': '<!DOCTYPE html><html lang="es"><head><meta charset="utf-8"></head><body>redirige</body></html>',
    'es/puente/index.html': page('es', 'El puente por defecto', 'Los contenedores comparten el puente docker0'),
    'es/redes/index.html': page('es', 'Redes definidas', 'Una red definida resuelve nombres por DNS'),
    'pt/ponte/index.html': page('pt-BR', 'A ponte padrão', 'Os contêineres compartilham a ponte docker0'),
    '_astro/site.css': 'body{color:black}',
  };
  for (const [path, text] of Object.entries(pages)) {
    mkdirSync(dirname(join(site, path)), { recursive: true });
    writeFileSync(join(site, path), text);
  }
  return site;
}
