import type { PortMapping } from '../wire/port-spec';

/** What decides the warnings: the network mode and the options that clash with it. */
export interface WarningInputs {
  readonly networkMode: string;
  /** -p as given (HostConfig.PortBindings); -P alone sets none. */
  readonly publish: readonly PortMapping[];
  readonly links: readonly string[];
}

/**
 * The Warnings of POST /containers/create that network options give, in the
 * daemon's order (moby docker-v29.7.2): verifyPlatformContainerSettings in
 * daemon/daemon_unix.go, then daemon/create.go containerCreate. The daemon
 * keeps the container; the CLI prints each as `WARNING: <text>` on stderr.
 * "IPv4 forwarding is disabled" needs ip_forward off, which Docker turned on.
 */
export function createWarnings({ networkMode, publish, links }: WarningInputs): string[] {
  const warnings: string[] = [];
  if (networkMode === 'host' && publish.length > 0)
    warnings.push('Published ports are discarded when using host network mode');
  // Added in 29.6.0 (moby 599a590321): NetworkMode IsDefault() or IsBridge().
  if ((networkMode === 'default' || networkMode === 'bridge') && links.length > 0) {
    warnings.push(
      'Links on the default bridge network are deprecated and will be removed in a future release. Use a custom network instead.',
    );
  }
  return warnings;
}
