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

  constructor(programs: readonly Program[], runByShell: readonly string[] = []) {
    this.byName = new Map(programs.map((program) => [program.name, program]));
    this.installed = [...this.byName.keys(), ...runByShell];
  }

  get(name: string): Program | undefined {
    return this.byName.get(name);
  }

  /** Every installed program's name, each once. */
  names(): readonly string[] {
    return this.installed;
  }
}
