import { dumpLinks } from '../kernel/dump';
import type { CaptureDevice } from '../format/tcpdump';
import type { ProcessContext } from './command';

/**
 * pcap_findalldevs (libpcap 1.10.5, pcap.c and pcap-linux.c): the namespace's
 * links, "any", then the pseudo-devices Debian's libpcap is built with
 * (Bluetooth monitor, netfilter's NFLOG and NFQUEUE, D-Bus), sorted by
 * get_figure_of_merit (running, up, connected, not loopback first; "any" before
 * loopback), links in ifindex order within each rank (captured: golden/tools/tcpdump-D.txt).
 */
export function captureDevices(context: ProcessContext): CaptureDevice[] {
  const links: CaptureDevice[] = dumpLinks(context.kernel, context.namespace).map((link) => ({
    name: link.name,
    up: link.flags.includes('UP'),
    running: link.flags.includes('LOWER_UP'),
    loopback: link.linkType === 'loopback',
    connection:
      link.linkType === 'loopback' ? 'not-applicable' : link.flags.includes('LOWER_UP') ? 'connected' : 'disconnected',
  }));
  const pseudo = (name: string, description: string, wireless = false): CaptureDevice => ({
    name,
    description,
    up: false,
    running: false,
    loopback: false,
    wireless,
    connection: 'not-applicable',
  });
  const all = [
    ...links,
    {
      name: 'any',
      description: 'Pseudo-device that captures on all interfaces',
      up: true,
      running: true,
      loopback: false,
      connection: 'not-applicable' as const,
    },
    pseudo('bluetooth-monitor', 'Bluetooth Linux Monitor', true),
    pseudo('nflog', 'Linux netfilter log (NFLOG) interface'),
    pseudo('nfqueue', 'Linux netfilter queue (NFQUEUE) interface'),
    pseudo('dbus-system', 'D-Bus system bus'),
    pseudo('dbus-session', 'D-Bus session bus'),
  ];
  const merit = (device: CaptureDevice) =>
    (device.running ? 0 : 0x80000000) +
    (device.up ? 0 : 0x40000000) +
    (!device.wireless && device.connection === 'disconnected' ? 0x20000000 : 0) +
    (device.loopback ? 0x10000000 : 0) +
    (device.name === 'any' ? 0x08000000 : 0);
  return all
    .map((device, index) => ({ device, index }))
    .sort((a, b) => merit(a.device) - merit(b.device) || a.index - b.index)
    .map(({ device }) => device);
}
