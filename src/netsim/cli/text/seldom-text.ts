import type { Program } from '../command';
import { lazyTool } from '../lazy-tool';
import type { TextDialect } from './dialect';
import { TEXT_MODULE_TOOLS } from './text-tool-names';

/** Tools BusyBox has no applet for (util-linux's column). */
const NOT_IN_BUSYBOX = new Set<string>(['column']);

/**
 * The seldom-typed text tools in one dialect, each built from its tool module
 * when it runs (sed and awk from theirs): GNU's for the Debian host, BusyBox's
 * applets for its images.
 */
export function seldomTextPrograms(dialect: TextDialect): Program[] {
  const names = dialect === 'gnu' ? TEXT_MODULE_TOOLS : TEXT_MODULE_TOOLS.filter((name) => !NOT_IN_BUSYBOX.has(name));
  return [
    ...names.map((name) => lazyTool(name, 'textTools', (tools) => tools.textToolProgram(name, dialect))),
    lazyTool('sed', 'sed', (tools) => tools.sedProgram(dialect)),
    lazyTool('awk', 'awk', (tools) => tools.awkProgram(dialect)),
    // Debian's awk is mawk, also on PATH by its own name.
    ...(dialect === 'gnu' ? [lazyTool('mawk', 'awk', (tools) => tools.awkProgram(dialect, 'mawk'))] : []),
  ];
}
