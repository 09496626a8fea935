/**
 * The words a reader would search a command line by: program names, subcommands and
 * plain arguments (network, container and image names). Flags, quoted templates,
 * addresses, ports and paths are left out: they would make every lesson match
 * `-n` or `{{.NetworkSettings}}`, and drown the prose that explains them.
 */
export function commandTerms(command: string): string[] {
  const words = command
    // Single quotes hold Go templates, filters and literal text, never a command.
    .replace(/'[^']*'/g, ' ')
    // Command substitutions, pipes and lists hold commands of their own: keep their words.
    .replace(/\$\(|[()|;&<>`"\\]/g, ' ')
    .split(/\s+/)
    // Flags, and paths and URLs, which name files and addresses rather than what the command does.
    .filter((token) => token && !token.startsWith('-') && !token.includes('/'))
    // An image tag or an assignment names two things: nginx:alpine, VAR=value.
    .flatMap((token) => token.split(/[:=@]/))
    .filter((word) => /^[\p{L}\p{N}][\p{L}\p{N}._-]*$/u.test(word) && /\p{L}/u.test(word));
  return [...new Set(words)];
}
