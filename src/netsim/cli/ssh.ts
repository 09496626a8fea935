import { Datapath } from '../kernel/datapath';
import type { Namespace } from '../kernel/namespace';
import { lookupHost } from '../userland/name-resolution';
import { connect, connectError } from '../userland/tcp';
import { fail, type CommandResult, type MachineShell, type ProcessContext, type Program } from './command';
import type { NameServices } from './name-service';

/** The LAN machine as ssh reaches it: its network namespace, its user, and what sshd shows at login. */
export interface SshServer {
  readonly namespace: Namespace;
  readonly user: string;
  readonly banner: string;
}

/** OpenSSH 10.0's usage (ssh.c usage(), V_10_0_P2), which a missing destination prints, status 255. */
const SSH_USAGE = `usage: ssh [-46AaCfGgKkMNnqsTtVvXxYy] [-B bind_interface] [-b bind_address]
           [-c cipher_spec] [-D [bind_address:]port] [-E log_file]
           [-e escape_char] [-F configfile] [-I pkcs11] [-i identity_file]
           [-J destination] [-L address] [-l login_name] [-m mac_spec]
           [-O ctl_cmd] [-o option] [-P tag] [-p port] [-R address]
           [-S ctl_path] [-W host:port] [-w local_tun[:remote_tun]]
           destination [command [argument ...]]
       ssh [-Q query_option]
`;

/** Options of ssh.c's getopt string that take a value. */
const TAKES_VALUE = new Set([...'BbcDEeFIiJLlmOoPpRSWw']);

interface SshArguments {
  readonly destination: string;
  readonly user: string | undefined;
  readonly port: number;
  readonly command: readonly string[];
  readonly forceTty: boolean;
}

function parseArguments(args: readonly string[]): SshArguments | CommandResult {
  let user: string | undefined;
  let port = 22;
  let forceTty = false;
  let index = 0;
  for (; index < args.length && args[index]!.startsWith('-') && args[index] !== '-'; index++) {
    const word = args[index]!;
    for (let at = 1; at < word.length; at++) {
      const letter = word[at]!;
      if (letter === 't') forceTty = true;
      if (!TAKES_VALUE.has(letter)) continue;
      const value = word.slice(at + 1) || args[++index];
      if (value === undefined) return fail(`ssh: option requires an argument -- '${letter}'\n${SSH_USAGE}`, 255);
      if (letter === 'l') user = value;
      if (letter === 'p') port = Number(value);
      if (letter === 'p' && (!Number.isInteger(port) || port < 1 || port > 65535))
        return fail(`Bad port '${value}'\n`, 255);
      break;
    }
  }
  const target = args[index];
  if (target === undefined) return fail(SSH_USAGE, 255);
  const at = target.lastIndexOf('@');
  // ssh.c lowercases the host name before anything else uses it.
  return {
    destination: target.slice(at + 1).toLowerCase(),
    user: at >= 0 ? target.slice(0, at) : user,
    port,
    command: args.slice(index + 1),
    forceTty,
  };
}

/**
 * OpenSSH's client. The connection goes through the datapath, so a down NIC, a
 * wrong address or a port with no sshd fail as connect(2) fails
 * (`ssh: connect to host H port P: Connection refused`, status 255). The LAN
 * machine's sshd knows the host user's key, and the user's known_hosts has its
 * host key by name and address: no question is asked, as after a first
 * `ssh-copy-id`. It takes keys only, so another user is refused
 * (sshconnect2.c: `user@host: Permission denied (publickey).`). Without a
 * command the terminal enters a login shell there; its end prints
 * `Connection to H closed.` (clientloop.c, when a tty was allocated). With one,
 * sshd runs it with the user's shell's -c and ssh returns its status.
 */
export function sshProgram(names: NameServices, server: () => SshServer | undefined): Program {
  return {
    name: 'ssh',
    run(args, context) {
      const parsed = parseArguments(args);
      if ('exitCode' in parsed) return parsed;
      const lookup = lookupHost(names(context), parsed.destination);
      if (lookup.kind !== 'found') {
        const reason =
          lookup.kind === 'not-found' ? 'Name or service not known' : 'Temporary failure in name resolution';
        return fail(`ssh: Could not resolve hostname ${parsed.destination}: ${reason}\n`, 255);
      }
      const address = lookup.addresses[0]!;
      const datapath = new Datapath(context.kernel, context.world, context.clock.now());
      const connection = connect(datapath, context.namespace, address, parsed.port, context.random);
      if (connection.kind !== 'connected') {
        context.clock.advance(connection.elapsedMs);
        return fail(
          `ssh: connect to host ${parsed.destination} port ${parsed.port}: ${connectError(connection.kind)}\n`,
          255,
        );
      }
      const lan = server();
      const peer = connection.peer;
      if (!lan || peer.kind !== 'socket' || peer.namespace !== lan.namespace || peer.socket.service.kind !== 'ssh') {
        // Whatever answers is no sshd: it sends no identification string, or closes the connection.
        return fail(
          `kex_exchange_identification: Connection closed by remote host\nConnection closed by ${formatAddress(address)} port ${parsed.port}\n`,
          255,
        );
      }
      const user = parsed.user ?? context.env?.get('USER') ?? lan.user;
      if (user !== lan.user) return fail(`${user}@${parsed.destination}: Permission denied (publickey).\n`, 255);
      return login(context, lan, parsed);
    },
  };
}

function formatAddress(address: number): string {
  return [24, 16, 8, 0].map((shift) => (address >>> shift) & 255).join('.');
}

function login(context: ProcessContext, lan: SshServer, parsed: SshArguments): CommandResult {
  const home = `/home/${lan.user}`;
  const closed = `Connection to ${parsed.destination} closed.\n`;
  const shell: MachineShell = {
    user: lan.user,
    home,
    cwd: home,
    argv0: 'bash',
    login: parsed.command.length === 0,
    farewell: closed,
  };
  if (parsed.command.length > 0) {
    const result = context.terminal?.runOnMachine?.('lan', shell, parsed.command.join(' ')) ?? {
      stdout: '',
      stderr: '',
      exitCode: 0,
    };
    if (!parsed.forceTty) return result;
    return {
      ...result,
      stderr: result.stderr + closed,
      output: [
        ...(result.output ?? [
          { stream: 'stdout', text: result.stdout },
          { stream: 'stderr', text: result.stderr },
        ]),
        { stream: 'stderr', text: closed },
      ],
    };
  }
  context.terminal?.enterMachine?.('lan', shell);
  return { stdout: lan.banner, stderr: '', exitCode: 0 };
}
