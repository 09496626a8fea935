/**
 * Quiz answers as the browser keeps them: in localStorage only, per lesson id and
 * question id, so they survive a reload and a language switch and never leave
 * the reader's machine.
 */
export const STORAGE_KEY = 'quiz-progress';

export interface StoredAnswer {
  /** Option ids chosen, or the one command typed. */
  answer: string[];
  correct: boolean;
  /** Command questions: what the reader's command showed, and its exit status. */
  output?: string[];
  exitCode?: number;
}

export interface LessonProgress {
  /** How many questions the lesson's quiz has: the course home shows the score over it. */
  count: number;
  answers: Record<string, StoredAnswer>;
}

export type Progress = Record<string, LessonProgress>;

/** Storage can be missing or refuse (private modes, full quota): progress is then kept for the page's life only. */
function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

export function readProgress(): Progress {
  try {
    const parsed: unknown = JSON.parse(storage()?.getItem(STORAGE_KEY) ?? '{}');
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Progress) : {};
  } catch {
    return {};
  }
}

function writeProgress(progress: Progress): void {
  try {
    storage()?.setItem(STORAGE_KEY, JSON.stringify(progress));
  } catch {
    // Full or refused: the answer still shows on the page.
  }
}

export function saveAnswer(lessonId: string, count: number, questionId: string, answer: StoredAnswer | undefined): Progress {
  const progress = readProgress();
  const lesson = progress[lessonId] ?? { count, answers: {} };
  lesson.count = count;
  if (answer) lesson.answers[questionId] = answer;
  else delete lesson.answers[questionId];
  progress[lessonId] = lesson;
  writeProgress(progress);
  return progress;
}

/** Right answers among the questions the quiz has now (a removed question no longer counts). */
export function scoreOf(lesson: LessonProgress | undefined, questionIds?: readonly string[]): number {
  if (!lesson) return 0;
  return Object.entries(lesson.answers).filter(([id, answer]) => answer.correct && (!questionIds || questionIds.includes(id))).length;
}

/** A CLDR plural form picked with the reader's language rules, its {{placeholders}} filled. */
export function pluralText(forms: Record<string, string>, lang: string, count: number, values: Record<string, string | number>): string {
  const template = forms[new Intl.PluralRules(lang).select(count)] ?? forms.other ?? '';
  return fill(template, { count, ...values });
}

export const fill = (template: string, values: Record<string, string | number>): string =>
  template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
