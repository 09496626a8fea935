import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CONNTRACK_STATES,
  REJECT_TYPES,
  type NatRange,
  type Negatable,
  type RuleAddress,
  type RuleSpec,
  type Target,
} from '../../../src/netsim/kernel/netfilter/rule';
import { formatRule, parseRule, type Family } from '../../../src/netsim/userland/iptables-rule';
import { cidr, networkOf } from '../../../src/netsim/wire/cidr';
import { ipv4FromNumber, type Ipv4 } from '../../../src/netsim/wire/ipv4';
import { formatIpv6, ipv6NetworkOf } from '../../../src/netsim/wire/ipv6';

/**
 * Every rule the model can hold prints as iptables-save writes it and reads back
 * as the same rule; printing what was read gives the same text again.
 */

const ipv4 = fc.integer({ min: 0, max: 0xffffffff }).map((value) => ipv4FromNumber(value));
const ipv6 = fc.bigInt({ min: 0n, max: (1n << 128n) - 1n }).map((value) => formatIpv6(value));

/** -s and -d as iptables stores them: masked to their prefix. */
const ruleAddress = (family: Family): fc.Arbitrary<RuleAddress> =>
  family === 4
    ? fc.tuple(ipv4, fc.integer({ min: 0, max: 32 })).map(([address, prefix]) => networkOf(cidr(address, prefix)))
    : fc.tuple(ipv6, fc.integer({ min: 0, max: 128 })).map(([address, prefix]) => ipv6NetworkOf({ address, prefix }));

const negatable = <T>(value: fc.Arbitrary<T>): fc.Arbitrary<Negatable<T>> =>
  fc.record({ value, negated: fc.boolean() });
const interfaceName = fc.stringMatching(/^[a-z][a-z0-9-]{0,10}\+?$/);
const port = fc.integer({ min: 0, max: 65535 });

/** A span: one value, or a first and a larger last. */
const span = <T>(pair: fc.Arbitrary<[T, T]>, ordered: (a: T, b: T) => boolean) =>
  pair.map(([a, b]) => (ordered(a, b) ? { first: a, last: b } : { first: b, last: a }));

const natRange = (family: Family, withPorts: boolean): fc.Arbitrary<NatRange> => {
  const address = family === 4 ? (ipv4 as fc.Arbitrary<Ipv4 | string>) : ipv6;
  const addresses = fc.oneof(
    address.map((value) => ({ first: value, last: value })),
    fc.tuple(address, address).map(([first, last]) => ({ first, last: first === last ? first : last })),
  );
  const ports = fc.oneof(
    port.map((value) => ({ first: value, last: value })),
    span(fc.tuple(port, port), (a, b) => a <= b),
  );
  return fc
    .record({
      addresses: fc.option(addresses, { nil: undefined }),
      ports: withPorts ? fc.option(ports, { nil: undefined }) : fc.constant(undefined),
    })
    .filter((range) => range.addresses !== undefined || range.ports !== undefined)
    .map((range) => ({
      ...(range.addresses ? { addresses: range.addresses } : {}),
      ...(range.ports ? { ports: range.ports } : {}),
    }));
};

const target = (family: Family, withPorts: boolean): fc.Arbitrary<Target> =>
  fc.oneof(
    fc.constantFrom<Target>(
      { kind: 'ACCEPT' },
      { kind: 'DROP' },
      { kind: 'RETURN' },
      { kind: 'MASQUERADE' },
      { kind: 'none' },
    ),
    fc.constantFrom(...REJECT_TYPES[family]).map((type): Target => ({ kind: 'REJECT', with: type })),
    fc
      .stringMatching(/^[A-Z][A-Z0-9_-]{0,20}$/)
      .filter((name) => !['ACCEPT', 'DROP', 'RETURN', 'REJECT', 'MASQUERADE', 'DNAT', 'SNAT'].includes(name))
      .map((chain): Target => ({ kind: 'jump', chain })),
    fc
      .tuple(fc.constantFrom('DNAT' as const, 'SNAT' as const), natRange(family, withPorts))
      .map(([kind, to]): Target => ({ kind, to })),
  );

const stateMatch = fc
  .tuple(
    fc.subarray([...CONNTRACK_STATES], { minLength: 1 }),
    fc.constantFrom('conntrack' as const, 'state' as const),
    fc.boolean(),
  )
  .map(([states, module, negated]) => ({
    states: module === 'state' ? states.filter((state) => state !== 'SNAT' && state !== 'DNAT') : states,
    module,
    ...(negated ? { negated: true as const } : {}),
  }))
  .filter((match) => match.states.length > 0);

/** A rule as the model holds it; optional fields absent rather than undefined, as the parser leaves them. */
const rule = (family: Family): fc.Arbitrary<RuleSpec> =>
  fc.option(fc.constantFrom('tcp' as const, 'udp' as const, 'icmp' as const), { nil: undefined }).chain((protocol) =>
    fc
      .record(
        {
          source: negatable(ruleAddress(family)),
          destination: negatable(ruleAddress(family)),
          inInterface: negatable(interfaceName),
          outInterface: negatable(interfaceName),
          sourcePort: protocol === 'tcp' || protocol === 'udp' ? port : fc.constant(undefined),
          destinationPort: protocol === 'tcp' || protocol === 'udp' ? port : fc.constant(undefined),
          sourceLocal: fc.constant(true),
          destinationLocal: fc.constant(true),
          ctState: stateMatch,
          target: target(family, protocol !== undefined),
        },
        { requiredKeys: ['target'] },
      )
      .map((fields) => {
        const spec = Object.fromEntries(
          Object.entries(fields).filter(([, value]) => value !== undefined),
        ) as unknown as RuleSpec;
        return protocol === undefined ? spec : { ...spec, protocol };
      }),
  );

const words = (text: string) => (text === '' ? [] : text.split(' '));

describe.each([4, 6] as const)('rule text, family %i', (family) => {
  it('prints a rule that parses back to the same rule, and prints it the same again', { timeout: 30_000 }, () => {
    fc.assert(
      fc.property(rule(family), (spec) => {
        const text = formatRule(spec);
        const parsed = parseRule(words(text), family);
        expect(parsed).toEqual(spec);
        expect(formatRule(parsed as RuleSpec)).toBe(text);
      }),
      { numRuns: 200 },
    );
  });
});
