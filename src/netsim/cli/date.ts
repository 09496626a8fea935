import { DATE_DEFAULT_FORMAT, DATE_RFC_5322_FORMAT, strftime } from '../format/strftime';
import { fail, ok, type Program } from './command';
import { tryHelp } from './text/input';

/**
 * date: the clock's time in UTC, the zone of the host and of every image
 * (docker-library's busybox links /etc/localtime to UTC; alpine and debian
 * have no zone set). Reads `+FORMAT`, -u/--utc, -R and -I (ISO 8601 date);
 * setting the time and -d are not modelled. An unknown option is getopt's
 * error: GNU's with its pointer to --help, BusyBox's in glibc's or musl's words.
 */
/** BusyBox's usage for date (coreutils/date.c, with FEATURE_DATE_ISOFMT and FEATURE_DATE_COMPAT as Alpine and defconfig build it), without the banner that names each build. */
const BUSYBOX_DATE_USAGE = `
Usage: date [OPTIONS] [+FMT] [[-s] TIME]

Display time (using +FMT), or set time

\t-u\t\tWork in UTC (don't convert to local time)
\t[-s] TIME\tSet time to TIME
\t-d TIME\t\tDisplay TIME, not 'now'
\t-D FMT\t\tFMT (strptime format) for -s/-d TIME conversion
\t-r FILE\t\tDisplay last modification time of FILE
\t-R\t\tOutput RFC-2822 date
\t-I[SPEC]\tOutput ISO-8601 date
\t\t\tSPEC=date (default), hours, minutes, seconds or ns

Recognized TIME formats:
\t@seconds_since_1970
\thh:mm[:ss]
\t[YYYY.]MM.DD-hh:mm[:ss]
\tYYYY-MM-DD hh:mm[:ss]
\t[[[[[YY]YY]MM]DD]hh]mm[.ss]
\t'date TIME' form accepts MMDDhhmm[[YY]YY][.ss] instead
`;

/** getopt's complaint about an unknown option: glibc's words (GNU date, the busybox image), or musl's (Alpine). */
function unknownOption(dialect: 'gnu' | 'busybox' | 'busybox-musl', arg: string) {
  const isLong = arg.startsWith('--');
  if (dialect === 'busybox-musl')
    return fail(`date: unrecognized option: ${isLong ? arg.slice(2) : arg[1]}\n${BUSYBOX_DATE_USAGE}`);
  const message = isLong ? `date: unrecognized option '${arg}'\n` : `date: invalid option -- '${arg[1]}'\n`;
  return dialect === 'gnu' ? tryHelp('date', message) : fail(message + BUSYBOX_DATE_USAGE);
}

export function dateProgram(dialect: 'gnu' | 'busybox' | 'busybox-musl'): Program {
  return {
    name: 'date',
    run(args, context) {
      let format = DATE_DEFAULT_FORMAT;
      for (const arg of args) {
        if (arg.startsWith('+')) format = arg.slice(1);
        else if (arg === '-R' || arg === '--rfc-email' || arg === '--rfc-2822') format = DATE_RFC_5322_FORMAT;
        else if (arg === '-I' || arg === '--iso-8601') format = '%Y-%m-%d';
        else if (arg === '-u' || arg === '--utc' || (arg === '--universal' && dialect === 'gnu')) continue;
        else if (arg.startsWith('-') && arg.length > 1) return unknownOption(dialect, arg);
        else return fail(`date: invalid date '${arg}'\n`);
      }
      return ok(`${strftime(format, context.clock.now())}\n`);
    },
  };
}
