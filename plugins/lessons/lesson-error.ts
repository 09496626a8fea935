/** An authoring mistake at a place in a lesson: printed as `file:line:column: message`. */
export class LessonError extends Error {
  constructor(
    readonly path: string,
    readonly line: number,
    readonly column: number,
    readonly reason: string,
  ) {
    super(`${path}:${line}:${column}: ${reason}`);
    this.name = 'LessonError';
  }
}
