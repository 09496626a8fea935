import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { describe, expect, it } from 'vitest';
import ConsoleBlock from '../../src/components/ConsoleBlock.astro';

const steps = JSON.stringify([{ prompt: '$ ', command: 'docker network ls', output: ['NETWORK ID     NAME      DRIVER    SCOPE'] }]);

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
    expect(html).toMatch(new RegExp(`class="console__mark console__mark--norun"[^>]*>${words}</span>`));
    expect(html).not.toContain('console__mark--verified');
  });

  it('names the simulated Docker release on a verified block', async () => {
    const html = await render('pt', { status: 'verified', dockerVersion: '29.7.2' });
    expect(html).toMatch(/class="console__mark console__mark--verified"[^>]*>Verificado · Docker 29\.7\.2<\/span>/);
    expect(html).not.toContain('console__mark--norun');
  });

  it('carries no mark on a block built without verification', async () => {
    const html = await render('es', {});
    expect(html).not.toContain('console__mark');
  });

  it('turns an elision that stands for no line into a plain note, with no button to press', async () => {
    const elided = JSON.stringify([{ prompt: '$ ', command: 'docker ps', output: ['CONTAINER ID   IMAGE', { omitted: [] }] }]);
    const html = await render('fr', { steps: elided, status: 'verified', dockerVersion: '29.7.2' });
    expect(html).toMatch(/<span class="console__omitted"[^>]*>lignes omises<\/span>/);
    expect(html).not.toContain('data-console-omitted');
  });
});
