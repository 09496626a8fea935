import { Datapath } from '../kernel/datapath';
import type { DatabaseClient, Socket } from '../kernel/socket';
import { MARIADB_VERSION } from '../engine/mariadb-log';
import { mysqlLogin, type MysqlLogin } from '../userland/mysql-login';
import { collect, fail, type ProcessContext, type Program } from './command';
import type { NameServices } from './name-service';

/**
 * The `mariadb` client of the mariadb image (`mysql` is its other name there),
 * for what a reader types from a second container: connecting by name over the
 * network, and a statement given with -e. Error texts: libmariadb's
 * client_errors[] (ma_errmsg.c: 2002 `Can't connect to local server through
 * socket '%-.64s' (%d)`, `Can't connect to server on '%-.64s' (%d)` reported as
 * CR_CONNECTION_ERROR 2002 with the non-blocking connect's errno, 115; 2005
 * `Unknown server host '%-.100s' (%d)` with getaddrinfo's EAI_NONAME, -2), the
 * server's ER_ACCESS_DENIED_ERROR (1045, 28000), ER_DBACCESS_DENIED_ERROR (1044)
 * and ER_BAD_DB_ERROR (1049), each printed as `ERROR %d (%s): %s` by the client.
 * Without -h it uses the server's Unix socket, /run/mysqld/mysqld.sock, which
 * only the server's own container has. ~: the interactive monitor, -p's
 * password prompt (it reads stdin here) and statements other than SHOW
 * DATABASES and SELECT VERSION() are not modelled; `mysql` is taken to say
 * nothing of its name.
 */
const SOCKET = '/run/mysqld/mysqld.sock';

interface ClientOptions {
  host: string | undefined;
  port: string | undefined;
  user: string;
  password: string | undefined;
  database: string;
  execute: string | undefined;
  version: boolean;
}

/** my_getopt's reading: `-uroot`, `-u root`, `--user=root`, `--user root`; -p only glued (`-pSECRET`), or alone to ask. */
function parseOptions(args: readonly string[]): ClientOptions | string {
  const options: ClientOptions = {
    host: undefined,
    port: undefined,
    user: 'root',
    password: undefined,
    database: '',
    execute: undefined,
    version: false,
  };
  const set = (name: string, value: string) => {
    if (name === 'h' || name === 'host') options.host = value;
    else if (name === 'P' || name === 'port') options.port = value;
    else if (name === 'u' || name === 'user') options.user = value;
    else if (name === 'e' || name === 'execute') options.execute = value;
    else if (name === 'D' || name === 'database') options.database = value;
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const long = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (long) {
      const [, name, value] = long as unknown as [string, string, string | undefined];
      if (name === 'version') options.version = true;
      else if (name === 'password') options.password = value ?? '';
      else if (['host', 'port', 'user', 'execute', 'database'].includes(name)) {
        const given = value ?? args[++i];
        if (given === undefined) return `option '--${name}' requires an argument`;
        set(name, given);
      } else return `unknown option '--${name}'`;
      continue;
    }
    if (arg.startsWith('-') && arg.length > 1) {
      const letter = arg[1]!;
      if (letter === 'V') options.version = true;
      else if (letter === 'p') options.password = arg.slice(2);
      else if ('hPueD'.includes(letter)) {
        const given = arg.slice(2) || args[++i];
        if (given === undefined) return `option '-${letter}' requires an argument`;
        set(letter, given);
      } else return `unknown option '-${letter}'`;
      continue;
    }
    options.database = arg;
  }
  return options;
}

const error = (code: number, state: string, text: string) => fail(`ERROR ${code} (${state}): ${text}\n`, 1);

/** The Unix socket's server: the mariadbd listening in this container's own network namespace, which shares its filesystem. */
function localServer(context: ProcessContext): Socket | undefined {
  return context.namespace.sockets.find((socket) => socket.service.kind === 'mariadb');
}

function login(context: ProcessContext, names: NameServices, client: DatabaseClient, viaSocket: boolean): MysqlLogin {
  if (!viaSocket)
    return mysqlLogin(
      new Datapath(context.kernel, context.world, context.clock.now()),
      context.namespace,
      client,
      names(context),
      context.random,
    );
  const server = localServer(context);
  if (!server || server.service.kind !== 'mariadb') return { kind: 'cannot-connect', errno: 2 };
  const { accounts, databases } = server.service;
  if (!accounts.some((account) => account.user === client.user && account.password === client.password))
    return { kind: 'access-denied', client: 'localhost' };
  if (client.database !== '' && !databases.includes(client.database))
    return { kind: 'unknown-database', client: 'localhost' };
  return { kind: 'logged-in', client: 'localhost', databases };
}

/** What the client says when the login fails, in the server's or libmariadb's words. */
function loginFailure(
  result: Exclude<MysqlLogin, { kind: 'logged-in' }>,
  client: DatabaseClient,
  viaSocket: boolean,
  root: boolean,
) {
  switch (result.kind) {
    case 'unknown-host':
      return error(2005, 'HY000', `Unknown server host '${result.host}' (-2)`);
    case 'cannot-connect':
      return viaSocket
        ? error(2002, 'HY000', `Can't connect to local server through socket '${SOCKET}' (${result.errno})`)
        : error(2002, 'HY000', `Can't connect to server on '${client.host}' (115)`);
    case 'not-mysql':
      return error(
        2013,
        'HY000',
        "Lost connection to server at 'handshake: reading initial communication packet', system error: 11",
      );
    case 'access-denied':
      return error(
        1045,
        '28000',
        `Access denied for user '${client.user}'@'${result.client}' (using password: ${client.password === '' ? 'NO' : 'YES'})`,
      );
    case 'unknown-database':
      // The user of MARIADB_USER has grants on its own database only: another name is refused before it is looked for.
      return root
        ? error(1049, '42000', `Unknown database '${client.database}'`)
        : error(1044, '42000', `Access denied for user '${client.user}'@'%' to database '${client.database}'`);
  }
}

/** The server's answer to the statements modelled: column name and rows. */
function answer(
  statement: string,
  user: string,
  databases: readonly string[],
): { column: string; rows: string[] } | undefined {
  const text = statement.trim().replace(/;+$/, '').trim();
  if (/^show\s+databases$/i.test(text)) {
    const visible =
      user === 'root'
        ? ['information_schema', 'mysql', 'performance_schema', 'sys', ...databases]
        : ['information_schema', ...databases];
    return { column: 'Database', rows: visible.sort() };
  }
  if (/^select\s+version\(\)$/i.test(text))
    return { column: text.slice(text.search(/version/i)), rows: [MARIADB_VERSION] };
  return undefined;
}

/** Batch mode (stdout not a terminal) writes tab-separated lines under a header; a terminal gets the boxed table. */
function printed(result: { column: string; rows: string[] }, table: boolean): string {
  if (!table) return [result.column, ...result.rows].map((line) => `${line}\n`).join('');
  const width = Math.max(result.column.length, ...result.rows.map((row) => row.length));
  const rule = `+${'-'.repeat(width + 2)}+\n`;
  const line = (text: string) => `| ${text.padEnd(width)} |\n`;
  return rule + line(result.column) + rule + result.rows.map(line).join('') + rule;
}

export function mariadbClientProgram(name: string, names: NameServices): Program {
  return {
    name,
    run(args, context) {
      const options = parseOptions(args);
      if (typeof options === 'string') return fail(`${name}: ${options}\n`, 1);
      if (options.version) return fail(`netsim: ${name} --version is not simulated\n`, 1);
      // A bare -p asks for the password on the terminal: that prompt is not modelled; without one it reads stdin.
      if (
        options.password === '' &&
        args.some((arg) => arg === '-p' || arg === '--password') &&
        context.stdoutIsTerminal
      ) {
        return fail(`netsim: ${name}'s password prompt is not simulated; give the password as -pPASSWORD\n`, 1);
      }
      const viaSocket = options.host === undefined || options.host === 'localhost';
      const host =
        options.port === undefined || viaSocket ? (options.host ?? 'localhost') : `${options.host}:${options.port}`;
      const client: DatabaseClient = {
        host,
        user: options.user,
        password:
          options.password === '' && args.includes('-p') ? context.stdin.replace(/\n$/, '') : (options.password ?? ''),
        database: options.database,
      };
      const result = login(context, names, client, viaSocket);
      if (result.kind !== 'logged-in')
        return loginFailure(
          result,
          { ...client, host: options.host ?? 'localhost' },
          viaSocket,
          options.user === 'root',
        );
      if (options.execute === undefined) {
        if (context.stdoutIsTerminal)
          return fail('netsim: the MariaDB monitor is not simulated; give a statement with -e\n', 1);
        return collect([], 0);
      }
      const answered = answer(options.execute, options.user, result.databases);
      if (!answered) return fail(`netsim: this statement is not simulated: ${options.execute}\n`, 1);
      return collect([{ stream: 'stdout', text: printed(answered, context.stdoutIsTerminal === true) }], 0);
    },
  };
}
