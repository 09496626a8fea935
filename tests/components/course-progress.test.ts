import { describe, expect, it } from 'vitest';
import { lessonMark } from '../../src/components/course-nav/course-progress';
import type { Progress } from '../../src/components/quiz/quiz-progress';

const right = { answer: ['a'], correct: true };
const wrong = { answer: ['b'], correct: false };

describe('lessonMark', () => {
  it('is none for a lesson this browser has no progress of', () => {
    expect(lessonMark('drivers', 7, 1, {}, {})).toEqual({ state: 'none' });
  });

  it('is started while a question is wrong or unanswered, or an exercise is left', () => {
    const quiz: Progress = { drivers: { count: 7, answers: { q1: right, q2: wrong } } };
    expect(lessonMark('drivers', 7, 1, quiz, {})).toEqual({ state: 'started', quiz: { correct: 1, count: 7 } });
    expect(lessonMark('drivers', 2, 1, { drivers: { count: 2, answers: { q1: right, q2: right } } }, {}).state).toBe(
      'started',
    );
    expect(lessonMark('drivers', 7, 1, {}, { drivers: { count: 1, done: ['dns'] } })).toEqual({
      state: 'started',
      exercises: { done: 1, count: 1 },
    });
  });

  it("is done when every question is right and every exercise done, by the lesson's own counts", () => {
    const quiz: Progress = { drivers: { count: 2, answers: { q1: right, q2: right } } };
    expect(lessonMark('drivers', 2, 1, quiz, { drivers: { count: 1, done: ['dns'] } })).toEqual({
      state: 'done',
      quiz: { correct: 2, count: 2 },
      exercises: { done: 1, count: 1 },
    });
    // The stored count is what the quiz had then; a question added since still has to be answered.
    expect(lessonMark('drivers', 3, 1, quiz, { drivers: { count: 1, done: ['dns'] } }).state).toBe('started');
  });
});
