import { formatIpv4 } from '../wire/ipv4';
import { DAYS, MONTHS } from './c-time';
import type { DnsRecord } from '../userland/name-resolution';
import type { DnsExchange } from '../userland/dns-query';

/**
 * The version dig prints in its banner: Debian 13 ships BIND 9.20 (bind9-dnsutils);
 * this is its revision on the simulated date. The capture's 9.18 (Debian 12) prints
 * the same lines for these queries, this string aside.
 */
export const DIG_VERSION = '9.20.15-1~deb13u1-Debian';

const two = (value: number) => String(value).padStart(2, '0');

/** dig's WHEN: strftime("%a %b %d %H:%M:%S %Z %Y"), in the host's zone (UTC). */
export function digWhen(ms: number): string {
  const d = new Date(Math.floor(ms / 1000) * 1000);
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}

/**
 * masterdump.c's indent(): fields separated by tabs (8 wide) up to each column, or
 * one space when the text already reaches it. dig's columns: TTL at 24, class at
 * 32, type at 40, data at 48; the question, without TTL, still tabs to 32.
 */
function columns(fields: readonly (readonly [string, number])[], last: string): string {
  let out = '';
  let at = 0;
  for (const [text, column] of fields) {
    out += text;
    at += text.length;
    if (at >= column) {
      out += ' ';
      at += 1;
    }
    while (at < column) {
      at = (Math.floor(at / 8) + 1) * 8;
      out += '\t';
    }
  }
  return out + last;
}

const absolute = (name: string) => (name.endsWith('.') ? name : `${name}.`);

function recordLine(record: DnsRecord): string {
  const data = record.type === 'A' ? formatIpv4(record.address) : record.target;
  return columns([[absolute(record.name), 24], [String(record.ttl), 32], ['IN', 40], [record.type, 48]], data);
}

/** dig's full answer (dighost.c, dig.c printmessage) for a reply; `args` as typed after `dig`. */
export function formatDig(exchange: DnsExchange, args: string, nowMs: number): string {
  const reply = exchange.reply;
  if (reply === 'unreachable') return '';
  const question = columns([[`;${absolute(exchange.question.name)}`, 24], ['', 32], ['IN', 40]], exchange.question.type);
  const lines = [
    '',
    `; <<>> DiG ${DIG_VERSION} <<>> ${args}`,
    ';; global options: +cmd',
    ';; Got answer:',
    `;; ->>HEADER<<- opcode: QUERY, status: ${reply.status}, id: ${exchange.id}`,
    `;; flags: qr rd ra; QUERY: 1, ANSWER: ${reply.answers.length}, AUTHORITY: 0, ADDITIONAL: 0`,
    '',
    ';; QUESTION SECTION:',
    question,
    '',
  ];
  if (reply.answers.length > 0) lines.push(';; ANSWER SECTION:', ...reply.answers.map(recordLine), '');
  lines.push(';; Query time: 0 msec', `;; SERVER: ${exchange.server}#53(${exchange.server}) (UDP)`, `;; WHEN: ${digWhen(nowMs)}`, `;; MSG SIZE  rcvd: ${exchange.size}`, '', '');
  return lines.join('\n');
}

/** dig +short: the data of each answer, one per line. */
export function formatDigShort(exchange: DnsExchange): string {
  const reply = exchange.reply;
  if (reply === 'unreachable') return '';
  return reply.answers.map((record) => `${record.type === 'A' ? formatIpv4(record.address) : record.target}\n`).join('');
}

/** What dig 9.18+ prints when no server answers: three timed-out tries, then the banner and the verdict (exit 9). */
export function formatDigNoServers(server: string, args: string): string {
  const attempt = `;; communications error to ${server}#53: timed out\n`;
  return `${attempt.repeat(3)}\n; <<>> DiG ${DIG_VERSION} <<>> ${args}\n;; global options: +cmd\n;; no servers could be reached\n`;
}
