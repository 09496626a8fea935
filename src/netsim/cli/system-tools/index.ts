import type { Engine } from '../../engine/engine';
import type { Program } from '../command';
import { hostAptProgram } from '../host-apt/apt';
import { dpkgProgram } from '../host-apt/dpkg';
import type { NameServices } from '../name-service';
import { groupsProgram, usermodProgram } from './accounts';
import { dfProgram, freeProgram } from './free-df';
import { lsmodProgram } from './lsmod';
import { pgrepProgram } from './pgrep';
import { openbsdNcProgram } from '../nc';
import { butskoyTracerouteProgram } from '../traceroute';

/**
 * The host's system tools a learner types, one tool module: apt, apt-get and
 * dpkg -l (cli/host-apt), procps' free and pgrep, coreutils' df and groups,
 * kmod's lsmod, shadow's usermod, and what apt installs there (traceroute,
 * nc). The core names them (host-programs.ts); this makes each.
 */
export function hostSystemProgram(name: string, engine: Engine, names: NameServices): Program {
  switch (name) {
    case 'apt':
    case 'apt-get':
      return hostAptProgram(name, names);
    case 'dpkg':
      return dpkgProgram;
    case 'pgrep':
      return pgrepProgram(engine);
    // The programs of traceroute and netcat-openbsd, which the host has once apt installed them.
    case 'traceroute':
      return butskoyTracerouteProgram(names);
    case 'nc':
      return openbsdNcProgram(names);
    default:
      return { free: freeProgram, df: dfProgram, lsmod: lsmodProgram, groups: groupsProgram, usermod: usermodProgram }[
        name
      ]!;
  }
}

export { freeProgram };
export { supplementaryGroups } from './accounts';
