import type { ErrnoName } from '../wire/strerror';

/**
 * The errno values the simulated kernel's network and netfilter operations
 * return. Tools turn them into their own text at the edge.
 */
export type Errno = Extract<
  ErrnoName,
  | 'EEXIST'
  | 'ENODEV'
  | 'ENOENT'
  | 'EINVAL'
  | 'EADDRNOTAVAIL'
  | 'EADDRINUSE'
  | 'ENETUNREACH'
  | 'ENETDOWN'
  | 'EBUSY'
  | 'EPERM'
  | 'EOPNOTSUPP'
  | 'ESRCH'
  | 'ELOOP'
  | 'E2BIG'
  | 'EMLINK'
>;

export class KernelError extends Error {
  /**
   * @param extack the netlink extended ack message the kernel attaches
   *   (NL_SET_ERR_MSG), which iproute2 prints as `Error: MSG.` instead of the
   *   errno's text; absent where the kernel sets none.
   */
  constructor(
    readonly errno: Errno,
    detail: string,
    readonly extack?: string,
  ) {
    super(`${errno}: ${detail}`);
    this.name = 'KernelError';
  }
}
