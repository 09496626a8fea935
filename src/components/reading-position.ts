import { readStored, writeStored } from './stored-record';

/**
 * Where the reader was last: the lesson, and the section being read there. Kept in
 * this browser only; the course home offers to continue from it. The section is a
 * heading id, the same in every language (plugins/headings).
 */
export const READING_POSITION_KEY = 'reading-position';

export interface ReadingPosition {
  lessonId: string;
  section?: string;
}

export const readReadingPosition = (): Partial<ReadingPosition> =>
  readStored<Partial<ReadingPosition>>(READING_POSITION_KEY);

export function saveReadingPosition(lessonId: string, section: string | undefined): void {
  writeStored(READING_POSITION_KEY, section ? { lessonId, section } : { lessonId });
}
