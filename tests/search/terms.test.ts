import { describe, expect, it } from 'vitest';
import { hitsIn } from '../../src/search/highlight';
import { queryTerms, wordMatches } from '../../src/search/terms';

const marked = (text: string, query: string) =>
  hitsIn(text, queryTerms(query)).map(([start, end]) => text.slice(start, end));

describe('which words a query names', () => {
  it.each([
    ['ponte', 'ponte', true],
    ['pontes', 'ponte', true],
    ['Ponte', 'ponte', true],
    ['ponts', 'pont', true],
    ['rede', 'redes', true],
    ['puente', 'puentes', true],
    ['réseau', 'reseau', true],
    ['pontos', 'ponte', false],
    ['ponto', 'ponte', false],
    ['pontas', 'ponte', false],
    ['ps', 'pont', false],
    ['p', 'pont', false],
    ['n', 'nsenter', false],
    ['head', 'nsenter', false],
  ])('%s for the term %s: %s', (word, term, expected) => {
    expect(wordMatches(word, queryTerms(term)[0]!)).toBe(expected);
  });

  it('splits a query into normalized terms, each once', () => {
    expect(queryTerms('Docker  network, Réseau docker')).toEqual(['docker', 'network', 'reseau']);
  });

  it('marks "ponte" in Portuguese, never "pontos" or "pontas"', () => {
    expect(marked('Os pontos e as pontas da ponte; duas pontes.', 'ponte')).toEqual(['ponte', 'pontes']);
  });

  it('marks "pont" in French, never the flag -p nor ps', () => {
    expect(marked('docker run -p 8080:80 nginx ; docker ps ; un pont, deux ponts', 'pont')).toEqual(['pont', 'ponts']);
  });

  it('marks nsenter, never the -n of head -n 1', () => {
    expect(marked('sudo nsenter -t 1798 -n ip addr | head -n 1', 'nsenter')).toEqual(['nsenter']);
  });

  it('leaves flags unmarked whatever they spell, and keeps hyphenated words', () => {
    expect(marked('docker run --network red1 (--network) ponto-chave network', 'network')).toEqual(['network']);
    expect(marked('ponto-chave', 'chave')).toEqual(['chave']);
  });
});
