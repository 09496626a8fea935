/**
 * A local address as sockets and port bindings write it: `0.0.0.0`, `::`, or
 * one IPv4 or IPv6 address in text.
 */
export type BindAddress = string;

export const addressFamily = (address: BindAddress): 4 | 6 => (address.includes(':') ? 6 : 4);

/** `0.0.0.0` and `::` bind every address of their family. */
export const isWildcardAddress = (address: BindAddress): boolean => address === '0.0.0.0' || address === '::';
