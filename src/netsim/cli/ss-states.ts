/**
 * ss's socket states as a bit set (iproute2 misc/ss.c, v6.15: the SS_* enum,
 * SS_ALL, SS_CONN and scan_state), and the `state`/`exclude` words main()
 * reads before the filter expression.
 */

/** The kernel's TCP states in ss's order (include/net/tcp_states.h). */
const STATE_BITS = {
  unknown: 0,
  established: 1,
  'syn-sent': 2,
  'syn-recv': 3,
  'fin-wait-1': 4,
  'fin-wait-2': 5,
  'time-wait': 6,
  unconnected: 7,
  'close-wait': 8,
  'last-ack': 9,
  listening: 10,
  closing: 11,
  'new-syn-recv': 12,
  'bound-inactive': 13,
} as const;

const SS_MAX = 14;
const bit = (name: keyof typeof STATE_BITS) => 1 << STATE_BITS[name];

export const SS_ALL = (1 << SS_MAX) - 1;
/** What -t or -u shows without -l or -a: every state but listening, closed, time-wait and syn-recv. */
export const SS_CONN = SS_ALL & ~(bit('listening') | bit('unconnected') | bit('time-wait') | bit('syn-recv'));
/** -l: listening TCP sockets and unconnected UDP ones. */
export const SS_LISTENING = bit('listening') | bit('unconnected');

/** TCP_TIME_WAIT's bit: the one state of a closed connection the kernel keeps. */
export const TIME_WAIT_BIT = bit('time-wait');

/** The bit of a state ss prints (sstate_name): UNCONN is SS_CLOSE. */
export function stateBit(state: 'LISTEN' | 'UNCONN' | 'ESTAB'): number {
  return bit(state === 'LISTEN' ? 'listening' : state === 'UNCONN' ? 'unconnected' : 'established');
}

/** More than one state asked for: only then does ss print its State column. */
export const severalStates = (states: number) => (states & (states - 1)) !== 0;

/** scan_state: a state's name, any case, or one of the groups; undefined for an unknown name. */
function scanState(word: string): number | undefined {
  const name = word.toLowerCase();
  // NEW_SYN_RECV is a kernel implementation detail ss refuses to name.
  if (name === 'new-syn-recv') return undefined;
  const groups: Readonly<Record<string, number>> = {
    close: bit('unconnected'),
    closed: bit('unconnected'),
    'syn-rcv': bit('syn-recv'),
    all: SS_ALL,
    connected: SS_ALL & ~(bit('unconnected') | bit('listening')),
    synchronized: SS_ALL & ~(bit('unconnected') | bit('listening') | bit('syn-sent')),
    bucket: bit('syn-recv') | bit('time-wait'),
    big: SS_ALL & ~(bit('syn-recv') | bit('time-wait')),
  };
  if (name in groups) return groups[name];
  return name in STATE_BITS ? bit(name as keyof typeof STATE_BITS) : undefined;
}

export type StateWords = { readonly states: number; readonly rest: readonly string[] } | { readonly error: string };

/**
 * main()'s loop over the leading `state NAME` and `exclude NAME` (or `excl`)
 * pairs: the first `state` replaces what -l or -a chose, the first `exclude`
 * starts from all states. What follows is the filter expression. An empty set
 * is no choice (filter_states_set ignores 0): -t and -u then show SS_CONN.
 */
export function readStateWords(operands: readonly string[], fromOptions: number): StateWords {
  let states: number | undefined;
  let index = 0;
  for (; index < operands.length; index++) {
    const word = operands[index]!;
    if (word !== 'state' && word !== 'exclude' && word !== 'excl') break;
    const name = operands[++index];
    if (name === undefined) return { error: 'Command line is not complete. Try option "help"\n' };
    const scanned = scanState(name);
    if (scanned === undefined) return { error: `ss: wrong state name: ${name}\n` };
    if (word === 'state') states = (states ?? 0) | scanned;
    else states = (states ?? SS_ALL) & ~scanned;
  }
  return { states: (states ?? fromOptions) || SS_CONN, rest: operands.slice(index) };
}
