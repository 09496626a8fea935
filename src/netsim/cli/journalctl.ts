import type { DockerService } from '../engine/api/service';
import { formatCatalog, formatJournalLine } from '../format/journal';
import type { CommandResult, Program } from './command';

/**
 * journalctl for docker.service's entries (-u docker, -n N, --no-pager, -e,
 * -q, -x with the catalog's explanations). Only root (or the adm and systemd-journal groups, which the host's user
 * is not in) reads the system journal: anyone else sees journalctl's hint and
 * no entries (journalctl.c access check, `-- No entries --`).
 */
export function journalctlProgram(service: DockerService, hostname: string): Program {
  return {
    name: 'journalctl',
    run(args, context): CommandResult {
      let unit: string | undefined;
      let lines: number | undefined;
      let quiet = false;
      let catalog = false;
      for (let i = 0; i < args.length; i++) {
        const arg = args[i]!;
        if (arg === '-u' || arg === '--unit') unit = args[++i];
        else if (arg.startsWith('--unit=')) unit = arg.slice(7);
        else if (arg === '-n' || arg === '--lines') lines = Number(args[++i]);
        else if (arg.startsWith('--lines=')) lines = Number(arg.slice(8));
        else if (arg === '-q' || arg === '--quiet') quiet = true;
        else if (arg === '--catalog') catalog = true;
        else if (arg === '--no-pager' || arg === '-b' || arg === '--boot') continue;
        else if (/^-[xequb]+$/.test(arg)) {
          // Bundled short options (-xeu UNIT): -u takes the next word, -e shows the end (at most 1000 lines), -x the catalog.
          if (arg.includes('q')) quiet = true;
          if (arg.includes('e')) lines ??= 1000;
          if (arg.endsWith('u')) unit = args[++i];
          if (arg.includes('x')) catalog = true;
        } else return { stdout: '', stderr: `netsim: journalctl ${arg} is not simulated\n`, exitCode: 1 };
      }
      if (unit === undefined || !['docker', 'docker.service'].includes(unit))
        return { stdout: '', stderr: 'netsim: journalctl here shows only -u docker.service\n', exitCode: 1 };
      const hint = quiet
        ? ''
        : "Hint: You are currently not seeing messages from other users and the system.\n      Users in groups 'adm', 'systemd-journal' can see all messages.\n      Pass -q to turn off this notice.\n";
      if (!context.isRoot) return { stdout: '-- No entries --\n', stderr: hint, exitCode: 0 };
      const entries = service.state()?.journal ?? [];
      if (entries.length === 0) return { stdout: '-- No entries --\n', stderr: '', exitCode: 0 };
      const shown = lines === undefined ? entries : entries.slice(-lines);
      // journalctl prints whole lines (--full has been its default since systemd 196).
      const printed = shown.flatMap((entry) => [
        formatJournalLine(entry, hostname),
        ...(catalog && entry.catalog ? formatCatalog(entry.catalog, 'docker.service') : []),
      ]);
      return { stdout: printed.map((line) => `${line}\n`).join(''), stderr: '', exitCode: 0 };
    },
  };
}
