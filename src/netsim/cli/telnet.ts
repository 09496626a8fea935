import { Datapath } from '../kernel/datapath';
import { servicePort } from '../format/services';
import { lookupHost } from '../userland/name-resolution';
import { connect, connectLoopback6, KERNEL_CONNECT_TIMEOUT_MS, type ConnectResult } from '../userland/tcp';
import { formatIpv4, parseIpv4, type Ipv4 } from '../wire/ipv4';
import { collect, type CommandResult, type OutputChunk, type Program } from './command';
import type { NameServices } from './name-service';

/** strerror of each way connect(2) fails. */
const CONNECT_ERRORS: Readonly<Record<Exclude<ConnectResult['kind'], 'connected'> | 'no-address', string>> = {
  refused: 'Connection refused',
  // ::1 where lo has no IPv6 address (a container's namespace): EADDRNOTAVAIL. ~: from connect(2), not captured.
  'no-address': 'Cannot assign requested address',
  'host-unreachable': 'No route to host',
  'network-unreachable': 'Network is unreachable',
  'timed-out': 'Connection timed out',
};

/** A way to try one address: its text, and connect(2) to it. */
interface Attempt {
  readonly address: string;
  readonly connect: () => ConnectResult['kind'] | 'no-address';
}

/**
 * GNU inetutils' telnet (Debian 13's `telnet` is its transitional package), as
 * captures of inetutils-telnet 2.4 and 2.6 show it (tests/netsim/cli/telnet.test.ts):
 * commands.c tn() prints `Trying ADDR...` for each address getaddrinfo gives
 * (`localhost` is ::1 first, then 127.0.0.1, from Debian's /etc/hosts), says
 * `Connection failed: <strerror>` of each but the last that fails, and
 * `telnet: Unable to connect to remote host: <strerror>` of the last; once
 * connected, `Connected to HOST.` and `Escape character is '^]'.`. Its input is
 * no terminal here: at its end telnet closes and says `Connection closed by
 * foreign host.`, status 0, what is piped in unsent (as the capture of
 * `printf 'GET / ...' | telnet localhost 8080` shows). getaddrinfo's failure is
 * `Server lookup failure:  HOST:PORT, <gai_strerror>`. Without a host it reads
 * commands at its `telnet> ` prompt, which ends at end of input.
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
      const lookup = host === 'localhost' ? undefined : lookupHost(names(context), host);
      if (port === undefined || port > 65535 || (lookup && lookup.kind !== 'found')) {
        const reason =
          port === undefined || port > 65535
            ? 'Servname not supported for ai_socktype'
            : lookup?.kind === 'not-found'
              ? 'Name or service not known'
              : 'Temporary failure in name resolution';
        return { stdout: '', stderr: `Server lookup failure:  ${host}:${portText}, ${reason}\n`, exitCode: 1 };
      }
      const datapath = new Datapath(context.kernel, context.world, context.clock.now());
      const ipv4 = (address: Ipv4): Attempt => ({
        address: formatIpv4(address),
        connect: () => {
          const result = connect(datapath, context.namespace, address, port, context.random, KERNEL_CONNECT_TIMEOUT_MS);
          context.clock.advance(result.kind === 'connected' ? 1 : result.elapsedMs);
          return result.kind;
        },
      });
      const attempts: Attempt[] =
        lookup?.kind === 'found'
          ? [ipv4(lookup.addresses[0]!)]
          : [
              { address: '::1', connect: () => connectLoopback6(context.namespace, port, context.random).kind },
              ipv4(parseIpv4('127.0.0.1')!),
            ];
      const output: OutputChunk[] = [];
      for (const [index, attempt] of attempts.entries()) {
        output.push({ stream: 'stdout', text: `Trying ${attempt.address}...\n` });
        const result = attempt.connect();
        if (result === 'connected') {
          output.push({
            stream: 'stdout',
            text: `Connected to ${host}.\nEscape character is '^]'.\nConnection closed by foreign host.\n`,
          });
          return collect(output, 0);
        }
        const reason = CONNECT_ERRORS[result];
        const last = index === attempts.length - 1;
        output.push({
          stream: 'stderr',
          text: last ? `telnet: Unable to connect to remote host: ${reason}\n` : `Connection failed: ${reason}\n`,
        });
      }
      // At a terminal stdout is line-buffered and comes in turn; into a file or a pipe it is flushed at exit, after stderr.
      const ordered = context.stdoutIsTerminal
        ? output
        : [
            ...output.filter((chunk) => chunk.stream === 'stderr'),
            ...output.filter((chunk) => chunk.stream === 'stdout'),
          ];
      return collect(ordered, 1);
    },
  };
}
