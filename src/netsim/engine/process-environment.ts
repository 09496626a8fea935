/** moby's system.DefaultPathEnv for Linux containers. */
const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/**
 * The environment a container's process starts with: moby's
 * CreateDaemonEnvironment (container/container.go: PATH, HOSTNAME, TERM=xterm
 * with a TTY, then the container's Env replacing those of the same name and
 * appending the rest: ReplaceOrAppendEnvValues), then runc's setupUser, which
 * sets HOME from the user's passwd entry when nothing set it (appended last).
 */
export function processEnvironment(
  configEnv: readonly string[],
  hostname: string,
  tty: boolean,
  home: string,
): [string, string][] {
  const env = new Map<string, string>([
    ['PATH', DEFAULT_PATH],
    ['HOSTNAME', hostname],
  ]);
  if (tty) env.set('TERM', 'xterm');
  for (const entry of configEnv) {
    const equals = entry.indexOf('=');
    // An entry without `=` names a variable to take from the client's environment; none is set here.
    if (equals >= 0) env.set(entry.slice(0, equals), entry.slice(equals + 1));
  }
  if (!env.has('HOME')) env.set('HOME', home);
  return [...env];
}
