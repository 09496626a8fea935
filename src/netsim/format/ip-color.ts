/**
 * `ip -c`: iproute2's colours (lib/color.c, v6.15.0) laid on the text it prints
 * without them. color_fprintf wraps a field in its SGR code and `\e[0m`; the
 * light-background palette is used unless COLORFGBG says the background is
 * dark, which a bare terminal does not say. Fields and their colours:
 * interface names cyan (print_name_and_link, with the `: ` after them), MACs
 * yellow, IPv4 addresses magenta and IPv6 addresses blue (ifa_family_color,
 * the broadcast address with its trailing space), operational state UP green
 * and DOWN red, each with its trailing space (print_operstate), others plain.
 */
const SGR = {
  ifname: '\x1b[36m',
  mac: '\x1b[33m',
  inet: '\x1b[35m',
  inet6: '\x1b[34m',
  up: '\x1b[32m',
  down: '\x1b[31m',
  clear: '\x1b[0m',
} as const;

const paint = (color: string, text: string) => `${color}${text}${SGR.clear}`;

const stateColor = (state: string) =>
  state.startsWith('UP') ? SGR.up : state.startsWith('DOWN') ? SGR.down : undefined;

/** One line of `ip link` or `ip addr` output, coloured as print_linkinfo and print_addrinfo colour it. */
function colorLine(line: string): string {
  const header = /^(\d+: )(\S+: )(<.*)$/.exec(line);
  if (header)
    return (
      header[1]! +
      paint(SGR.ifname, header[2]!) +
      header[3]!.replace(/ state (UP|DOWN) /, (_, state: string) => ` state ${paint(stateColor(state)!, `${state} `)}`)
    );
  const linkLayer = /^( +link\/\S+ )(\S+)( brd )(\S+)(.*)$/.exec(line);
  if (linkLayer)
    return `${linkLayer[1]}${paint(SGR.mac, linkLayer[2]!)}${linkLayer[3]}${paint(SGR.mac, linkLayer[4]!)}${linkLayer[5]}`;
  const address = /^( +)(inet6?)( )([^/ ]+)(\/\d+ )(brd \S+ )?(.*)$/.exec(line);
  if (address) {
    const color = address[2] === 'inet' ? SGR.inet : SGR.inet6;
    const broadcast = address[6] ? `brd ${paint(color, `${address[6].slice(4)}`)}` : '';
    return `${address[1]}${address[2]}${address[3]}${paint(color, address[4]!)}${address[5]}${broadcast}${address[7]}`;
  }
  return line;
}

/** `ip -c link` and `ip -c addr`. */
export function colorIpText(text: string): string {
  return text.split('\n').map(colorLine).join('\n');
}

/**
 * `ip -c -br link|addr` (print_linkinfo_brief): the padded name and the padded
 * state are coloured with their padding, each address up to its prefix length.
 */
export function colorIpBriefText(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      const columns = /^(\S+ +)(\S+ +)(.*)$/.exec(line);
      if (!columns) return line;
      const [, name, state, tail] = columns as unknown as [string, string, string, string];
      const color = stateColor(state);
      const rest = tail
        .replace(
          /(\S+?)(\/\d+ )/g,
          (_, address: string, prefix: string) => paint(address.includes(':') ? SGR.inet6 : SGR.inet, address) + prefix,
        )
        .replace(/^([0-9a-f]{2}(:[0-9a-f]{2}){5})/, (mac: string) => paint(SGR.mac, mac));
      return paint(SGR.ifname, name) + (color ? paint(color, state) : state) + rest;
    })
    .join('\n');
}

/** attr_colors_dark: the same fields in the bold palette (`\e[1;36m`...). */
export function colorIpDarkText(text: string): string {
  return text.replace(/\x1b\[3([1-6])m/g, '\x1b[1;3$1m');
}
