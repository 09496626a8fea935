import type { CommandCheck } from '../../practice/replay';
import { fill, pluralText } from '../../i18n/plural-text';
import { readProgress, saveAnswer, scoreOf, type StoredAnswer } from './quiz-progress';

/** The most lines of a reader's command output the feedback shows. */
const SHOWN_LINES = 30;

/**
 * Turns the quizzes of a page into checked exercises: a Check button per question,
 * feedback with the explanation of the chosen options in a live region, Retry, a
 * score, and answers kept in the browser. Without this script the page still has
 * native inputs and each option's explanation behind a disclosure.
 */
export function enhanceQuizzes(root: ParentNode): void {
  for (const quiz of root.querySelectorAll<HTMLElement>('[data-quiz]')) enhanceQuiz(quiz);
}

function enhanceQuiz(quiz: HTMLElement): void {
  const lessonId = quiz.dataset.quiz!;
  const count = Number(quiz.dataset.count);
  const questions = [...quiz.querySelectorAll<HTMLFieldSetElement>('[data-question]')];
  const ids = questions.map((question) => question.dataset.question!);
  quiz.toggleAttribute('data-enhanced', true);
  const score = quiz.querySelector<HTMLElement>('[data-quiz-score]')!;
  const showScore = () => {
    const right = scoreOf(readProgress()[lessonId], ids);
    score.textContent = pluralText(JSON.parse(quiz.dataset.scoreForms!), quiz.dataset.lang!, count, { correct: right });
    score.hidden = false;
  };
  const stored = readProgress()[lessonId]?.answers ?? {};
  for (const question of questions) {
    const id = question.dataset.question!;
    const check = question.querySelector<HTMLButtonElement>('[data-check]')!;
    const retry = question.querySelector<HTMLButtonElement>('[data-retry]')!;
    const command = question.querySelector<HTMLInputElement>('[data-command-input]');
    check.hidden = false;
    const save = (answer: StoredAnswer | undefined) => {
      saveAnswer(lessonId, count, id, answer);
      showScore();
    };
    check.addEventListener('click', () => {
      if (command) void checkCommand(quiz, question, command, check, retry, save);
      else checkChoice(quiz, question, retry, save);
    });
    command?.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') {
        event.preventDefault();
        check.click();
      }
    });
    retry.addEventListener('click', () => {
      clearQuestion(question, retry);
      save(undefined);
      (question.querySelector<HTMLInputElement>('input') ?? check).focus();
    });
    const previous = stored[id];
    if (previous) restore(quiz, question, retry, previous);
  }
  showScore();
}

const options = (question: HTMLElement) => [...question.querySelectorAll<HTMLElement>('[data-option]')];

function checkChoice(
  quiz: HTMLElement,
  question: HTMLElement,
  retry: HTMLButtonElement,
  save: (answer: StoredAnswer) => void,
): void {
  const chosen = [...question.querySelectorAll<HTMLInputElement>('[data-option] input:checked')].map(
    (input) => input.value,
  );
  if (chosen.length === 0) {
    feedbackOf(question).replaceChildren(paragraph(quiz.dataset.textChoose!));
    return;
  }
  const answer = { answer: chosen, correct: isRight(question, chosen) };
  showChoice(quiz, question, retry, answer);
  save(answer);
}

function isRight(question: HTMLElement, chosen: readonly string[]): boolean {
  const correct = question.dataset.correct!.split(',');
  return chosen.length === correct.length && correct.every((id) => chosen.includes(id));
}

/** Marks the chosen options right or wrong and shows their explanations, the first thing a screen reader hears being the verdict. */
function showChoice(quiz: HTMLElement, question: HTMLElement, retry: HTMLButtonElement, answer: StoredAnswer): void {
  const correct = question.dataset.correct!.split(',');
  const parts: Node[] = [verdict(quiz, answer.correct)];
  for (const option of options(question)) {
    const id = option.dataset.option!;
    const picked = answer.answer.includes(id);
    option.dataset.state = picked ? (correct.includes(id) ? 'right' : 'wrong') : '';
    if (picked) parts.push(explanationOf(option));
  }
  const missed = correct.filter((id) => !answer.answer.includes(id)).length;
  if (question.dataset.kind === 'multiple' && missed > 0) {
    parts.push(paragraph(pluralText(JSON.parse(quiz.dataset.missedForms!), quiz.dataset.lang!, missed, {})));
  }
  feedbackOf(question).replaceChildren(...parts);
  question.toggleAttribute('data-checked', true);
  retry.hidden = false;
}

async function checkCommand(
  quiz: HTMLElement,
  question: HTMLElement,
  input: HTMLInputElement,
  button: HTMLButtonElement,
  retry: HTMLButtonElement,
  save: (answer: StoredAnswer) => void,
): Promise<void> {
  const typed = input.value.trim();
  const feedback = feedbackOf(question);
  if (typed === '') {
    feedback.replaceChildren(paragraph(quiz.dataset.textType!));
    return;
  }
  const check = JSON.parse(question.querySelector('[data-command-check]')!.textContent!) as CommandCheck;
  feedback.replaceChildren(paragraph(quiz.dataset.textRunning!));
  button.disabled = true;
  try {
    // netsim is loaded only now, in the terminal's worker, the first time a reader checks a command.
    const { checkInWorker } = await import('../../practice/check-in-worker');
    const { accepted, result } = await checkInWorker(question.dataset.question!, check, typed);
    const answer: StoredAnswer = {
      answer: [typed],
      correct: accepted,
      output: result.output,
      exitCode: result.exitCode,
    };
    showCommand(quiz, question, retry, answer);
    save(answer);
  } catch {
    feedback.replaceChildren(paragraph(quiz.dataset.textLoadFailed!));
  } finally {
    button.disabled = false;
  }
}

function showCommand(quiz: HTMLElement, question: HTMLElement, retry: HTMLButtonElement, answer: StoredAnswer): void {
  const parts: Node[] = [verdict(quiz, answer.correct)];
  const output = answer.output ?? [];
  if (output.length === 0) parts.push(paragraph(quiz.dataset.textPrintedNothing!));
  else {
    parts.push(paragraph(quiz.dataset.textPrinted!));
    const pre = document.createElement('pre');
    pre.className = 'quiz__printed';
    pre.tabIndex = 0;
    pre.textContent = output.slice(0, SHOWN_LINES).join('\n') + (output.length > SHOWN_LINES ? '\n[...]' : '');
    parts.push(pre);
  }
  if (answer.exitCode) parts.push(paragraph(fill(quiz.dataset.textExited!, { code: answer.exitCode })));
  if (answer.correct) parts.push(explanationOf(question, 'answer'));
  feedbackOf(question).replaceChildren(...parts);
  question.toggleAttribute('data-checked', true);
  retry.hidden = false;
}

function restore(quiz: HTMLElement, question: HTMLElement, retry: HTMLButtonElement, answer: StoredAnswer): void {
  const command = question.querySelector<HTMLInputElement>('[data-command-input]');
  if (command) {
    command.value = answer.answer[0] ?? '';
    showCommand(quiz, question, retry, answer);
    return;
  }
  const known = options(question).map((option) => option.dataset.option!);
  // A stored option that no longer exists (the quiz changed) makes the stored answer meaningless.
  if (!answer.answer.every((id) => known.includes(id))) return;
  for (const input of question.querySelectorAll<HTMLInputElement>('[data-option] input'))
    input.checked = answer.answer.includes(input.value);
  showChoice(quiz, question, retry, { ...answer, correct: isRight(question, answer.answer) });
}

function clearQuestion(question: HTMLElement, retry: HTMLButtonElement): void {
  for (const input of question.querySelectorAll<HTMLInputElement>('input')) {
    if (input.type === 'text') input.value = '';
    else input.checked = false;
  }
  for (const option of options(question)) option.dataset.state = '';
  feedbackOf(question).replaceChildren();
  question.removeAttribute('data-checked');
  retry.hidden = true;
}

const feedbackOf = (question: HTMLElement) => question.querySelector<HTMLElement>('[data-feedback]')!;

function verdict(quiz: HTMLElement, right: boolean): HTMLElement {
  const p = paragraph(right ? quiz.dataset.textRight! : quiz.dataset.textWrong!);
  p.className = `quiz__result quiz__result--${right ? 'right' : 'wrong'}`;
  return p;
}

/** A copy of an explanation's text (what its disclosure holds but the summary), for the live region. */
function explanationOf(container: HTMLElement, id?: string): HTMLElement {
  const details = container.querySelector<HTMLDetailsElement>(`[data-explanation${id ? `="${id}"` : ''}]`)!;
  const copy = document.createElement('div');
  copy.className = 'quiz__explanation';
  for (const child of details.children)
    if (child.tagName !== 'SUMMARY' && !child.matches('pre.quiz__answer')) copy.append(child.cloneNode(true));
  return copy;
}

function paragraph(text: string): HTMLElement {
  const p = document.createElement('p');
  p.textContent = text;
  return p;
}
