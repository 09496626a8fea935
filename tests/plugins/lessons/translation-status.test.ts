import { symlinkSync, renameSync, lstatSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../plugins/lessons/cli';
import { fingerprintLesson } from '../../../plugins/lessons/source-fingerprint';
import {
  formatStatus,
  markTranslated,
  translationStatus,
  withTranslatedFrom,
} from '../../../plugins/lessons/translation-status';
import { corrupt, fixtureCopy, FIXTURES, read, SOURCE_LESSON, TRANSLATED_LESSON, write } from './lesson-fixtures';

function run(argv: string[], root: string) {
  let out = '';
  let err = '';
  const status = main(
    argv,
    { root, netsimVersion: 'test', cacheDirectory: `${root}/.cache` },
    { out: (text) => (out += text), err: (text) => (err += text), interactive: false },
  );
  return { status, out, err };
}

const stateOf = (root: string, locale: string) =>
  translationStatus(root).find((row) => row.locale === locale && row.lessonId === 'bridge-basics')!.state;

describe('translation status', () => {
  it('knows the fixture translation is current, the source is the source, and a language without a file is missing', () => {
    expect(stateOf(FIXTURES, 'es')).toEqual({ kind: 'source' });
    expect(stateOf(FIXTURES, 'pt')).toEqual({ kind: 'current' });
    expect(stateOf(FIXTURES, 'fr')).toEqual({ kind: 'missing' });
  });

  it('stays current when lessons:update only rewrites outputs in the source', () => {
    const root = fixtureCopy();
    corrupt(root, SOURCE_LESSON, '-P OUTPUT ACCEPT\n-P POSTROUTING', '-P OUTPUT DROP\n-P POSTROUTING');
    expect(stateOf(root, 'pt')).toEqual({ kind: 'current' });
  });

  it.each([
    [
      'a sentence of prose',
      'Docker crea `docker0` al arrancar.',
      'Docker crea el puente `docker0` al arrancar.',
      ['prose'],
    ],
    ['a heading level', '## La interfaz docker0', '### La interfaz docker0', ['structure']],
    ['a command', '# iptables -t nat -S', '# iptables -t nat -S POSTROUTING', ['commands']],
    ['a fence option', '```console exit=1', '```console exit=1 session=other', ['commands']],
  ])('goes stale when the source changes %s, and says which part', (_what, from, to, changed) => {
    const root = fixtureCopy();
    corrupt(root, SOURCE_LESSON, from, to);
    expect(stateOf(root, 'pt')).toEqual({ kind: 'stale', changed });
  });

  it('warns about a stale translation in lessons:check, and fails only with --strict', () => {
    const root = fixtureCopy();
    corrupt(root, SOURCE_LESSON, 'Docker crea `docker0` al arrancar.', 'Docker crea el puente `docker0` al arrancar.');
    const relaxed = run(['check', '--no-cache'], root);
    expect(relaxed.out).toContain(
      `${TRANSLATED_LESSON}:10:1: warning: translation not current: its source ${SOURCE_LESSON} changed its prose since it was marked up to date; bring it up to date, then run \`npm run lessons:translated -- ${TRANSLATED_LESSON}\`\n`,
    );
    expect(relaxed.status).toBe(0);
    expect(run(['check', '--no-cache', '--strict'], root).status).toBe(1);
  });

  it('marks a translation current by writing the source fingerprint in its front matter, and nothing else', () => {
    const root = fixtureCopy();
    corrupt(root, SOURCE_LESSON, 'Docker crea `docker0` al arrancar.', 'Docker crea el puente `docker0` al arrancar.');
    const before = read(root, TRANSLATED_LESSON);
    expect(run(['translated', TRANSLATED_LESSON], root)).toEqual({
      status: 0,
      err: '',
      out: `${TRANSLATED_LESSON}: marked up to date with its source\n`,
    });
    const after = read(root, TRANSLATED_LESSON);
    const fingerprint = fingerprintLesson(read(root, SOURCE_LESSON));
    expect(after).toBe(before.replace(/  prose: "[0-9a-f]{10}"/, `  prose: "${fingerprint.prose}"`));
    expect(stateOf(root, 'pt')).toEqual({ kind: 'current' });
    expect(run(['translated', TRANSLATED_LESSON], root).out).toBe(
      `${TRANSLATED_LESSON}: already marked up to date with its source\n`,
    );
  });

  it('refuses to mark a source lesson, and names the command when no file is given', () => {
    const root = fixtureCopy();
    expect(run(['translated', SOURCE_LESSON], root)).toMatchObject({
      status: 1,
      err: `${SOURCE_LESSON}:1:1: this is the source lesson (sourceLocale: es); mark its translations instead\n`,
    });
    expect(run(['translated'], root)).toMatchObject({
      status: 2,
      err: expect.stringContaining('name the translations to mark up to date with their source'),
    });
  });

  it('writes through a symlinked translation, which stays a link', () => {
    const root = fixtureCopy();
    corrupt(root, SOURCE_LESSON, '## La interfaz docker0', '### La interfaz docker0');
    renameSync(join(root, TRANSLATED_LESSON), join(root, 'real.mdx'));
    symlinkSync(join(root, 'real.mdx'), join(root, TRANSLATED_LESSON));
    expect(markTranslated(root, TRANSLATED_LESSON)).toEqual({ written: true });
    expect(lstatSync(join(root, TRANSLATED_LESSON)).isSymbolicLink()).toBe(true);
    expect(read(root, 'real.mdx')).toContain(
      `  structure: "${fingerprintLesson(read(root, SOURCE_LESSON)).structure}"`,
    );
  });

  it('adds translatedFrom to a front matter without it, keeping CRLF line endings', () => {
    const text = '---\r\ntitle: T\r\nlessonId: x\r\n---\r\nbody\r\n';
    expect(withTranslatedFrom(text, { prose: '0123456789', structure: 'abcdefabcd', commands: 'ffffffffff' })).toBe(
      '---\r\ntitle: T\r\nlessonId: x\r\ntranslatedFrom:\r\n  prose: "0123456789"\r\n  structure: "abcdefabcd"\r\n  commands: "ffffffffff"\r\n---\r\nbody\r\n',
    );
  });

  it('prints a table per language with the counts', () => {
    const root = fixtureCopy();
    write(root, TRANSLATED_LESSON, read(root, TRANSLATED_LESSON).replace(/translatedFrom:\n(  .*\n)+/, ''));
    const text = formatStatus(translationStatus(root));
    expect(text).toContain(
      'pt\nlesson         state\n-------------  -----\nbridge-basics  never marked\n0 source, 0 current, 0 stale, 1 never marked, 0 missing\n',
    );
    expect(text).toContain(
      'fr\nlesson         state\n-------------  -----\nbridge-basics  missing (readers get the source)\n',
    );
  });
});
