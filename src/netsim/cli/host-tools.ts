import type { Engine } from '../engine/engine';
import type { Program } from './command';
import { ssProgram } from './ss';

/**
 * Programs of the Debian host beyond ip, iptables, ping and curl: iproute2's ss,
 * net-tools' netstat, procps' ps, hostname. On the host every process is
 * visible, with its own PID.
 */
export function hostToolPrograms(engine: Engine): Program[] {
  void engine;
  return [ssProgram()];
}
