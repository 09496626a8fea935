/**
 * The errno values the simulated kernel returns. Tools turn them into their own
 * text at the edge (`RTNETLINK answers: File exists` for EEXIST from `ip`).
 */
export type Errno = 'EEXIST' | 'ENODEV' | 'ENOENT' | 'EINVAL' | 'EADDRNOTAVAIL' | 'EADDRINUSE' | 'ENETUNREACH' | 'EBUSY' | 'EPERM';

export class KernelError extends Error {
  constructor(
    readonly errno: Errno,
    detail: string,
  ) {
    super(`${errno}: ${detail}`);
    this.name = 'KernelError';
  }
}
