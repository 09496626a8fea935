import type { LogEntry } from './container';
import { derivedHex, derivedInt } from './derived';

type Line = Omit<LogEntry, 'timeMs'>;

/**
 * What the official mariadb image (12.3.2, ubuntu:noble) writes as it starts.
 * The [Entrypoint] lines and their order are MariaDB/mariadb-docker's
 * 12.3/docker-entrypoint.sh (commit 1b6429ba): mysql_note to stdout, mysql_warn
 * and mysql_error to stderr, `date --rfc-3339=seconds` before each. The server's
 * own lines (mariadbd, to stderr) follow real `docker logs` of 12.3.2-MariaDB-ubu2404
 * and 12.3.1 under Docker: the source revision is 12.3.2's; the io_uring warning is
 * the EPERM of Docker's seccomp profile; `/sys/fs/cgroup///memory.pressure` is
 * `/sys/fs/cgroup/${cgroup:3}/memory.pressure` with a private cgroup namespace
 * (`0::/`), read-only as runc mounts it. ~: the O_TMPFILE note is left out (overlayfs
 * has O_TMPFILE since Linux 6.6), the log block size assumes 512-byte sectors, the
 * temporary server's PID and the few seconds init takes are a capture's.
 */
export const MARIADB_VERSION = '12.3.2-MariaDB-ubu2404';
const PACKAGE_VERSION = '1:12.3.2+maria~ubu2404';
const SOURCE_REVISION = '9f98f82b14a9b939834281672b6d0cf965db69a3';
const TEMPORARY_SERVER_PID = 92;

/** The variables the entrypoint reads, MARIADB_* filled from MYSQL_* when empty (_mariadb_file_env, docker_setup_env). */
export interface MariadbSettings {
  readonly rootPassword: string;
  readonly rootPasswordHash: string;
  readonly allowEmptyRootPassword: string;
  readonly randomRootPassword: string;
  readonly database: string;
  readonly user: string;
  readonly password: string;
}

export function mariadbSettings(env: ReadonlyMap<string, string>): MariadbSettings {
  const either = (name: string, legacy = `MYSQL_${name}`) => env.get(`MARIADB_${name}`) || env.get(legacy) || '';
  return {
    rootPassword: either('ROOT_PASSWORD'),
    rootPasswordHash: env.get('MARIADB_ROOT_PASSWORD_HASH') ?? '',
    allowEmptyRootPassword: either('ALLOW_EMPTY_ROOT_PASSWORD', 'MYSQL_ALLOW_EMPTY_PASSWORD'),
    randomRootPassword: either('RANDOM_ROOT_PASSWORD'),
    database: either('DATABASE'),
    user: either('USER'),
    password: either('PASSWORD'),
  };
}

/** docker_verify_minimum_env's first check: a new datadir needs one of the root password options. */
export function lacksRootPassword(settings: MariadbSettings): boolean {
  return (
    !settings.rootPassword &&
    !settings.rootPasswordHash &&
    !settings.allowEmptyRootPassword &&
    !settings.randomRootPassword
  );
}

/**
 * MARIADB_RANDOM_ROOT_PASSWORD's password: docker_setup_db runs `pwgen --numerals
 * --capitalize --symbols --remove-chars="'\\" -1 32`; here 32 characters of the
 * same alphabet, derived from the container.
 */
const PWGEN_ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!"#$%&()*+,-./:;<=>?@[]^_`{|}~';
export function generatedRootPassword(containerId: string): string {
  return Array.from(
    { length: 32 },
    (_, index) => PWGEN_ALPHABET[derivedInt(containerId, `mariadb:pwgen:${index}`, PWGEN_ALPHABET.length)],
  ).join('');
}

/** `date --rfc-3339=seconds` in the container (UTC). */
const entrypointTime = (ms: number) => `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')}+00:00`;
/** mariadbd's my_b_vprintf time: `%04d-%02d-%02d %2d:%02d:%02d` (log.cc print_buffer_to_file). */
function serverTime(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 13).replace(/^0/, ' ')}${iso.slice(13, 19)}`;
}

const note = (ms: number, text: string): Line => ({
  stream: 'stdout',
  text: `${entrypointTime(ms)} [Note] [Entrypoint]: ${text}`,
});
const blank: Line = { stream: 'stdout', text: '' };
const server = (ms: number, level: 'Note' | 'Warning', text: string): Line => ({
  stream: 'stderr',
  text: `${serverTime(ms)} 0 [${level}] ${text}`,
});

/** The lines before the datadir is looked at: the script runs as root, warns, then re-execs itself through gosu. */
function preamble(ms: number): Line[] {
  const started = note(ms, `Entrypoint script for MariaDB Server ${PACKAGE_VERSION} started.`);
  return [
    started,
    {
      stream: 'stderr',
      text: `${entrypointTime(ms)} [Warn] [Entrypoint]: /sys/fs/cgroup///memory.pressure not writable, functionality unavailable to MariaDB`,
    },
    note(ms, "Switching to dedicated user 'mysql'"),
    started,
  ];
}

/** The start refused: mysql_error's message (with its `\n\t` second line) and exit 1. */
export function mariadbMissingPassword(ms: number): Line[] {
  const error = `${entrypointTime(ms)} [ERROR] [Entrypoint]: Database is uninitialized and password option is not specified`;
  return [
    ...preamble(ms),
    { stream: 'stderr', text: error },
    {
      stream: 'stderr',
      text: '\tYou need to specify one of MARIADB_ROOT_PASSWORD, MARIADB_ROOT_PASSWORD_HASH, MARIADB_ALLOW_EMPTY_ROOT_PASSWORD and MARIADB_RANDOM_ROOT_PASSWORD',
    },
  ];
}

const URING = [
  'mariadbd: io_uring_queue_init() failed with EPERM: sysctl kernel.io_uring_disabled has the value 2, or 1 and the user of the process is not a member of sysctl kernel.io_uring_group. (see man 2 io_uring_setup).',
];
const uringWarning = (ms: number): Line[] => [
  ...URING.map((text) => server(ms, 'Warning', text)),
  { stream: 'stderr', text: 'create_uring failed: falling back to libaio' },
];

/** server_uid: base64 of a SHA-1 (20 bytes) of the datadir's identity; here derived from the container. */
function serverUid(containerId: string, label: string): string {
  const hex = derivedHex(containerId, label, 40);
  const bytes = hex
    .match(/../g)!
    .map((pair) => String.fromCharCode(parseInt(pair, 16)))
    .join('');
  return btoa(bytes);
}

/** One mariadbd start up to `ready for connections`; the temporary server has --skip-networking (port 0). */
function serverStart(ms: number, pid: number, uid: string, networked: boolean): Line[] {
  const n = (text: string) => server(ms, 'Note', text);
  const date = `${serverTime(ms).slice(2, 10).replace(/-/g, '')} ${serverTime(ms).slice(11)}`;
  return [
    n(`Starting MariaDB ${MARIADB_VERSION} source revision ${SOURCE_REVISION} server_uid ${uid} as process ${pid}`),
    n('InnoDB: Compressed tables use zlib 1.3'),
    n('InnoDB: Number of transaction pools: 1'),
    n('InnoDB: Using crc32 + pclmulqdq instructions'),
    ...uringWarning(ms),
    n('InnoDB: Using Linux native AIO'),
    n('InnoDB: innodb_buffer_pool_size_max=128m, innodb_buffer_pool_size=128m'),
    n('InnoDB: Completed initialization of buffer pool'),
    n('InnoDB: File system buffers for log disabled (block size=512 bytes)'),
    n('InnoDB: End of log at LSN=45434'),
    n('InnoDB: Opened 3 undo tablespaces'),
    n('InnoDB: 128 rollback segments in 3 undo tablespaces are active.'),
    n("InnoDB: Setting file './ibtmp1' size to 12.000MiB. Physically writing the file full; Please wait ..."),
    n("InnoDB: File './ibtmp1' size is now 12.000MiB."),
    n('InnoDB: log sequence number 45434; transaction id 14'),
    ...(networked ? [n('InnoDB: Loading buffer pool(s) from /var/lib/mysql/ib_buffer_pool')] : []),
    n("Plugin 'FEEDBACK' is disabled."),
    n("Plugin 'wsrep-provider' is disabled."),
    ...(networked
      ? [
          n(`InnoDB: Buffer pool(s) load completed at ${date}`),
          n("Server socket created on IP: '0.0.0.0', port: '3306'."),
          n("Server socket created on IP: '::', port: '3306'."),
          n('mariadbd: Event Scheduler: Loaded 0 events'),
        ]
      : [
          n('mariadbd: Event Scheduler: Loaded 0 events'),
          n('Replication not automatically started: --skip-slave-start was specified'),
        ]),
    n('mariadbd: ready for connections.'),
    {
      stream: 'stderr',
      text: `Version: '${MARIADB_VERSION}'  socket: '/run/mysqld/mysqld.sock'  port: ${networked ? 3306 : 0}  mariadb.org binary distribution`,
    },
  ];
}

/** docker_temp_server_stop: SIGTERM, InnoDB's shutdown with the buffer pool dump. */
function serverShutdown(ms: number): Line[] {
  const n = (text: string) => server(ms, 'Note', text);
  const date = `${serverTime(ms).slice(2, 10).replace(/-/g, '')} ${serverTime(ms).slice(11)}`;
  return [
    n('mariadbd (initiated by: unknown): Normal shutdown'),
    n('InnoDB: FTS optimize thread exiting.'),
    n('InnoDB: Starting shutdown...'),
    n('InnoDB: Dumping buffer pool(s) to /var/lib/mysql/ib_buffer_pool'),
    n(`InnoDB: Buffer pool(s) dump completed at ${date}`),
    n('InnoDB: Removed temporary tablespace data file: "./ibtmp1"'),
    n('Shutdown completed; log sequence number 45434; transaction id 15'),
    n('mariadbd: Shutdown complete'),
  ];
}

/**
 * A first start on an empty datadir: docker_init_database_dir, the temporary
 * server, docker_setup_db's notes (database, user, grants: only for the
 * variables given), the empty init directory's `echo`, and the real server.
 * `startMs` is when the container started; the lines span a few seconds after it.
 */
export function mariadbFirstStart(startMs: number, containerId: string, settings: MariadbSettings): Line[] {
  const at = (seconds: number) => startMs + seconds * 1000;
  const { database, user, password } = settings;
  return [
    ...preamble(at(0)),
    note(at(0), 'Initializing database files'),
    ...uringWarning(at(0)),
    note(at(2), 'Database files initialized'),
    note(at(2), 'Starting temporary server'),
    note(at(2), 'Waiting for server startup'),
    ...serverStart(at(2), TEMPORARY_SERVER_PID, serverUid(containerId, 'mariadb:temporary'), false),
    note(at(3), 'Temporary server started.'),
    ...(settings.randomRootPassword
      ? [note(at(4), `GENERATED ROOT PASSWORD: ${generatedRootPassword(containerId)}`)]
      : []),
    ...(database ? [note(at(4), `Creating database ${database}`)] : []),
    ...(password && user ? [note(at(4), `Creating user ${user}`)] : []),
    ...(password && user && database ? [note(at(4), `Giving user ${user} access to schema ${database}`)] : []),
    note(at(4), 'Securing system users (equivalent to running mysql_secure_installation)'),
    blank,
    note(at(4), 'Stopping temporary server'),
    ...serverShutdown(at(4)),
    note(at(4), 'Temporary server stopped'),
    blank,
    note(at(4), 'MariaDB init process done. Ready for start up.'),
    blank,
    ...serverStart(at(4), 1, serverUid(containerId, 'mariadb:server'), true),
  ];
}
