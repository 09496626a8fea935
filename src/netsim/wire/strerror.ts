/**
 * strerror(3) of each errno the simulated system gives, in glibc's words
 * (sysdeps/gnu/errlist.h; musl says the same for these). The one table:
 * every tool that prints an errno's text looks it up here, and words the rest
 * of its message itself (`RTNETLINK answers: File exists` from ip,
 * `CHAIN_DEL failed (Device or resource busy)` from iptables, `ls: cannot
 * access 'x': No such file or directory`).
 */
export const STRERROR = {
  EPERM: 'Operation not permitted',
  ENOENT: 'No such file or directory',
  ESRCH: 'No such process',
  ENXIO: 'No such device or address',
  E2BIG: 'Argument list too long',
  EACCES: 'Permission denied',
  EBUSY: 'Device or resource busy',
  EEXIST: 'File exists',
  ENODEV: 'No such device',
  ENOTDIR: 'Not a directory',
  EISDIR: 'Is a directory',
  EINVAL: 'Invalid argument',
  EROFS: 'Read-only file system',
  EMLINK: 'Too many links',
  ENOTEMPTY: 'Directory not empty',
  ELOOP: 'Too many levels of symbolic links',
  EOPNOTSUPP: 'Operation not supported',
  EADDRINUSE: 'Address already in use',
  EADDRNOTAVAIL: 'Cannot assign requested address',
  ENETDOWN: 'Network is down',
  ENETUNREACH: 'Network is unreachable',
  ETIMEDOUT: 'Connection timed out',
  ECONNREFUSED: 'Connection refused',
  EHOSTUNREACH: 'No route to host',
} as const satisfies Record<string, string>;

/** Every errno name netsim knows. */
export type ErrnoName = keyof typeof STRERROR;
