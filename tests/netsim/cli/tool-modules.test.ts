import { describe, expect, it } from 'vitest';
import { loadToolModules, toolModule } from '../../../src/netsim/cli/tool-loader.browser';
import { ToolModuleMissing, toolModulesNamedIn, withToolModules, type ToolModuleName } from '../../../src/netsim/cli/tool-modules';

describe('which tool modules command lines name', () => {
  it('finds a tool wherever it is typed: first word, after sudo or docker exec, in a container shell', () => {
    expect(toolModulesNamedIn(['docker exec web ss -tln'])).toEqual(new Set(['ss']));
    expect(toolModulesNamedIn(['sudo tcpdump -n -i docker0 icmp &'])).toEqual(new Set(['tcpdump']));
    expect(toolModulesNamedIn(['docker run --rm alpine nslookup web; apt-get install -y iputils-ping', 'getent hosts db'])).toEqual(new Set(['dig', 'packages', 'getent']));
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
    await expect(withToolModules([], async () => {}, () => { throw new RangeError('netsim broke'); })).rejects.toThrow(RangeError);
    let runs = 0;
    await expect(withToolModules([], async () => {}, () => { runs++; throw new ToolModuleMissing('tcpdump'); })).rejects.toThrow(ToolModuleMissing);
    expect(runs).toBeLessThan(20);
  });
});

describe("the browser's tool loader", () => {
  it('has no tool before loading it, then the module itself', async () => {
    expect(() => toolModule('getent')).toThrow(ToolModuleMissing);
    await loadToolModules(['getent']);
    expect(toolModule('getent').getentProgram).toBeTypeOf('function');
  });

  it('fetches Compose as a chunk of its own', async () => {
    expect(() => toolModule('compose')).toThrow(ToolModuleMissing);
    await loadToolModules(['compose']);
    expect(toolModule('compose').composeProgram).toBeTypeOf('function');
  });
});
