import { describe, expect, it } from 'vitest';
import { LOCALE_INFO } from '../../src/i18n/locales';
import { RESOURCES } from '../../src/i18n/translate';
import { TerminalSimulation } from '../../src/terminal/terminal-session';
import { netsimText } from '../../src/terminal/trace-output';
import { flatStrings, type StringTree } from '../../src/trace/trace-text';

const strings = (locale: 'es' | 'pt' | 'fr') =>
  flatStrings((RESOURCES[locale] as { trace: StringTree }).trace, 'trace');

describe('netsimText', () => {
  it('tells the last command in the reader language, the drop where it happens', () => {
    const terminal = new TerminalSimulation({ seed: 3, steps: [] });
    terminal.run('docker network create --subnet 10.20.0.0/24 app-net');
    terminal.run('docker network create other-net');
    terminal.run('docker run -d --name web --network app-net nginx');
    terminal.run('docker run -dit --name outsider --network other-net alpine');
    terminal.run('docker exec outsider ping -c 1 10.20.0.2');
    const outcome = terminal.run('netsim trace');
    if (outcome.kind !== 'trace') throw new Error(outcome.kind);
    const text = netsimText(outcome, strings('es'), LOCALE_INFO.es.tag);
    const lines = text.split('\n');
    expect(lines[0]).toBe('Traza de «docker exec outsider ping -c 1 10.20.0.2»:');
    expect(lines[1]).toBe('  1. [contenedor outsider] Envía ICMP echo request 172.18.0.2 → 10.20.0.2.');
    expect(lines.at(-3)).toBe(
      '  9. [anfitrión docker-host] raw PREROUTING: coincide esta regla de PREROUTING, que descarta el paquete aquí. Contador: 1 paquete, 84 bytes.',
    );
    expect(lines.at(-2)).toMatch(/^ {5}-A PREROUTING -d 10\.20\.0\.2\/32 ! -i br-[0-9a-f]{12} -j DROP$/);
    expect(netsimText(outcome, strings('fr'), LOCALE_INFO.fr.tag).split('\n')[0]).toBe(
      'Trace de «\u00a0docker exec outsider ping -c 1 10.20.0.2\u00a0»\u00a0:',
    );
  });

  it('says there is nothing to trace, and what netsim is, saying it is no Linux tool', () => {
    expect(
      netsimText(
        { kind: 'trace', command: undefined, trace: undefined, prompt: '$ ' },
        strings('pt'),
        LOCALE_INFO.pt.tag,
      ),
    ).toBe('netsim trace: você ainda não executou nenhum comando.\n');
    expect(
      netsimText(
        { kind: 'trace', command: 'ls', trace: { hops: [], namespaces: [] }, prompt: '$ ' },
        strings('es'),
        LOCALE_INFO.es.tag,
      ),
    ).toBe('netsim trace: el último comando no envió ningún paquete; no hay nada que mostrar.\n');
    const help = netsimText(
      { kind: 'netsim-help', usage: true, prompt: '$ ', exitCode: 2 },
      strings('es'),
      LOCALE_INFO.es.tag,
    );
    expect(help).toBe(
      'netsim trace: muestra lo que la red simulada hizo con los paquetes del último comando. No es una herramienta de Linux: solo existe en este simulador.\nUso: netsim trace\n',
    );
  });
});
