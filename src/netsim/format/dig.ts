import { digWhen } from '../wire/time-text';
import { absolute, recordData, type DnsRecord } from '../wire/dns';
import type { DnsExchange } from '../userland/dns-query';

/**
 * The version dig prints in its banner: Debian 13 ships BIND 9.20 (bind9-dnsutils);
 * this is its revision on the simulated date. The capture's 9.18 (Debian 12) prints
 * the same lines for these queries, this string aside.
 */
export const DIG_VERSION = '9.20.15-1~deb13u1-Debian';

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

/** One record as dns_master_rdatasettotext writes it: owner, TTL, class, type, data. */
export function digRecordLine(record: DnsRecord): string {
  return columns(
    [
      [absolute(record.name), 24],
      [String(record.ttl), 32],
      ['IN', 40],
      [record.type, 48],
    ],
    recordData(record),
  );
}

/** What the command line asked dig to show (dig.c's +[no]cmd, +[no]comments, +[no]question, +[no]answer, +[no]stats; +noall clears them all). */
export interface DigDisplay {
  readonly cmd: boolean;
  readonly comments: boolean;
  readonly question: boolean;
  readonly answer: boolean;
  readonly stats: boolean;
}

/**
 * The banner printgreeting() builds: `; <<>> DiG ... <<>> args`, `; (1 server
 * found)` when the server was named with @, and the global options.
 */
function greeting(args: string, namedServer: boolean): string[] {
  return [
    '',
    `; <<>> DiG ${DIG_VERSION} <<>> ${args}`,
    ...(namedServer ? ['; (1 server found)'] : []),
    ';; global options: +cmd',
  ];
}

/** The header block of printmessage(): opcode, status, id, flags and counts, and the RA warning. */
function header(exchange: DnsExchange, opt: boolean): string[] {
  const reply = exchange.reply as Exclude<DnsExchange['reply'], 'unreachable'>;
  const flags = `qr rd${reply.recursionAvailable ? ' ra' : ''}`;
  return [
    ';; Got answer:',
    `;; ->>HEADER<<- opcode: QUERY, status: ${reply.status}, id: ${exchange.id}`,
    `;; flags: ${flags}; QUERY: 1, ANSWER: ${reply.answers.length}, AUTHORITY: 0, ADDITIONAL: ${opt ? 1 : 0}`,
    ...(reply.recursionAvailable ? [] : [';; WARNING: recursion requested but not available']),
  ];
}

/**
 * dig's answer (dig.c printmessage and received, message.c
 * dns_message_sectiontotext and pseudosectiontotext) for one exchange, with
 * the sections `display` keeps; `args` as typed after `dig`. The OPT
 * pseudosection (no blank line after it) shows when the reply has one.
 */
export function formatDig(
  exchange: DnsExchange,
  args: string,
  nowMs: number,
  display: DigDisplay,
  namedServer: boolean,
): string {
  const reply = exchange.reply;
  if (reply === 'unreachable') return '';
  const opt = reply.ednsUdpSize !== undefined;
  const lines: string[] = [];
  if (display.cmd) lines.push(...greeting(args, namedServer));
  if (display.comments) lines.push(...header(exchange, opt), '');
  if (display.comments && opt)
    lines.push(';; OPT PSEUDOSECTION:', `; EDNS: version: 0, flags:; udp: ${reply.ednsUdpSize}`);
  if (display.question) {
    if (display.comments) lines.push(';; QUESTION SECTION:');
    lines.push(
      columns(
        [
          [`;${absolute(exchange.question.name)}`, 24],
          ['', 32],
          ['IN', 40],
        ],
        exchange.question.type,
      ),
    );
    if (display.comments) lines.push('');
  }
  if (display.answer && reply.answers.length > 0) {
    if (display.comments) lines.push(';; ANSWER SECTION:');
    lines.push(...reply.answers.map(digRecordLine));
    if (display.comments) lines.push('');
  }
  if (display.stats) {
    const transport = exchange.options.tcp ? 'TCP' : 'UDP';
    lines.push(
      `;; Query time: ${reply.elapsedMs} msec`,
      `;; SERVER: ${exchange.server}#53(${exchange.server}) (${transport})`,
      `;; WHEN: ${digWhen(nowMs)}`,
      `;; MSG SIZE  rcvd: ${exchange.size}`,
      '',
    );
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

/** dig +short: the data of each answer, one per line (short_answer), CNAMEs included. */
export function formatDigShort(exchange: DnsExchange): string {
  const reply = exchange.reply;
  if (reply === 'unreachable') return '';
  return reply.answers.map((record) => `${recordData(record)}\n`).join('');
}

/**
 * What dig 9.18+ prints when no server answers: a timed-out try per attempt
 * (three over UDP, one over TCP, which dighost.c does not retry), then the
 * banner and the verdict (exit 9); +short keeps only the errors.
 */
export function formatDigNoServers(
  server: string,
  args: string,
  tcp: boolean,
  short: boolean,
  namedServer: boolean,
): string {
  const attempt = `;; communications error to ${server}#53: timed out\n`.repeat(tcp ? 1 : 3);
  if (short) return `${attempt};; no servers could be reached\n`;
  return `${attempt}${greeting(args, namedServer).join('\n')}\n;; no servers could be reached\n`;
}
