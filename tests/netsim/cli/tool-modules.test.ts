import { describe, expect, it, vi } from 'vitest';
import { loadToolModules, toolModule } from '../../../src/netsim/cli/tool-loader.browser';
import {
  ToolModuleMissing,
  toolModulesNamedIn,
  withToolModules,
  type ToolModuleName,
} from '../../../src/netsim/cli/tool-modules';

// The browser's loaders of the layers below, as tool-loader.browser.ts gets them in the reader's browser.
vi.mock(
  '../../../src/netsim/engine/mariadb-wordpress-loader',
  () => import('../../../src/netsim/engine/mariadb-wordpress-loader.browser'),
);
vi.mock(
  '../../../src/netsim/userland/apache-page-loader',
  () => import('../../../src/netsim/userland/apache-page-loader.browser'),
);
vi.mock('../../../src/netsim/engine/pause-loader', () => import('../../../src/netsim/engine/pause-loader.browser'));
vi.mock('../../../src/netsim/engine/extras-loader', () => import('../../../src/netsim/engine/extras-loader.browser'));

describe('which tool modules command lines name', () => {
  it('finds a tool wherever it is typed: first word, after sudo or docker exec, in a container shell', () => {
    expect(toolModulesNamedIn(['docker exec web ss -tln'])).toEqual(new Set(['ss']));
    expect(toolModulesNamedIn(['sudo tcpdump -n -i docker0 icmp &'])).toEqual(new Set(['tcpdump']));
    expect(toolModulesNamedIn(['sudo nft list ruleset'])).toEqual(new Set(['nft']));
    expect(
      toolModulesNamedIn(['sudo iptables -I DOCKER-USER -m iprange --src-range 10.0.0.1-10.0.0.9 -j DROP']),
    ).toEqual(new Set(['xtables', 'iprange']));
    expect(
      toolModulesNamedIn(['docker run --rm alpine nslookup web; apt-get install -y iputils-ping', 'getent hosts db']),
    ).toEqual(new Set(['dig', 'packages', 'systemTools', 'getent']));
  });

  it('loads Compose for `docker compose` lines only: docker itself is in the core', () => {
    expect(toolModulesNamedIn(['docker compose up -d'])).toEqual(new Set(['compose']));
    expect(toolModulesNamedIn(['docker ps', 'cat > compose.yaml <<EOF'])).toEqual(new Set());
    expect(toolModulesNamedIn(['docker volume ls'])).toEqual(new Set(['volume']));
  });

  it("loads systemd's tools for systemctl, journalctl and service, and docker's help texts for a line asking for help", () => {
    expect(toolModulesNamedIn(['sudo systemctl restart docker', 'journalctl -u docker'])).toEqual(new Set(['systemd']));
    expect(toolModulesNamedIn(['docker network create --help'])).toEqual(new Set(['dockerHelp']));
    expect(toolModulesNamedIn(['docker help run'])).toEqual(new Set(['dockerHelp']));
  });

  it("loads the bridge tools for iproute2's bridge and bridge-utils' brctl", () => {
    expect(toolModulesNamedIn(['sudo bridge fdb show br docker0', '/usr/sbin/brctl show'])).toEqual(
      new Set(['bridge']),
    );
    expect(toolModulesNamedIn(['telnet 172.17.0.2 80'])).toEqual(new Set(['telnet']));
  });

  it("loads docker's seldom-typed commands for the words that run them, top-level or in a management command", () => {
    expect(toolModulesNamedIn(['docker info', 'docker system df -v'])).toEqual(new Set(['dockerExtras']));
    expect(toolModulesNamedIn(['docker container stats --no-stream', 'docker top web'])).toEqual(
      new Set(['dockerExtras']),
    );
    expect(
      toolModulesNamedIn([
        'docker cp web:/etc/hosts .',
        'docker image history nginx',
        'docker rename a b',
        'docker version',
      ]),
    ).toEqual(new Set(['dockerExtras']));
    expect(toolModulesNamedIn(['docker run -d --name web nginx', 'docker --version'])).toEqual(new Set());
    expect(toolModulesNamedIn(['docker events --since 5m', 'docker wait web'])).toEqual(new Set(['dockerExtras']));
    expect(toolModulesNamedIn(['docker diff web', 'docker tag nginx web:1'])).toEqual(
      new Set(['dockerExtras', 'engineExtras']),
    );
    expect(toolModulesNamedIn(['docker pause web', 'docker compose unpause'])).toEqual(
      new Set(['dockerExtras', 'containerPause', 'compose']),
    );
  });

  it("loads ip's seldom-typed objects, net-tools and the netcats, and the mariadb client for the words that run them", () => {
    expect(toolModulesNamedIn(['ip neigh show 192.168.1.1', 'sudo ip netns add red', 'ip -netns red addr'])).toEqual(
      new Set(['ipExtras']),
    );
    expect(toolModulesNamedIn(['docker exec c1 ifconfig eth0', 'arp -n', 'nc -zv web 80'])).toEqual(
      new Set(['netTools']),
    );
    expect(toolModulesNamedIn(["docker exec db mariadb -uroot -pr -e 'SHOW DATABASES'", 'mysql -u wp'])).toEqual(
      new Set(['servers', 'mariadbWordpress']),
    );
    expect(toolModulesNamedIn(['ip maddr', 'ip -json addr', 'ip -stats link', 'ip -color a'])).toEqual(
      new Set(['ipOutput']),
    );
    // Words shared with lines of the core: those tools come with the retry.
    expect(toolModulesNamedIn(['ip route', 'ip link show docker0', 'docker run -d --name web nginx'])).toEqual(
      new Set(),
    );
  });

  it("loads the mariadb and wordpress images' module, and Debian's apache2 page, for the words that name them", () => {
    expect(toolModulesNamedIn(['docker run -d --name db -e MARIADB_ROOT_PASSWORD=r mariadb'])).toEqual(
      new Set(['servers', 'mariadbWordpress']),
    );
    expect(toolModulesNamedIn(['docker run -d -e WORDPRESS_DB_HOST=db wordpress'])).toEqual(
      new Set(['mariadbWordpress']),
    );
    expect(
      toolModulesNamedIn(['docker run -ti -p 8080:80 linuxtips/apache:1.0 /bin/bash', '/etc/init.d/apache2 start']),
    ).toEqual(new Set(['apachePage']));
  });

  it("loads date, nsenter, ssh, wget, sort/cut/wc, the shell's test and printf, and the daemon.json reader for the words that run them", () => {
    expect(toolModulesNamedIn(['date -u'])).toEqual(new Set(['date']));
    expect(toolModulesNamedIn(['sudo nsenter -t 4242 -n ss -ltn'])).toEqual(new Set(['nsenter', 'ss']));
    expect(toolModulesNamedIn(['ssh lan-pc', 'docker exec client wget -qO- http://web/'])).toEqual(
      new Set(['ssh', 'wget']),
    );
    expect(toolModulesNamedIn(['docker ps -q | wc -l', 'sort -u names', 'cut -d: -f1 /etc/passwd'])).toEqual(
      new Set(['textTools']),
    );
    expect(toolModulesNamedIn(['test -f /etc/hosts && printf "%s\\n" yes'])).toEqual(new Set(['shellBuiltins']));
    expect(toolModulesNamedIn(['sudo cat /etc/docker/daemon.json'])).toEqual(new Set(['daemonConfig']));
    // `[` is not a word: the retry loads the shell's test for it.
    expect(toolModulesNamedIn(['[ -d /etc ] && echo yes'])).toEqual(new Set());
  });

  it("loads the host's apt and dpkg with the package managers, and the everyday system tools, for the words that run them", () => {
    expect(toolModulesNamedIn(['sudo apt install -y netcat-openbsd', 'dpkg -l net-tools'])).toEqual(
      new Set(['packages', 'systemTools']),
    );
    expect(toolModulesNamedIn(['free', 'lsmod | grep br_netfilter', 'pgrep -a dockerd', 'groups'])).toEqual(
      new Set(['systemTools']),
    );
    expect(toolModulesNamedIn(['sudo usermod -aG docker $USER'])).toEqual(new Set(['systemTools']));
  });

  it('loads the swarm module for `docker swarm` lines; overlay networks and `docker node` stay in the core', () => {
    expect(toolModulesNamedIn(['docker swarm init --advertise-addr eth0'])).toEqual(new Set(['swarm']));
    expect(toolModulesNamedIn(['docker network create -d overlay --attachable ov', 'docker node ls'])).toEqual(
      new Set(),
    );
  });

  it('does not take a word that merely contains a tool name', () => {
    expect(toolModulesNamedIn(['echo class; docker ps --format "{{.Names}}"', 'cat /etc/digest'])).toEqual(new Set());
  });
});

describe('running with the tool modules a line needs', () => {
  it('loads what the lines name first, then what the run still lacks, and runs again', async () => {
    const loads: string[][] = [];
    const loaded = new Set<ToolModuleName>();
    const load = async (names: Iterable<ToolModuleName>) => {
      loads.push([...names]);
      for (const name of names) loaded.add(name);
    };
    let runs = 0;
    const result = await withToolModules(['dig web'], load, () => {
      runs++;
      if (!loaded.has('ss')) throw new ToolModuleMissing('ss');
      return 'done';
    });
    expect(result).toBe('done');
    expect(runs).toBe(2);
    expect(loads).toEqual([['dig'], ['ss']]);
  });

  it('passes any other error on, and gives up on a module that never arrives', async () => {
    await expect(
      withToolModules(
        [],
        async () => {},
        () => {
          throw new RangeError('netsim broke');
        },
      ),
    ).rejects.toThrow(RangeError);
    let runs = 0;
    await expect(
      withToolModules(
        [],
        async () => {},
        () => {
          runs++;
          throw new ToolModuleMissing('tcpdump');
        },
      ),
    ).rejects.toThrow(ToolModuleMissing);
    expect(runs).toBe(2);
  });
});

describe("the browser's tool loader", () => {
  it('has no tool before loading it, then the module itself', async () => {
    expect(() => toolModule('getent')).toThrow(ToolModuleMissing);
    await loadToolModules(['getent']);
    expect(toolModule('getent').getentProgram).toBeTypeOf('function');
  });

  it('throws for a module of a layer below, by its name, which the loader then fetches', async () => {
    const { mariadbWordpress } = await import('../../../src/netsim/engine/mariadb-wordpress-loader');
    expect(() => mariadbWordpress()).toThrow(ToolModuleMissing);
    await loadToolModules(['mariadbWordpress']);
    expect(mariadbWordpress().MARIADB_05_SKIPCACHE_CNF).toBe('[mariadb]\nhost-cache-size=0\nskip-name-resolve\n');
  });

  it("fetches the daemon's pausing, which the engine asks for by name", async () => {
    const { containerPause } = await import('../../../src/netsim/engine/pause-loader');
    expect(() => containerPause()).toThrow(ToolModuleMissing);
    await loadToolModules(['containerPause']);
    expect(containerPause().pauseContainer).toBeTypeOf('function');
  });

  it("fetches the daemon's extras (signals), which the engine asks for by name", async () => {
    const { engineExtras } = await import('../../../src/netsim/engine/extras-loader');
    expect(() => engineExtras()).toThrow(ToolModuleMissing);
    await loadToolModules(['engineExtras']);
    expect(engineExtras().stopContainerWith).toBeTypeOf('function');
  });

  it('passes on a missing module whose name no loader knows', async () => {
    await expect(
      withToolModules(
        [],
        async () => {},
        () => {
          throw new ToolModuleMissing('nonsense');
        },
      ),
    ).rejects.toThrow(ToolModuleMissing);
  });

  it('fetches the system tools as a chunk of their own, which `id` asks for once /etc/group names the user', async () => {
    expect(() => toolModule('systemTools')).toThrow(ToolModuleMissing);
    await loadToolModules(['systemTools']);
    expect(toolModule('systemTools').freeProgram.name).toBe('free');
    expect(toolModule('systemTools').supplementaryGroups).toBeTypeOf('function');
  });

  it('fetches Compose as a chunk of its own', async () => {
    expect(() => toolModule('compose')).toThrow(ToolModuleMissing);
    await loadToolModules(['compose']);
    expect(toolModule('compose').composeProgram).toBeTypeOf('function');
  });
});
