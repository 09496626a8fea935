import type { WebServerApi } from '../engine/api/web-servers';
import { nginxTime } from '../wire/time-text';
import type { NginxSignal } from '../engine/nginx-signals';
import { NGINX_VERSION } from '../userland/web-servers';
import { collect, type OutputChunk, type Program } from './command';

/**
 * The nginx binary of the nginx images (src/core/nginx.c main and
 * ngx_get_options; src/core/ngx_cycle.c ngx_init_cycle, ngx_signal_process).
 * Everything it says goes to stderr: ngx_write_stderr for the version and
 * help, ngx_log_stderr (`nginx: ` before the text) for the rest. The image's
 * build (nginx.org's packages) has --prefix=/etc/nginx and --conf-path
 * /etc/nginx/nginx.conf; its nginx.conf has `error_log /var/log/nginx/error.log
 * notice` (a link to /dev/stderr) and `pid /run/nginx.pid`. The configuration
 * is the image's own, which always passes `-t`: files a reader edits are not
 * parsed. ~: -V (configure arguments), -T (the dump) and -p/-e/-c/-g are not
 * modelled.
 */
const CONF = '/etc/nginx/nginx.conf';

/** ngx_show_version_info with ngx_show_help: the usage after the version line. */
const HELP = `Usage: nginx [-?hvVtTq] [-s signal] [-p prefix]
             [-e filename] [-c filename] [-g directives]

Options:
  -?,-h         : this help
  -v            : show version and exit
  -V            : show version and configure options then exit
  -t            : test configuration and exit
  -T            : test configuration, dump it and exit
  -q            : suppress non-error messages during configuration testing
  -s signal     : send signal to a master process: stop, quit, reopen, reload
  -p prefix     : set prefix path (default: /etc/nginx/)
  -e filename   : set error log file (default: /var/log/nginx/error.log)
  -c filename   : set configuration file (default: /etc/nginx/nginx.conf)
  -g directives : set global directives out of configuration file

`;

interface Options {
  version: boolean;
  help: boolean;
  test: boolean;
  quiet: boolean;
  signal: NginxSignal | undefined;
  unmodelled: string | undefined;
}

/** ngx_get_options: letters bundle (`-tq`); -s takes the rest of its word or the next one. Returns the complaint on a bad option. */
function parseOptions(args: readonly string[]): Options | string {
  const options: Options = {
    version: false,
    help: false,
    test: false,
    quiet: false,
    signal: undefined,
    unmodelled: undefined,
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('-')) return `invalid option: "${arg}"`;
    for (let j = 1; j < arg.length; j++) {
      const letter = arg[j]!;
      if (letter === '?' || letter === 'h') Object.assign(options, { version: true, help: true });
      else if (letter === 'v') options.version = true;
      else if (letter === 't') options.test = true;
      else if (letter === 'q') options.quiet = true;
      else if (letter === 'V' || letter === 'T') options.unmodelled = `-${letter}`;
      else if ('pecgs'.includes(letter)) {
        const value = arg.slice(j + 1) || args[++i];
        if (value === undefined)
          return letter === 's'
            ? 'option "-s" requires parameter'
            : `option "-${letter}" requires ${letter === 'p' ? 'directory name' : letter === 'g' ? 'parameter' : 'file name'}`;
        if (letter !== 's') options.unmodelled = `-${letter}`;
        else if (value === 'stop' || value === 'quit' || value === 'reopen' || value === 'reload')
          options.signal = value;
        else return `invalid option: "-s ${value}"`;
        break;
      } else return `invalid option: "${letter}"`;
    }
  }
  return options;
}

export function nginxProgram(webServers: WebServerApi): Program {
  return {
    name: 'nginx',
    run(args, context) {
      const parsed = parseOptions(args);
      const err = (text: string): OutputChunk => ({ stream: 'stderr', text });
      if (typeof parsed === 'string') return collect([err(`nginx: ${parsed}\n`)], 1);
      if (parsed.unmodelled) return collect([err(`netsim: nginx ${parsed.unmodelled} is not simulated\n`)], 1);
      const out: OutputChunk[] = [];
      if (parsed.version) {
        out.push(err(`nginx version: ${NGINX_VERSION}\n`));
        if (parsed.help) out.push(err(HELP));
        if (!parsed.test) return collect(out, 0);
      }
      if (parsed.test) {
        if (!parsed.quiet)
          out.push(
            err(`nginx: the configuration file ${CONF} syntax is ok\n`),
            err(`nginx: configuration file ${CONF} test is successful\n`),
          );
        return collect(out, 0);
      }
      if (parsed.signal && context.containerId !== undefined) {
        const { output, delivered } = signalled(webServers, context.containerId, parsed.signal, context.clock.now());
        return collect([...out, ...output], delivered ? 0 : 1);
      }
      // Without -s nginx would start a server of its own: only the image's command does that here.
      return collect(
        [...out, err("netsim: nginx started by hand is not simulated; it runs as the image's command\n")],
        1,
      );
    },
  };
}

/**
 * ngx_signal_process: it logs that it started (to the error log, the image's
 * /dev/stderr), reads /run/nginx.pid and signals that PID. With no master
 * running there is no PID file: the error goes to the log and, as nginx is
 * still starting, to stderr again (ngx_log_error_core).
 */
function signalled(
  webServers: WebServerApi,
  containerId: string,
  signal: NginxSignal,
  nowMs: number,
): { output: OutputChunk[]; delivered: boolean } {
  const self = webServers.nextNginxPid(containerId);
  const master = webServers.signalNginx(containerId, signal);
  const sender = master === undefined ? self : master;
  const notice = (level: string, text: string): OutputChunk => ({
    stream: 'stderr',
    text: `${nginxTime(nowMs)} [${level}] ${sender}#${sender}: ${text}\n`,
  });
  if (master !== undefined) return { output: [notice('notice', 'signal process started')], delivered: true };
  const failed = 'open() "/run/nginx.pid" failed (2: No such file or directory)';
  return {
    output: [
      notice('notice', 'signal process started'),
      notice('error', failed),
      { stream: 'stderr', text: `nginx: [error] ${failed}\n` },
    ],
    delivered: false,
  };
}
