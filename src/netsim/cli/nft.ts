import type { Chain, Netfilter, TableName } from '../kernel/netfilter/rule';
import { netfilterOf } from '../kernel/namespace';
import { formatTable, formatTableNames, type NftFamily, type NftTable } from '../format/nft';
import { collect, fail, ok, type CommandResult, type OutputChunk, type ProcessContext, type Program } from './command';

/**
 * nft (nftables 1.1.3, Debian 13's) listing what iptables-nft wrote: `nft list
 * ruleset`, `list tables`, `list table [FAMILY] NAME`, `list chain [FAMILY]
 * TABLE CHAIN`. A tool module of its own; other commands are refused by name.
 */

/**
 * The order nf_tables holds what Docker 29 creates (list_add_tail on each new
 * table and chain): moby's bridge driver sets up IPv4's nat then filter chains,
 * then IPv6's, and the raw table comes with the first published port. iptables-nft
 * creates a built-in chain when a rule or a policy first needs it (captured:
 * golden/tools/nft-list-ruleset.txt, capture-nft.sh replaying dockerd's order).
 */
const TABLE_ORDER: readonly (readonly [NftFamily, TableName])[] = [
  ['ip', 'nat'],
  ['ip', 'filter'],
  ['ip6', 'nat'],
  ['ip6', 'filter'],
  ['ip', 'raw'],
  ['ip6', 'raw'],
];
const CHAIN_ORDER: Readonly<Record<TableName, readonly string[]>> = {
  nat: ['DOCKER', 'PREROUTING', 'OUTPUT', 'POSTROUTING'],
  filter: ['DOCKER', 'DOCKER-FORWARD', 'DOCKER-BRIDGE', 'DOCKER-CT', 'DOCKER-INTERNAL', 'FORWARD', 'DOCKER-USER'],
  raw: ['PREROUTING'],
};

/** The chains nf_tables has: every user chain, and each built-in one with a rule or a policy set. */
function nftChains(table: TableName, chains: readonly Chain[]): Chain[] {
  const present = chains.filter(
    (chain) => chain.policy === undefined || chain.rules.length > 0 || chain.policy !== 'ACCEPT',
  );
  const rank = (chain: Chain) => {
    const index = CHAIN_ORDER[table].indexOf(chain.name);
    return index < 0 ? CHAIN_ORDER[table].length : index;
  };
  return present
    .map((chain, index) => ({ chain, index }))
    .sort((a, b) => rank(a.chain) - rank(b.chain) || a.index - b.index)
    .map(({ chain }) => chain);
}

function nftTables(context: ProcessContext): NftTable[] {
  const families: Record<NftFamily, Netfilter> = {
    ip: netfilterOf(context.namespace, 4),
    ip6: netfilterOf(context.namespace, 6),
  };
  return TABLE_ORDER.map(([family, name]) => ({
    family,
    name,
    chains: nftChains(name, families[family][name]),
  })).filter((table) => table.chains.length > 0);
}

/** nft's error report (erec_print): the message, the command as nft read it, a caret line under the culprit. */
function locatedError(message: string, words: readonly string[], culprit: number): CommandResult {
  const line = words.join(' ');
  const start = words.slice(0, culprit).join(' ').length + (culprit > 0 ? 1 : 0);
  const length = words[culprit]?.length ?? 1;
  const carets = culprit >= words.length ? `${' '.repeat(line.length)}^` : `${' '.repeat(start)}${'^'.repeat(length)}`;
  return fail(`Error: ${message}\n${line}\n${carets}\n`, 1);
}

/** Each table's warning (stderr) before its text, as they interleave on a terminal (stdout is line-buffered there). */
function listing(tables: readonly NftTable[], only?: string): CommandResult {
  const chunks: OutputChunk[] = [];
  for (const table of tables) {
    const printed = formatTable(table, only);
    if (printed.warning) chunks.push({ stream: 'stderr', text: printed.warning });
    chunks.push({ stream: 'stdout', text: printed.text });
  }
  return collect(chunks, 0);
}

/** nft's families; a name without one is `ip`'s. iptables-nft writes only ip and ip6 tables here. */
const FAMILIES = new Set(['ip', 'ip6', 'inet', 'arp', 'bridge', 'netdev']);

function familyAt(words: readonly string[], at: number): { family: string; next: number } {
  const word = words[at];
  return word !== undefined && FAMILIES.has(word) ? { family: word, next: at + 1 } : { family: 'ip', next: at };
}

export const nftProgram: Program = {
  name: 'nft',
  run(args, context) {
    const words = [...args];
    if (words.length === 0) return fail('nft: no command specified\n', 1);
    // main.c: -v/--version prints the version and its release's name (captured: nft --version in Debian 13).
    if (words[0] === '-v' || words[0] === '--version') return ok('nftables v1.1.3 (Commodore Bullmoose #4)\n');
    if (words[0]!.startsWith('-')) return fail(`netsim: nft ${words[0]} is not simulated\n`, 1);
    if (words[0] !== 'list') return fail(`netsim: nft ${words[0]} is not simulated (only nft list is)\n`, 1);
    // mnl_nft_rule_dump and the cache's first netlink request fail with EPERM without CAP_NET_ADMIN (captured).
    if (!context.isRoot)
      return fail(
        'Operation not permitted (you must be root)\nnetlink: Error: cache initialization failed: Operation not permitted\n',
        1,
      );
    const what = words[1];
    if (what === undefined) return locatedError('syntax error, unexpected newline', words, words.length);
    const tables = nftTables(context);
    if (what === 'ruleset' && words.length === 2) return listing(tables);
    if (what === 'tables' && (words.length === 2 || (words.length === 3 && FAMILIES.has(words[2]!))))
      return ok(formatTableNames(tables.filter((table) => words[2] === undefined || table.family === words[2])));
    if (what === 'table' || what === 'chain') {
      const spec = familyAt(words, 2);
      const tableAt = spec.next;
      const chainAt = tableAt + 1;
      const wanted = what === 'table' ? tableAt + 1 : chainAt + 1;
      if (words.length < wanted)
        return locatedError('syntax error, unexpected newline, expecting string or last', words, words.length);
      const table = tables.find((candidate) => candidate.family === spec.family && candidate.name === words[tableAt]);
      if (!table) return locatedError('No such file or directory', words, tableAt);
      if (what === 'table') return listing([table]);
      if (!table.chains.some((chain) => chain.name === words[chainAt]))
        return locatedError('No such file or directory', words, chainAt);
      return listing([table], words[chainAt]);
    }
    if (['ruleset', 'tables', 'table', 'chain', 'chains', 'sets', 'set', 'maps', 'map'].includes(what))
      return fail(`netsim: nft list ${words.slice(1).join(' ')} is not simulated\n`, 1);
    return locatedError('syntax error, unexpected string', words, 1);
  },
};
