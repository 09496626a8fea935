import type { Program } from './cli/command';

/**
 * The programs installed on one machine, by name: the one list its shell looks a
 * command up in, its disk is made from (so `which`, `command -v` and `ls /usr/bin`
 * find what the shell runs) and a terminal completes. `runByShell` are installed
 * programs the machine's shell runs itself: sudo, whose command the shell runs as root.
 */
export class ProgramRegistry {
  private readonly byName: ReadonlyMap<string, Program>;
  private readonly installed: readonly string[];
  private readonly packaged: ReadonlySet<string>;

  /** `packaged`: programs a package manager installs, there only once their file is on the disk (not in names()). */
  constructor(programs: readonly Program[], runByShell: readonly string[] = [], packaged: readonly Program[] = []) {
    this.byName = new Map([...programs, ...packaged].map((program) => [program.name, program]));
    this.installed = [...programs.map((program) => program.name), ...runByShell];
    this.packaged = new Set(packaged.map((program) => program.name));
  }

  /** Whether `name` is a program only a package installs, which the shell finds by its file. */
  isPackaged(name: string): boolean {
    return this.packaged.has(name);
  }

  get(name: string): Program | undefined {
    return this.byName.get(name);
  }

  /** Every installed program's name, each once. */
  names(): readonly string[] {
    return this.installed;
  }
}
