import { Datapath } from '../kernel/datapath';
import { servicePort } from '../format/services';
import { lookupHost } from '../userland/name-resolution';
import { connect, KERNEL_CONNECT_TIMEOUT_MS, type ConnectResult } from '../userland/tcp';
import { formatIpv4 } from '../wire/ipv4';
import type { CommandResult, OutputChunk, Program } from './command';
import type { NameServices } from './name-service';

/** strerror of each way connect(2) fails. */
const CONNECT_ERRORS: Readonly<Record<Exclude<ConnectResult['kind'], 'connected'>, string>> = {
  refused: 'Connection refused',
  'host-unreachable': 'No route to host',
  'network-unreachable': 'Network is unreachable',
  'timed-out': 'Connection timed out',
};

/**
 * GNU inetutils' telnet (Debian 13's `telnet` is its transitional package),
 * its connection only, as a capture of inetutils-telnet 2.4 shows it
 * (tests/netsim/cli/telnet.test.ts): commands.c tn() prints `Trying ADDR...`,
 * then `Connected to HOST.` and `Escape character is '^]'.`, or
 * `telnet: Unable to connect to remote host: <strerror>`; getaddrinfo's
 * failure is `Server lookup failure:  HOST:PORT, <gai_strerror>`. Without a
 * host it reads commands at its `telnet> ` prompt, which ends at end of input.
 * What is typed once connected is not simulated.
 */
export function telnetProgram(names: NameServices): Program {
  return {
    name: 'telnet',
    run(args, context): CommandResult {
      const operands = args.filter((arg) => !arg.startsWith('-'));
      const [host, portText = 'telnet'] = operands;
      if (host === undefined) return { stdout: 'telnet> \n', stderr: '', exitCode: 0 };
      const port = /^\d+$/.test(portText)
        ? Number(portText)
        : portText === 'telnet'
          ? 23
          : servicePort(portText, 'tcp');
      const lookup = lookupHost(names(context), host);
      if (port === undefined || port > 65535 || lookup.kind !== 'found') {
        const reason =
          port === undefined || port > 65535
            ? 'Servname not supported for ai_socktype'
            : lookup.kind === 'not-found'
              ? 'Name or service not known'
              : 'Temporary failure in name resolution';
        return { stdout: '', stderr: `Server lookup failure:  ${host}:${portText}, ${reason}\n`, exitCode: 1 };
      }
      const address = lookup.addresses[0]!;
      const trying = `Trying ${formatIpv4(address)}...\n`;
      const datapath = new Datapath(context.kernel, context.world, context.clock.now());
      const result = connect(datapath, context.namespace, address, port, context.random, KERNEL_CONNECT_TIMEOUT_MS);
      context.clock.advance(result.kind === 'connected' ? 1 : result.elapsedMs);
      if (result.kind === 'connected') {
        const stdout = `${trying}Connected to ${host}.\nEscape character is '^]'.\n`;
        return {
          stdout,
          stderr: 'telnet: a session, once connected, is not available in this simulator yet.\n',
          exitCode: 1,
        };
      }
      const stderr = `telnet: Unable to connect to remote host: ${CONNECT_ERRORS[result.kind]}\n`;
      // At a terminal stdout is line-buffered and `Trying` comes first; into a file or a pipe it is flushed at exit, after stderr.
      const output: OutputChunk[] = context.stdoutIsTerminal
        ? [
            { stream: 'stdout', text: trying },
            { stream: 'stderr', text: stderr },
          ]
        : [
            { stream: 'stderr', text: stderr },
            { stream: 'stdout', text: trying },
          ];
      return { stdout: trying, stderr, exitCode: 1, output };
    },
  };
}
