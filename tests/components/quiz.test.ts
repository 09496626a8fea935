import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { describe, expect, it } from 'vitest';
import Quiz from '../../src/components/quiz/Quiz.astro';
import QuizOption from '../../src/components/quiz/QuizOption.astro';
import QuizQuestion from '../../src/components/quiz/QuizQuestion.astro';
import type { CommandCheck } from '../../src/practice/replay';

async function render(
  component: Parameters<AstroContainer['renderToString']>[0],
  locale: string,
  props: Record<string, unknown>,
  slots: Record<string, string> = {},
) {
  const container = await AstroContainer.create();
  return container.renderToString(component, { params: { locale }, props, slots });
}

const check: CommandCheck = {
  recipe: { seed: 1, steps: [{ prompt: '$ ', command: 'docker network create red1' }] },
  prompt: '$ ',
  compare: 'state',
  probe: "docker network inspect -f '{{.Driver}}' app",
  expected: ['bridge'],
  exit: 0,
};

describe('quiz components', () => {
  it.each([
    ['single', 'radio'],
    ['multiple', 'checkbox'],
    ['predict', 'radio'],
  ] as const)('renders a %s option as a native %s input with its label and explanation', async (kind, type) => {
    const html = await render(
      QuizOption,
      'es',
      { question: 'q1', id: 'a', multiple: kind === 'multiple', correct: true },
      {
        default:
          kind === 'predict' ? '<span class="quiz__output"><code>ping: bad address \'a2\'</code></span>' : 'Option A',
        explanation: '<p>Because.</p>',
      },
    );
    expect(html).toMatch(
      new RegExp(
        `<div class="quiz__option" data-option="a"><input id="question--q1--a" type="${type}" name="question-q1" value="a"><label for="question--q1--a">`,
      ),
    );
    expect(html).toContain(
      '<details class="quiz__why" data-explanation="a"><summary>Explicación</summary><p class="quiz__verdict">Esta respuesta es correcta.</p><p>Because.</p></details>',
    );
  });

  it("says a wrong option is wrong, in the reader's language", async () => {
    expect(
      await render(QuizOption, 'fr', { question: 'q', id: 'b' }, { default: 'B', explanation: '<p>Non.</p>' }),
    ).toContain('<p class="quiz__verdict">Cette réponse est fausse.</p>');
    expect(
      await render(QuizOption, 'pt', { question: 'q', id: 'b' }, { default: 'B', explanation: '<p>Não.</p>' }),
    ).toContain('<p class="quiz__verdict">Esta resposta não está correta.</p>');
  });

  it.each(['single', 'multiple', 'predict'] as const)(
    'renders a %s question as a fieldset whose legend numbers and asks it, with its hooks',
    async (kind) => {
      const html = await render(
        QuizQuestion,
        'pt',
        { id: 'q1', kind, number: 2, total: 5, correct: 'a,b' },
        { prompt: 'Qual?', default: '<div data-option="a"></div>' },
      );
      expect(html).toContain(
        `<fieldset class="quiz__question" id="question--q1" data-question="q1" data-kind="${kind}" data-correct="a,b">`,
      );
      expect(html).toContain(
        '<legend class="quiz__legend"><span class="quiz__number">Pergunta 2 de 5</span> <span class="quiz__prompt">Qual?</span></legend>',
      );
      expect(html).toMatch(/<button type="button" class="button quiz__check" data-check hidden>Verificar<\/button>/);
      expect(html).toContain('<div class="quiz__feedback" data-feedback role="status"></div>');
      expect(html).not.toContain('data-command-input');
    },
  );

  it('renders a command question with a labelled input, the rule it is checked by, the answer on request and the check as inert JSON', async () => {
    const html = await render(
      QuizQuestion,
      'es',
      {
        id: 'create',
        kind: 'command',
        number: 5,
        total: 5,
        answer: 'docker network create app',
        check: JSON.stringify({ ...check, expected: ['</script><script>alert(1)</script>'] }),
      },
      { prompt: 'Crea la red.', explanation: '<p>Porque sí.</p>' },
    );
    expect(html).toContain('data-kind="command"');
    expect(html).toMatch(/<label class="quiz__command-label" for="question--create--command">Tu comando<\/label>/);
    expect(html).toMatch(
      /<input id="question--create--command" class="quiz__command-input" type="text" name="question-create" autocomplete="off" autocapitalize="off" spellcheck="false" data-command-input>/,
    );
    expect(html).toContain(
      'Vale cualquier comando que deje el host en el mismo estado, comprobado con: docker network inspect -f &#39;{{.Driver}}&#39; app',
    );
    expect(html).toContain(
      '<summary>Ver una respuesta válida</summary><pre class="quiz__answer"><code>$ docker network create app</code></pre><p>Porque sí.</p>',
    );
    const json = /<script type="application\/json" data-command-check>([^]*?)<\/script>/.exec(html)![1]!;
    expect(json).not.toContain('</script');
    expect(JSON.parse(json)).toMatchObject({ compare: 'state', expected: ['</script><script>alert(1)</script>'] });
  });

  it('renders the quiz root with the lesson id, the count, the plural forms for the score and a hidden score', async () => {
    const html = await render(Quiz, 'fr', { lessonId: 'network-drivers', count: 6 }, { default: '<li>q</li>' });
    expect(html).toMatch(/<section class="quiz" data-quiz="network-drivers" data-count="6" data-lang="fr"/);
    expect(html).toContain('aria-label="Quiz de la leçon"');
    const forms = JSON.parse(/data-score-forms="([^"]*)"/.exec(html)![1]!.replaceAll('&quot;', '"'));
    expect(Object.keys(forms).sort()).toEqual(
      new Intl.PluralRules('fr').resolvedOptions().pluralCategories.slice().sort(),
    );
    expect(html).toContain('<p class="quiz__score" data-quiz-score aria-live="polite" hidden></p>');
  });
});
