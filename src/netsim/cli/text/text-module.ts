import type { Program } from '../command';
import type { TextDialect } from './dialect';
import type { TextToolName } from './text-tool-names';
import { basenameProgram, clearProgram, dirnameProgram, nlProgram, pagerProgram, revProgram } from './line-tools';
import { columnProgram } from './column';
import { timeoutProgram } from './timeout';
import { trProgram } from './tr';
import { uniqProgram } from './uniq';
import { watchProgram } from './watch';
import { xargsProgram } from './xargs';

/**
 * The text tools lessons pipe into less often than cat, grep, head and tail
 * (which stay in the core), a tool module of their own: a reader's terminal
 * fetches them the first time a line runs one. sed and awk are modules apart.
 */
export { sortProgram } from './sort';
export { cutProgram } from './cut';
export { wcProgram } from './wc';

const MAKERS = {
  tr: trProgram,
  uniq: uniqProgram,
  xargs: xargsProgram,
  timeout: timeoutProgram,
  rev: revProgram,
  nl: nlProgram,
  basename: basenameProgram,
  dirname: dirnameProgram,
  clear: clearProgram,
  less: (dialect: TextDialect) => pagerProgram('less', dialect),
  more: (dialect: TextDialect) => pagerProgram('more', dialect),
  column: () => columnProgram,
  watch: watchProgram,
} satisfies Record<TextToolName, (dialect: TextDialect) => Program>;

/** The program `name` in a dialect: GNU's on Debian, BusyBox's applet in its images. */
export function textToolProgram(name: TextToolName, dialect: TextDialect): Program {
  return MAKERS[name](dialect);
}
