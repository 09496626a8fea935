/** A listening socket: what `ss -l` and `netstat -l` show, and where connections land. */
export interface Socket {
  readonly protocol: 'tcp' | 'udp';
  /** Local address as text: an IPv4 or IPv6 address, `0.0.0.0` or `::` for any. */
  readonly address: string;
  readonly port: number;
  /** The owning process, as `ss -p` shows it. */
  readonly process: { readonly name: string; readonly pid: number; readonly fd: number };
  /**
   * Which application answers what arrives on this socket (`docker-proxy`,
   * `docker-dns`, `nginx`...). The kernel only delivers; applications live above it.
   */
  readonly application: string;
}
