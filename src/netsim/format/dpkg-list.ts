/**
 * dpkg-query -l (dpkg 1.22, src/query/main.c list_format_*): the legend, then
 * a row per package, Name, Version and Architecture at least 14, 12 and 12
 * wide and each as wide as its longest value, Description as its longest one
 * (tests/netsim/golden/apt/dpkg-l-traceroute.txt).
 */

export interface DpkgListRow {
  readonly name: string;
  readonly version: string;
  readonly architecture: string;
  readonly description: string;
}

export function formatDpkgList(rows: readonly DpkgListRow[]): string {
  const width = (least: number, values: readonly string[]) => Math.max(least, ...values.map((value) => value.length));
  const name = width(
    14,
    rows.map((row) => row.name),
  );
  const version = width(
    12,
    rows.map((row) => row.version),
  );
  const arch = width(
    12,
    rows.map((row) => row.architecture),
  );
  const description = width(
    11,
    rows.map((row) => row.description),
  );
  const line = (status: string, cells: readonly string[]) =>
    `${status} ${cells[0]!.padEnd(name)} ${cells[1]!.padEnd(version)} ${cells[2]!.padEnd(arch)} ${cells[3]}\n`;
  return (
    'Desired=Unknown/Install/Remove/Purge/Hold\n' +
    '| Status=Not/Inst/Conf-files/Unpacked/halF-conf/Half-inst/trig-aWait/Trig-pend\n' +
    '|/ Err?=(none)/Reinst-required (Status,Err: uppercase=bad)\n' +
    line('||/', ['Name', 'Version', 'Architecture', 'Description']) +
    `+++-${'='.repeat(name)}-${'='.repeat(version)}-${'='.repeat(arch)}-${'='.repeat(description)}\n` +
    rows.map((row) => line('ii ', [row.name, row.version, row.architecture, row.description])).join('')
  );
}
