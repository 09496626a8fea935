import type { DatabaseClient } from '../kernel/socket';
import type { Container, LogEntry } from './container';
import { runsImageDefault } from './images';
import { parseImageReference } from '../wire/image-reference';
import { mariadbWordpress } from './mariadb-wordpress-loader';
import { nginxFiles } from './nginx-files-loader';
import { mountPoints } from './volumes';
import { processEnvironment } from './process-environment';
import { hostnameAddress } from './apache-log';

/**
 * What an image's docker-entrypoint.sh does before it execs the server, for the
 * images whose entrypoint lessons look at (mariadb, wordpress): the lines it
 * logs, whether it refuses to go on (mysql_error exits 1), and the files it
 * writes. Named volumes are recorded, not mounted, so every container starts on
 * an empty /var/lib/mysql and /var/www/html: the entrypoints always initialise.
 */
export interface EntrypointRun {
  readonly logs: Omit<LogEntry, 'timeMs'>[];
  readonly exitCode: number | undefined;
  readonly files: Readonly<Record<string, string>>;
  /** Who owns the files it writes: www-data (33) unless said otherwise. */
  readonly owner?: number;
}

const environmentOf = (container: Container) =>
  new Map(processEnvironment(container.config.env, container.hostname, false, '/root'));

export function runImageEntrypoint(container: Container, nowMs: number): EntrypointRun | undefined {
  if (!runsImageDefault(container)) return undefined;
  switch (parseImageReference(container.image).familiar) {
    case 'mariadb': {
      const { lacksRootPassword, mariadbFirstStart, mariadbMissingPassword, mariadbSettings } = mariadbWordpress();
      const settings = mariadbSettings(environmentOf(container));
      if (lacksRootPassword(settings)) return { logs: mariadbMissingPassword(nowMs), exitCode: 1, files: {} };
      return { logs: mariadbFirstStart(nowMs, container.id, settings), exitCode: undefined, files: {} };
    }
    case 'wordpress': {
      const { wpConfigFrom, wordpressStartup, wordpressVariables } = mariadbWordpress();
      const env = environmentOf(container);
      const files =
        wordpressVariables(env).length > 0 ? { '/var/www/html/wp-config.php': wpConfigFrom(container.id) } : {};
      return {
        logs: wordpressStartup(nowMs, container.id, env, container.hostname, hostnameAddress(container)),
        exitCode: undefined,
        files,
      };
    }
    case 'nginx': {
      // 10-listen-on-ipv6-by-default.sh edits default.conf in place, unless a mount puts the file elsewhere.
      const mounted = mountPoints(container).some((mount) =>
        '/etc/nginx/conf.d/default.conf'.startsWith(`${mount.destination.replace(/\/+$/, '')}/`),
      );
      const files = mounted ? {} : { '/etc/nginx/conf.d/default.conf': nginxFiles().NGINX_DEFAULT_CONF_IPV6 };
      return { logs: [], exitCode: undefined, files, owner: 0 };
    }
    default:
      return undefined;
  }
}

/** Whether the wordpress container has the wp-config.php its entrypoint writes from WORDPRESS_* variables. */
export function wordpressConfigured(container: Container): boolean {
  return mariadbWordpress().wordpressVariables(environmentOf(container)).length > 0;
}

/**
 * The accounts and databases mariadb's docker_setup_db creates: root for any
 * host (MARIADB_ROOT_HOST defaults to `%`) with the root password, the
 * MARIADB_USER with its password when both are given, the MARIADB_DATABASE.
 * MARIADB_RANDOM_ROOT_PASSWORD's generated password is root's (its log names it).
 * ~: a hashed root password is not modelled (no root account here).
 */
export function mariadbAccounts(container: Container): {
  accounts: { user: string; password: string }[];
  databases: string[];
} {
  const { mariadbSettings, generatedRootPassword } = mariadbWordpress();
  const settings = mariadbSettings(environmentOf(container));
  const rootPassword = settings.randomRootPassword ? generatedRootPassword(container.id) : settings.rootPassword;
  const root = rootPassword || settings.allowEmptyRootPassword ? [{ user: 'root', password: rootPassword }] : [];
  const user = settings.user && settings.password ? [{ user: settings.user, password: settings.password }] : [];
  return { accounts: [...root, ...user], databases: settings.database ? [settings.database] : [] };
}

/** The database wp-config-docker.php connects to: each WORDPRESS_DB_* or its fallback in that file. */
export function wordpressDatabase(container: Container): DatabaseClient {
  const env = environmentOf(container);
  return {
    host: env.get('WORDPRESS_DB_HOST') ?? 'mysql',
    user: env.get('WORDPRESS_DB_USER') ?? 'example username',
    password: env.get('WORDPRESS_DB_PASSWORD') ?? 'example password',
    database: env.get('WORDPRESS_DB_NAME') ?? 'wordpress',
  };
}
