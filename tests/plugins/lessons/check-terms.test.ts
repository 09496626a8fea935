import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkTerms, readGlossary, type Glossary } from '../../../plugins/lessons/check-terms';
import { LessonError } from '../../../plugins/lessons/lesson-error';

const glossary: Glossary = {
  es: {
    terms: [
      { concept: 'file', use: 'archivo', avoid: ['fichero', 'ficheros'] },
      { concept: 'embedded DNS', use: 'DNS interno', avoid: ['DNS embebido'] },
    ],
  },
  pt: { terms: [{ concept: 'scope', use: 'escopo', avoid: ['abrangência'] }] },
  fr: { typography: 'french', terms: [] },
};

const lesson = (body: string) => `---\ntitle: T\n---\n\n${body}\n`;

describe('checkTerms', () => {
  it('finds a word the glossary rules out in prose, at its line and column, and says what to write', () => {
    expect(checkTerms(lesson('Abre el fichero de configuración.'), 'es', glossary)).toEqual([
      {
        line: 5,
        column: 9,
        message: '"fichero" is ruled out by the glossary (content/glossary.yaml) for file: write "archivo"',
      },
    ]);
  });

  it('matches whole words in any case, accented edges included, and phrases across a line break', () => {
    const findings = checkTerms(
      lesson('Los Ficheros se guardan.\nEl DNS\nembebido responde. Un fichero_x no.'),
      'es',
      glossary,
    );
    expect(findings.map((finding) => [finding.line, finding.message.split(' ')[0]])).toEqual([
      [5, '"Ficheros"'],
      [6, '"DNS\nembebido"'],
    ]);
    expect(checkTerms(lesson('A coluna Abrangência.'), 'pt', glossary)).toHaveLength(1);
    expect(checkTerms(lesson('O escopo local; abrangênciax não é palavra.'), 'pt', glossary)).toEqual([]);
  });

  it('leaves code, commands and outputs alone', () => {
    const text = lesson(
      'Usa `fichero` aquí.\n\n```console\n$ cat fichero\ncat: fichero: No such file or directory\n```\n\n```text\nfichero\n```',
    );
    expect(checkTerms(text, 'es', glossary)).toEqual([]);
  });

  it('checks prose inside quizzes and exercises too', () => {
    expect(checkTerms(lesson('<Hint>Mira el fichero.</Hint>'), 'es', glossary)).toHaveLength(1);
  });

  it('wants a non-breaking space before : ; ? ! and inside « » in French', () => {
    const findings = checkTerms(
      lesson('Pourquoi ? Voici la règle : « pont » et\u00a0«\u00a0pont\u00a0» ; fin\u202f!'),
      'fr',
      glossary,
    );
    expect(findings.map((finding) => finding.column)).toEqual([9, 26, 29, 35, 49]);
    expect(findings[0]!.message).toBe(
      'an ordinary space before "?": French typography wants a non-breaking one (U+00A0, or U+202F before ; ? !)',
    );
    expect(findings[2]!.message).toBe(
      'an ordinary space inside « »: French typography wants a non-breaking one (U+00A0)',
    );
    expect(checkTerms(lesson('Voir http://exemple.org et 10:30, IPv6 ::1.'), 'fr', glossary)).toEqual([]);
  });

  it('checks nothing in a language the glossary does not list', () => {
    expect(checkTerms(lesson('fichero ?'), 'de', glossary)).toEqual([]);
  });
});

describe('readGlossary', () => {
  const project = (text: string | undefined) => {
    const root = mkdtempSync(join(tmpdir(), 'glossary-'));
    mkdirSync(join(root, 'content'));
    if (text !== undefined) writeFileSync(join(root, 'content/glossary.yaml'), text);
    return root;
  };

  it('reads the project glossary', () => {
    expect(readGlossary(process.cwd()).pt!.terms.find((term) => term.concept === 'scope')).toMatchObject({
      use: 'escopo',
      avoid: expect.arrayContaining(['abrangência']),
    });
  });

  it('is empty without a file, and a located error when the file is wrong', () => {
    expect(readGlossary(project(undefined))).toEqual({});
    expect(() => readGlossary(project('es:\n  terms:\n    - concept: x\n      use: y\n'))).toThrow(LessonError);
    expect(() => readGlossary(project('es:\n  terms:\n    - concept: x\n      use: y\n'))).toThrow(
      'content/glossary.yaml:1:1: es.terms.0.avoid:',
    );
    expect(() => readGlossary(project('es: [\n'))).toThrow(/^content\/glossary\.yaml:\d+:\d+: not valid YAML/);
  });
});
