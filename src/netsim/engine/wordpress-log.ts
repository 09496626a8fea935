import type { LogEntry } from './container';
import { resumingNotices, serverNameWarnings } from './apache-log';
import { derivedInt } from './derived';

type Line = Omit<LogEntry, 'timeMs'>;

/**
 * What the official wordpress image (php8.3-apache) writes as it starts, from
 * docker-library/wordpress latest/php8.3/apache/docker-entrypoint.sh (commit
 * bf223d1c): on an empty /var/www/html it copies /usr/src/wordpress (two lines
 * to stderr); with any WORDPRESS_* variable and no wp-config.php it copies
 * wp-config-docker.php, naming the variables as bash's `${!WORDPRESS_@}` lists
 * them (sorted). Then apache2-foreground execs `apache2 -DFOREGROUND`: AH00558
 * twice (the configuration is read twice at start-up) with the address the
 * container's hostname resolves to, then the prefork MPM's and core's notices,
 * as a real `docker logs` of the image prints them.
 */
export const APACHE_TRIXIE = 'Apache/2.4.66 (Debian)';
export const PHP_VERSION = 'PHP/8.3.33';

/** The WORDPRESS_* variables of an environment, in bash's order for `${!WORDPRESS_@}`. */
export function wordpressVariables(env: ReadonlyMap<string, string>): string[] {
  return [...env.keys()].filter((name) => name.startsWith('WORDPRESS_')).sort();
}

export function wordpressStartup(
  ms: number,
  containerId: string,
  env: ReadonlyMap<string, string>,
  hostname: string,
  address: string | undefined,
): Line[] {
  const variables = wordpressVariables(env);
  const micros = (ms % 1000) * 1000 + derivedInt(containerId, 'apache:start', 1000);
  return [
    { stream: 'stderr', text: 'WordPress not found in /var/www/html - copying now...' },
    { stream: 'stderr', text: 'Complete! WordPress has been successfully copied to /var/www/html' },
    ...(variables.length > 0
      ? [
          {
            stream: 'stderr' as const,
            text: `No 'wp-config.php' found in /var/www/html, but 'WORDPRESS_...' variables supplied; copying 'wp-config-docker.php' (${variables.join(' ')})`,
          },
        ]
      : []),
    ...serverNameWarnings('apache2', hostname, address),
    ...resumingNotices(
      ms,
      micros,
      { module: 'mpm_prefork', code: 'AH00163' },
      `${APACHE_TRIXIE} ${PHP_VERSION}`,
      'apache2 -D FOREGROUND',
    ),
  ];
}
