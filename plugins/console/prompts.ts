/**
 * Prompts a console block may show, as a terminal prints them. Anything else at the
 * start of a line is output. Anchored alternatives, longest first, so that
 * `root@98ab5a0c2f0c:/# ` is one prompt and not `#` after some output.
 */
const PROMPT_PATTERNS: readonly RegExp[] = [
  // Debian/Ubuntu containers and hosts: user@hostname:cwd# or $
  /^[a-z_][a-z0-9_-]*@[A-Za-z0-9][A-Za-z0-9.-]*:[^\s#$]*[#$] /,
  // BusyBox/Alpine ash: the working directory then "# "
  /^\/[^\s#$]* # /,
  // The simulated host: a regular user at "$ ", root at "# "
  /^[$#] /,
];

/** The prompt at the start of `line`, or undefined when the line is output. */
export function promptOf(line: string): string | undefined {
  for (const pattern of PROMPT_PATTERNS) {
    const match = pattern.exec(line);
    if (match) return match[0];
  }
  return undefined;
}
