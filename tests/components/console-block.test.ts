import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { describe, expect, it } from 'vitest';
import ConsoleBlock from '../../src/components/ConsoleBlock.astro';

const steps = JSON.stringify([
  { prompt: '$ ', command: 'docker network ls', output: ['NETWORK ID     NAME      DRIVER    SCOPE'] },
]);

async function render(locale: string, props: Record<string, unknown>): Promise<string> {
  const container = await AstroContainer.create();
  return container.renderToString(ConsoleBlock, { params: { locale }, props: { steps, ...props } });
}

describe('ConsoleBlock', () => {
  it.each([
    ['es', 'Sin verificar'],
    ['pt', 'Não verificado'],
    ['fr', 'Non vérifié'],
  ])("says a norun block is not verified, in the reader's language (%s)", async (locale, words) => {
    const html = await render(locale, { status: 'norun' });
    expect(html).toMatch(
      new RegExp(`<button type="button" class="console__mark console__mark--norun"[^>]*>${words}</button>`),
    );
    expect(html).not.toContain('console__mark--verified');
  });

  it('names the simulated Docker release on a verified block', async () => {
    const html = await render('pt', { status: 'verified', dockerVersion: '29.7.2' });
    expect(html).toMatch(
      /<button type="button" class="console__mark console__mark--verified"[^>]*>Verificado · Docker 29\.7\.2<\/button>/,
    );
    expect(html).not.toContain('console__mark--norun');
  });

  it('carries no mark on a block built without verification', async () => {
    const html = await render('es', {});
    expect(html).not.toContain('console__mark');
  });

  it('turns an elision that stands for no line into a plain note, with no button to press', async () => {
    const elided = JSON.stringify([
      { prompt: '$ ', command: 'docker ps', output: ['CONTAINER ID   IMAGE', { omitted: [] }] },
    ]);
    const html = await render('fr', { steps: elided, status: 'verified', dockerVersion: '29.7.2' });
    expect(html).toMatch(/<span class="console__omitted"[^>]*>lignes omises<\/span>/);
    expect(html).not.toContain('data-console-omitted');
  });

  it('explains the mark in a popover its button opens, so a tap says where the output comes from', async () => {
    const html = await render('fr', { status: 'verified', dockerVersion: '29.7.2' });
    const target = /<button type="button" class="console__mark[^"]*" popovertarget="([^"]+)"/.exec(html)?.[1];
    expect(target).toBeTruthy();
    expect(html).toMatch(
      new RegExp(
        `<span id="${target}" class="console__note" popover>Cette sortie est produite par netsim, qui simule Docker Engine 29\\.7\\.2, lors de la génération du site</span>`,
      ),
    );
  });

  it('gives each block of a page its own note', async () => {
    const container = await AstroContainer.create();
    const locals = {};
    const ids: (string | undefined)[] = [];
    for (let block = 0; block < 2; block += 1) {
      const html = await container.renderToString(ConsoleBlock, {
        params: { locale: 'es' },
        locals,
        props: { steps, status: 'norun' },
      });
      ids.push(/popovertarget="([^"]+)"/.exec(html)?.[1]);
    }
    expect(new Set(ids).size).toBe(2);
  });

  it('labels the omitted-lines button with what pressing it does, both ways', async () => {
    const elided = JSON.stringify([{ prompt: '$ ', command: 'docker ps', output: [{ omitted: ['a', 'b', 'c'] }] }]);
    const html = await render('es', { steps: elided, status: 'verified', dockerVersion: '29.7.2' });
    expect(html).toMatch(
      /data-label-show="Mostrar 3 líneas omitidas" data-label-hide="Volver a ocultar 3 líneas"[^>]*>Mostrar 3 líneas omitidas<\/button>/,
    );
  });

  it('has a status region for the copy button, whose new text its aria-label would hide', async () => {
    const html = await render('pt', {});
    expect(html).toMatch(/<span class="visually-hidden" role="status" data-console-copy-status><\/span>/);
  });
});
