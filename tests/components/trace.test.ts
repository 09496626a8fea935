import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { describe, expect, it } from 'vitest';
import PacketTrace from '../../src/components/trace/PacketTrace.astro';
import { formatRuleLine, Host, type CommandTrace } from '../../src/netsim/index';
import { traceSteps } from '../../src/trace/trace-steps';
import { stored } from './stored-payload';

async function render(locale: string, props: Record<string, unknown>) {
  const container = await AstroContainer.create();
  return container.renderToString(PacketTrace, { params: { locale }, props });
}

/** A traced command on a host, with what the page gets: the props the remark plugin passes. */
function traced(
  setup: readonly string[],
  command: string,
): { host: Host; trace: CommandTrace; props: Record<string, string> } {
  const host = Host.create({ seed: 21 });
  for (const line of setup) host.run(line);
  const prompt = host.prompt();
  const result = host.run(command, { trace: true });
  const trace = result.trace!;
  const props = {
    number: '1',
    prompt,
    command,
    output: JSON.stringify(result.output.split('\n').filter(Boolean)),
    exitCode: String(result.exitCode),
    trace: stored(JSON.stringify(trace)),
    state: stored(JSON.stringify(host.topology())),
  };
  return { host, trace, props };
}

const decode = (html: string) =>
  html
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&amp;', '&');

/** Each rendered step: its hook, its sentence and the rule under it. */
function renderedSteps(html: string): { hop: string; text: string; code: string | undefined }[] {
  return [...html.matchAll(/<li class="trace__step[^"]*" data-hop="([a-z]+)"[^>]*>([^]*?)<\/li>/g)].map(
    ([, hop, body]) => ({
      hop: hop!,
      text: decode(/<span class="trace__text">([^]*?)<\/span>/.exec(body!)![1]!),
      code:
        /<code class="trace__code">([^]*?)<\/code>/.exec(body!)?.[1] &&
        decode(/<code class="trace__code">([^]*?)<\/code>/.exec(body!)![1]!),
    }),
  );
}

/**
 * `iptables -t TABLE -nvxL` after the command, each counter row paired with the
 * rule `iptables -t TABLE -S` prints at the same place of the same chain: what
 * a reader runs on the same host to check the trace.
 */
function listedCounters(host: Host): Map<string, { packets: number; bytes: number }> {
  const counters = new Map<string, { packets: number; bytes: number }>();
  for (const table of ['raw', 'nat', 'filter']) {
    const specs = host
      .run(`sudo iptables -t ${table} -S`)
      .stdout.split('\n')
      .filter((line) => line.startsWith('-A '));
    let chain = '';
    let row = 0;
    for (const line of host.run(`sudo iptables -t ${table} -nvxL`).stdout.split('\n')) {
      const header = /^Chain (\S+)/.exec(line);
      if (header) [chain, row] = [header[1]!, 0];
      const numbers = /^\s*(\d+)\s+(\d+)\s/.exec(line);
      if (!numbers) continue;
      const spec = specs.filter((candidate) => candidate.startsWith(`-A ${chain} `) || candidate === `-A ${chain}`)[
        row++
      ]!;
      counters.set(`${table} ${spec}`, { packets: Number(numbers[1]), bytes: Number(numbers[2]) });
    }
  }
  return counters;
}

const published = ['docker run -d --name web -p 8080:80 nginx'];

describe('PacketTrace', () => {
  it('renders the data-trace hook, one data-hop per step of the pure step list, and no script', async () => {
    const { trace, props } = traced(published, 'curl -s -o /dev/null http://192.168.1.10:8080/');
    const html = await render('es', props);
    expect(html).toMatch(/<figure class="trace" data-trace="1"/);
    // Generated steps stay out of the search index, as console outputs do.
    expect(html).toMatch(/<figure class="trace"[^>]* data-pagefind-ignore/);
    expect(html).not.toMatch(/<script|style="/);
    expect(html.match(/data-hop="/g)).toHaveLength(traceSteps(trace).length);
    expect(html).toContain('<span class="trace__prompt">$ </span>curl -s -o /dev/null http://192.168.1.10:8080/');
    // The later packets of the connection sit behind a disclosure that needs no script: after the SYN and
    // SYN-ACK, the ACK and request, the response, the ACK, curl's FIN, nginx's FIN and the last ACK
    // (the order of golden/tools/tcpdump-curl-close.txt, nginx answering in one segment).
    expect(html).toMatch(/<details><summary>7 paquetes más de las mismas conexiones, por el mismo camino<\/summary>/);
  });

  it('lists the rules that matched, in the order the datapath met them', async () => {
    const { trace, props } = traced(published, 'curl -s -o /dev/null http://192.168.1.10:8080/');
    const html = await render('es', props);
    const shown = renderedSteps(html).filter(
      (step) => step.hop === 'rule' || (step.hop === 'drop' && step.code?.startsWith('-A')),
    );
    const matched = trace.hops.flatMap((hop) => (hop.kind === 'rule' ? [formatRuleLine(hop.chain, hop.spec)] : []));
    expect(shown.map((step) => step.code)).toEqual(matched);
    expect(shown[1]).toEqual({
      hop: 'rule',
      text: 'nat OUTPUT: coincide esta regla de DOCKER, que aplica DNAT. Contador: 1 paquete, 60 bytes.',
      code: '-A DOCKER ! -i docker0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80',
    });
  });

  it('shows counters that agree with iptables -nvxL run on the same host after the command', async () => {
    const { host, trace, props } = traced(
      [...published, 'ssh lan-pc', 'curl -s -o /dev/null http://192.168.1.10:8080/', 'exit'],
      'curl -s -o /dev/null http://192.168.1.10:8080/',
    );
    const html = await render('es', props);
    const listed = listedCounters(host);
    const tables = new Map(
      trace.hops.flatMap((hop) =>
        hop.kind === 'rule' ? [[formatRuleLine(hop.chain, hop.spec), hop.table] as const] : [],
      ),
    );
    const last = new Map<string, string>();
    for (const step of renderedSteps(html)) if (step.code?.startsWith('-A')) last.set(step.code, step.text);
    expect(last.size).toBeGreaterThan(1);
    for (const [rule, text] of last) {
      const counters = listed.get(`${tables.get(rule)} ${rule}`)!;
      const [, packets, bytes] = /Contador: (\d+) paquetes?, (\d+) bytes\./.exec(text)!;
      expect({ packets: Number(packets), bytes: Number(bytes) }, rule).toEqual(counters);
    }
  });

  it('draws the path on the host figure: the bridge and the container, not the NIC the host never used', async () => {
    const { props } = traced(published, 'curl -s -o /dev/null http://192.168.1.10:8080/');
    const html = await render('es', props);
    for (const node of ['host', 'bridge:docker0', 'if:web:eth0'])
      expect(html, node).toMatch(new RegExp(`data-node="${node}" data-path>`));
    expect(html).toMatch(/data-node="nic:eth0">/);
    expect(html).toMatch(/data-edge="bridge-port:bridge:docker0->veth:veth[0-9a-f]{7}" data-path>/);
  });

  it('shows where a LAN client asking for a container address loses its packet, in the reader language', async () => {
    const { props } = traced([...published, 'ssh lan-pc'], 'curl --max-time 3 http://172.17.0.2/');
    const html = await render('fr', props);
    const steps = renderedSteps(html);
    expect(steps.find((step) => step.hop === 'lost')?.text).toBe(
      'Le routeur 192.168.1.1 n’a pas de route vers 172.17.0.2\u00a0: le paquet se perd et personne ne répond.',
    );
    expect(html).toContain('<p class="trace__exit">Elle se termine avec le code 28.</p>');
    expect(html).toContain('<span class="trace__where">lan-pc (LAN)</span>');
  });

  it('marks the rule that drops a packet between two networks where it happens', async () => {
    const setup = [
      'docker network create --subnet 10.20.0.0/24 app-net',
      'docker network create other-net',
      'docker run -d --name web --network app-net nginx',
      'docker run -dit --name outsider --network other-net alpine',
    ];
    const { props } = traced(setup, 'docker exec outsider ping -c 1 10.20.0.2');
    const html = await render('pt', props);
    const dropped = renderedSteps(html).filter((step) => step.hop === 'drop');
    expect(dropped).toHaveLength(1);
    expect(dropped[0]!.text).toBe(
      'raw PREROUTING: casa esta regra de PREROUTING, que descarta o pacote aqui. Contador: 1 pacote, 84 bytes.',
    );
    expect(dropped[0]!.code).toMatch(/^-A PREROUTING -d 10\.20\.0\.2\/32 ! -i br-[0-9a-f]{12} -j DROP$/);
    expect(html).toMatch(/<li class="trace__step trace__step--drop trace__step--ends" data-hop="drop"/);
  });

  it('tells the embedded DNS answering a container name before the ping', async () => {
    const setup = [
      'docker network create app-net',
      'docker run -d --name web --network app-net nginx',
      'docker run -dit --name client --network app-net alpine',
    ];
    const { props } = traced(setup, 'docker exec client ping -c 1 web');
    const html = await render('es', props);
    const dns = renderedSteps(html).filter((step) => step.hop === 'dns');
    expect(dns[0]?.text).toBe(
      'El DNS interno de Docker (dockerd, en 127.0.0.11 dentro de este namespace) responde a web A: A 172.18.0.2.',
    );
  });
});
