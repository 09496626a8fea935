import type { Datapath } from '../kernel/datapath';
import type { Namespace } from '../kernel/namespace';
import type { DatabaseClient } from '../kernel/socket';
import type { SeededRandom } from '../random';
import { lookupHost, type NameService } from './name-resolution';
import { connect } from './tcp';
import { formatIpv4 } from '../wire/ipv4';

/**
 * A MySQL client's login, as libmysqlclient/mysqlnd go about it: the host
 * (`name[:port]`, port 3306 by default) resolved where the client runs, a TCP
 * connection, the server's handshake, then the account's password and the
 * database checked by the server. Each failure is the step it failed at,
 * which the client turns into its own words (CR_UNKNOWN_HOST 2005,
 * CR_CONN_HOST_ERROR 2002/2003, ER_ACCESS_DENIED_ERROR 1045,
 * ER_DBACCESS_DENIED_ERROR 1044 / ER_BAD_DB_ERROR 1049).
 */
export type MysqlLogin =
  /** `databases`: those the server holds beyond its own system schemas. */
  | { readonly kind: 'logged-in'; readonly client: string; readonly databases: readonly string[] }
  | { readonly kind: 'unknown-host'; readonly host: string }
  /** errno of connect(2): ECONNREFUSED 111, EHOSTUNREACH 113, ENETUNREACH 101, ETIMEDOUT 110. */
  | { readonly kind: 'cannot-connect'; readonly errno: number }
  /** The server answered but is no MySQL server (its first bytes are no handshake). */
  | { readonly kind: 'not-mysql' }
  | { readonly kind: 'access-denied'; readonly client: string }
  | { readonly kind: 'unknown-database'; readonly client: string };

const ERRNO = { refused: 111, 'host-unreachable': 113, 'network-unreachable': 101, 'timed-out': 110 } as const;

/** `host[:port]` as WordPress's wpdb::parse_db_host and the mysql client's -h/-P read it. */
export function splitDatabaseHost(text: string): { host: string; port: number } {
  const match = /^(.*):(\d+)$/.exec(text);
  return match ? { host: match[1]!, port: Number(match[2]) } : { host: text, port: 3306 };
}

export function mysqlLogin(
  datapath: Datapath,
  namespace: Namespace,
  client: DatabaseClient,
  names: NameService,
  random: SeededRandom,
  timeoutMs?: number,
): MysqlLogin {
  const { host, port } = splitDatabaseHost(client.host);
  const found = lookupHost(names, host);
  if (found.kind !== 'found') return { kind: 'unknown-host', host };
  const connection = connect(datapath, namespace, found.addresses[0]!, port, random, timeoutMs);
  if (connection.kind !== 'connected') return { kind: 'cannot-connect', errno: ERRNO[connection.kind] };
  const peer = connection.peer;
  if (peer.kind !== 'socket' || peer.socket.service.kind !== 'mariadb') return { kind: 'not-mysql' };
  const service = peer.socket.service;
  // The server names the client by the address the connection comes from (skip-name-resolve in the image's config).
  const clientAddress = formatIpv4(connection.delivered.source);
  if (!service.accounts.some((account) => account.user === client.user && account.password === client.password))
    return { kind: 'access-denied', client: clientAddress };
  if (client.database !== '' && !service.databases.includes(client.database))
    return { kind: 'unknown-database', client: clientAddress };
  return { kind: 'logged-in', client: clientAddress, databases: service.databases };
}
