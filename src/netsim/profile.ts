/** The simulated machine: what a reader's Debian host with Docker looks like. */
export interface HostProfile {
  hostname: string;
  /** The regular user's name; it is in the `docker` group. */
  user: string;
  nic: { name: string; cidr: string; gateway: string };
  /** The home router at the gateway address. */
  router: { mac: string };
  /** Whether the router reaches the internet: public addresses answer ping and web ports. */
  internet: boolean;
  /**
   * Images already in the store when the host starts (`nginx`, `httpd:2.4`);
   * running any other prints Docker's pull progress first. Unset: the images
   * of the course's core lessons (engine/images.ts DEFAULT_PULLED_IMAGES).
   */
  pulledImages?: readonly string[];
  /** The nameservers DHCP gave the host (its /etc/resolv.conf); unset: the router at the gateway address. */
  nameservers?: readonly string[];
  /**
   * A second Debian machine on the same LAN, where the host's user has an account
   * and an ssh key: "from outside" in lessons. Unset: the LAN has only the router.
   */
  lanMachine?: LanMachineProfile;
}

/** A machine on the host's LAN: its name (in the host's /etc/hosts), address and NIC's MAC. */
export interface LanMachineProfile {
  hostname: string;
  address: string;
  mac: string;
}

/** Debian 13 with Docker Engine 29, one NIC on a home network. */
export const DEBIAN_DOCKER_HOST: HostProfile = {
  hostname: 'docker-host',
  user: 'usuario',
  nic: { name: 'eth0', cidr: '192.168.1.10/24', gateway: '192.168.1.1' },
  router: { mac: 'c8:3a:35:0a:1b:01' },
  internet: true,
  lanMachine: { hostname: 'lan-pc', address: '192.168.1.20', mac: '3c:52:82:5e:7a:14' },
};
