import { netSysctls, sysctlPath } from '../kernel/sysctl';
import { fail, type CommandResult, type Program } from './command';

/** procps' usage line for a command line it cannot act on (src/sysctl.c: errx with this text). */
const NO_VARIABLES = "sysctl: no variables specified\nTry `sysctl --help' for more information.\n";

/**
 * procps' sysctl (src/sysctl.c), reading keys: `key = value` (ReadSetting with
 * PrintName), the value alone with -n, the name alone with -N; -e hides
 * unknown keys. A key is read from /proc/sys in the caller's network
 * namespace. An unknown one is stat's failure (`cannot stat`, status 1).
 * Writing (-w, key=value) and -a are not modelled.
 */
export const sysctlProgram: Program = {
  name: 'sysctl',
  run(args, context) {
    let printName = true;
    let nameOnly = false;
    let ignoreErrors = false;
    const keys: string[] = [];
    for (const arg of args) {
      if (/^-[neN]+$/.test(arg)) {
        printName &&= !arg.includes('n');
        nameOnly ||= arg.includes('N');
        ignoreErrors ||= arg.includes('e');
      } else if (arg.startsWith('-') || arg.includes('='))
        return fail('sysctl: only reading keys (-n, -N, -e) is simulated\n');
      else keys.push(arg);
    }
    if (keys.length === 0) return fail(NO_VARIABLES);
    const known = netSysctls(context.kernel, context.namespace);
    const results: CommandResult[] = keys.map((name) => {
      // The name as printed: slashes become dots (slashdot(outname, '/', '.')).
      const key = name.replace(/\//g, '.');
      const value = known[key];
      if (value === undefined)
        return ignoreErrors
          ? { stdout: '', stderr: '', exitCode: 0 }
          : fail(`sysctl: cannot stat ${sysctlPath(key)}: No such file or directory\n`);
      if (nameOnly) return { stdout: `${key}\n`, stderr: '', exitCode: 0 };
      return { stdout: printName ? `${key} = ${value}\n` : `${value}\n`, stderr: '', exitCode: 0 };
    });
    // ReturnCode += ReadSetting(...) for each key.
    return {
      stdout: results.map((r) => r.stdout).join(''),
      stderr: results.map((r) => r.stderr).join(''),
      exitCode: results.reduce((sum, r) => sum + r.exitCode, 0),
    };
  },
};
