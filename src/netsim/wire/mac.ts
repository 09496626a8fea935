/** A MAC address in the lowercase colon form every tool here prints. */
export type Mac = string & { readonly __mac: unique symbol };

export const ZERO_MAC = '00:00:00:00:00:00' as Mac;

export function parseMac(text: string): Mac | undefined {
  return /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/i.test(text) ? (text.toLowerCase() as Mac) : undefined;
}

/**
 * A random locally administered unicast MAC, as the kernel's eth_random_addr and
 * Docker 28+ (which stopped deriving MACs from IPv4 addresses) produce.
 */
export function macFromBytes(bytes: readonly number[]): Mac {
  const octets = bytes.slice(0, 6).map((byte, index) => (index === 0 ? (byte & 0xfe) | 0x02 : byte) & 0xff);
  return octets.map((byte) => byte.toString(16).padStart(2, '0')).join(':') as Mac;
}
