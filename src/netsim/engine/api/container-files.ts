import { emptyUpper, type UpperLayer } from '../../kernel/filesystem';
import { formatIpv4 } from '../../wire/ipv4';
import { connectedContainer } from '../container-config';
import * as containers from '../containers';
import type { Daemon } from '../daemon';
import { containerEtcFiles, type EtcFiles, type HostEtc } from '../etc-files';
import * as volumes from '../volumes';

/** The files the daemon gives a container besides its image's: /etc it writes, the writable layer, the mounts. */
export interface ContainerFiles {
  /** A running container's /etc/hosts, /etc/resolv.conf and /etc/hostname, from the host's own files. */
  etc(reference: string, host: HostEtc): EtcFiles;
  /** The container's writable layer over its image's files, made on first use; it goes when the container is removed. */
  writable(reference: string): UpperLayer;
  /** A container's mounts, each with the files of its volume (undefined for a bind mount, whose files are the host's). */
  mounts(reference: string): { mount: volumes.MountPoint; files: UpperLayer | undefined }[];
}

export function containerFiles(daemon: Daemon): ContainerFiles {
  return {
    etc: (reference, host) => etcFiles(daemon, reference, host),
    writable(reference) {
      const container = containers.findContainer(daemon, reference);
      return (container.files ??= emptyUpper());
    },
    mounts(reference) {
      const container = containers.findContainer(daemon, reference);
      return volumes.mountPoints(container).map((mount) => ({
        mount,
        files: mount.type === 'volume' ? daemon.state.volumes?.find((v) => v.name === mount.name)?.files : undefined,
      }));
    },
  };
}

function etcFiles(daemon: Daemon, reference: string, host: HostEtc): EtcFiles {
  const { state } = daemon;
  const own = containers.findContainer(daemon, reference);
  // container:NAME bind-mounts NAME's files (initializeNetworkingPaths); once NAME is gone, its own are all that is left.
  const owner = connectedContainer(own.networkMode);
  const container = (owner !== undefined && state.containers.find((c) => c.id === owner)) || own;
  const bridge = state.networks.find(
    (network) => network.options['com.docker.network.bridge.default_bridge'] === 'true',
  );
  const links =
    container.networkMode === 'bridge' || container.networkMode === 'default'
      ? container.config.links.flatMap((link) => legacyLink(daemon, link, bridge?.id))
      : [];
  // daemon.json's dns stands in for --dns when the container has none (container_operations_unix.go setupDNS... via sandbox options).
  const daemonDns = state.service?.config.dns ?? [];
  const withDns =
    container.config.dns.length > 0 || daemonDns.length === 0
      ? container
      : { ...container, config: { ...container.config, dns: daemonDns.map(formatIpv4) } };
  return containerEtcFiles(withDns, state.networks, host, links);
}

/**
 * A --link on the default bridge as /etc/hosts lists it (addLegacyLinks in
 * daemon/container_operations_unix.go): the alias, the linked container's
 * hostname, and its name unless the alias is the name; its address.
 */
function legacyLink(daemon: Daemon, link: string, bridgeId: string | undefined): { names: string; address: string }[] {
  const [name, alias = name] = link.split(':') as [string, string | undefined];
  const child = daemon.state.containers.find((c) => c.name === name.replace(/^\//, ''));
  const endpoint = child?.endpoints.find((e) => e.networkId === bridgeId);
  if (!child || !endpoint?.address) return [];
  return [
    {
      names: [alias, child.hostname, ...(alias === child.name ? [] : [child.name])].join(' '),
      address: formatIpv4(endpoint.address.address),
    },
  ];
}
