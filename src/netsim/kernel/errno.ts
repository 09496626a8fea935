/**
 * The errno values the simulated kernel returns. Tools turn them into their own
 * text at the edge (`RTNETLINK answers: File exists` for EEXIST from `ip`).
 */
export type Errno =
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
  | 'ELOOP';

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
