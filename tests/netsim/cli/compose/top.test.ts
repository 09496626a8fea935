import { describe, expect, it } from 'vitest';
import { composeHost, WEB_AND_DB } from './fixtures';

// compose v2.40.3 cmd/compose/top.go (collectTop, topPrint): SERVICE and # before the daemon's
// ps -ef columns, CMD last, rows of the containers sorted by name, Go's text/tabwriter with
// minwidth 4 and padding 2; pkg/compose/top.go asks ContainerTop of each running container.
describe('docker compose top', () => {
  it('lists each running container’s processes under its service and replica', () => {
    const host = composeHost(WEB_AND_DB);
    host.run('docker compose up -d');
    const [header, ...rows] = host.run('docker compose top db').stdout.trimEnd().split('\n');
    // Columns are as wide as their widest cell plus 2, and 4 at least: "#" and "1" make 4.
    expect(header).toMatch(/^SERVICE {2}# {3}UID {3}PID +PPID +C {3}STIME {2}TTY {2}TIME {6}CMD$/);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatch(/^db {7}1 {3}root {2}\d+ +\d+ +0 {3}\d\d:\d\d {2}\? {4}00:00:00 {2}sleep 1000$/);
    // The same process as docker top shows for the container.
    const pid = rows[0]!.split(/\s+/)[3];
    expect(host.run('docker top tienda-db-1').stdout).toContain(` ${pid} `);
    expect(
      host
        .run('docker compose top')
        .stdout.split('\n')
        .filter((line) => line.startsWith('web ')).length,
    ).toBeGreaterThan(1);
  });

  it('prints nothing when nothing of the project runs', () => {
    const host = composeHost(WEB_AND_DB);
    expect(host.run('docker compose top')).toMatchObject({ stdout: '', stderr: '', exitCode: 0 });
  });
});
