import type { AptIndex } from '../../engine/image-catalog/archives';
import { ROOT, type FileSystem } from '../../kernel/filesystem';
import {
  aptCliWarning,
  aptErrors,
  formatCacheOpening,
  formatHostInstall,
  formatHostRemove,
  formatHostUpdate,
  type AptOutput,
} from '../../format/apt-host';
import type { CommandResult, ProcessContext, Program } from '../command';
import type { NameServices } from '../name-service';
import { fetchIndexes } from '../apt-mirrors';
import { HOST_ROOT_AVAILABLE_BYTES } from '../system-tools/host-figures';
import { dpkgListFile, HOST_DATABASE_ENTRIES, INSTALLABLE, PREINSTALLED, PROVIDED } from './host-catalog';

/** apt's exit status for any error (apt-private: DispatchCommandLine returns 100). */
const APT_FAILURE = 100;

/** The host's sources (Debian's installer: trixie, trixie-updates, trixie-security); the InRelease sizes of the capture. */
const HOST_INDEXES: readonly AptIndex[] = [
  { description: 'http://deb.debian.org/debian trixie InRelease', size: 140_000 },
  { description: 'http://deb.debian.org/debian trixie-updates InRelease', size: 47_300 },
  { description: 'http://security.debian.org/debian-security trixie-security InRelease', size: 43_400 },
];

const POOL = 'http://deb.debian.org/debian trixie/main';

/** A fetch at a few MB/s after a short connection setup: the time apt reports and the clock moves by. */
const fetchMs = (bytes: number) => 25 + Math.round(bytes / 4000);

/** The operations that take dpkg's frontend lock: as a user, apt fails on it before anything else. */
const LOCKING = new Set([
  'install',
  'remove',
  'purge',
  'upgrade',
  'full-upgrade',
  'dist-upgrade',
  'autoremove',
  'reinstall',
]);

/** apt or apt-get on the Debian 13 host: update, install and remove of the packages host-catalog.ts knows. */
export function hostAptProgram(binary: 'apt' | 'apt-get', names: NameServices): Program {
  return {
    name: binary,
    run(args, context) {
      const output: AptOutput = { binary, terminal: context.stdoutIsTerminal ?? false };
      const words = args.filter((arg) => !arg.startsWith('-'));
      const [operation, ...packages] = words;
      const warning = aptCliWarning(output);
      const result = (stdout: string, stderr: string, exitCode: number): CommandResult => ({
        stdout,
        stderr: warning + stderr,
        exitCode,
      });
      if (operation === undefined) return result('', aptErrors(output, ['Invalid operation']), APT_FAILURE);
      if (!context.isRoot && LOCKING.has(operation))
        return result(
          '',
          aptErrors(output, [
            'Could not open lock file /var/lib/dpkg/lock-frontend - open (13: Permission denied)',
            'Unable to acquire the dpkg frontend lock (/var/lib/dpkg/lock-frontend), are you root?',
          ]),
          APT_FAILURE,
        );
      switch (operation) {
        case 'update':
          return context.isRoot ? update(output, context, names, result) : userUpdate(output, result);
        case 'install':
          return install(output, packages, context, result);
        case 'remove':
        case 'purge':
          return remove(output, operation, packages, context, result);
        default:
          return LOCKING.has(operation) || isKnownOperation(operation)
            ? result('', `netsim: ${binary} ${operation} is not simulated (only update, install and remove)\n`, 1)
            : result('', aptErrors(output, [`Invalid operation ${operation}`]), APT_FAILURE);
      }
    },
  };
}

type Result = (stdout: string, stderr: string, exitCode: number) => CommandResult;

/** apt's other operations (apt-private's command tables), which are real but not simulated. */
function isKnownOperation(operation: string): boolean {
  return [
    'list',
    'search',
    'show',
    'showsrc',
    'policy',
    'depends',
    'rdepends',
    'edit-sources',
    'satisfy',
    'clean',
    'autoclean',
    'check',
    'source',
    'build-dep',
    'download',
    'changelog',
    'moo',
  ].includes(operation);
}

/**
 * A user's update: the lists' lock (tests/netsim/golden/apt/user-apt-update.txt). Where apt's binary caches
 * exist (none once `apt clean` ran), it also warns that it cannot unlink them; the host's are left out.
 */
function userUpdate(output: AptOutput, result: Result): CommandResult {
  const errors = aptErrors(output, [
    'Could not open lock file /var/lib/apt/lists/lock - open (13: Permission denied)',
    'Unable to lock directory /var/lib/apt/lists/',
  ]);
  return result(formatCacheOpening(output, 1), errors, APT_FAILURE);
}

function update(output: AptOutput, context: ProcessContext, names: NameServices, result: Result): CommandResult {
  const items = fetchIndexes(HOST_INDEXES, names(context));
  const elapsedMs = fetchMs(items.reduce((sum, item) => sum + (item.error === undefined ? item.size : 0), 0));
  context.clock.advance(elapsedMs);
  const failed = items.filter((item) => item.error !== undefined);
  const warnings =
    failed.length === 0
      ? ''
      : aptErrors(
          output,
          [
            ...failed.map((item) => {
              const [base, suite, file] = item.description.split(' ');
              return `Failed to fetch ${base}/dists/${suite}/${file}  ${item.error}`;
            }),
            'Some index files failed to download. They have been ignored, or old ones used instead.',
          ],
          'warning',
        );
  return result(formatHostUpdate(output, { items, elapsedMs }), warnings, 0);
}

/** The host's packages: those it came with, and those apt installed (dpkg's .list file on its disk). */
function installed(fs: FileSystem | undefined, name: string): { version: string } | undefined {
  if (PREINSTALLED[name]) return PREINSTALLED[name];
  const found = fs?.stat(dpkgListFile(name));
  return found && 'inode' in found ? INSTALLABLE[name] : undefined;
}

function databaseEntries(fs: FileSystem | undefined): number {
  return Object.entries(INSTALLABLE).reduce(
    (sum, [name, deb]) => sum + (installed(fs, name) && !PREINSTALLED[name] ? deb.databaseEntries : 0),
    HOST_DATABASE_ENTRIES,
  );
}

function install(
  output: AptOutput,
  requested: readonly string[],
  context: ProcessContext,
  result: Result,
): CommandResult {
  const fs = context.files?.fs;
  const chosen = (name: string) => PROVIDED[name] ?? name;
  // apt stops at the first name it cannot locate (cacheset.cc), after opening the cache.
  const missing = requested.find((name) => !PREINSTALLED[chosen(name)] && !INSTALLABLE[chosen(name)]);
  if (missing !== undefined)
    return result(formatCacheOpening(output), aptErrors(output, [`Unable to locate package ${missing}`]), APT_FAILURE);
  const names = [...new Set(requested.map(chosen))];
  const already = names.filter((name) => installed(fs, name));
  const fresh = names.filter((name) => !installed(fs, name)).map((name) => ({ name, ...INSTALLABLE[name]! }));
  const elapsedMs = fetchMs(fresh.reduce((sum, deb) => sum + deb.download, 0));
  const entries = databaseEntries(fs);
  if (fresh.length > 0) context.clock.advance(elapsedMs);
  if (fs) for (const deb of fresh) unpack(fs, deb.name);
  const stdout = formatHostInstall(output, {
    alreadyNewest: already.map((name) => ({ name, version: installed(fs, name)!.version })),
    selected: requested.filter((name) => PROVIDED[name]).map((name) => ({ requested: name, chosen: chosen(name) })),
    fresh,
    pool: POOL,
    databaseEntries: entries,
    availableBytes: HOST_ROOT_AVAILABLE_BYTES,
    elapsedMs,
  });
  return result(stdout, '', 0);
}

function remove(
  output: AptOutput,
  operation: string,
  requested: readonly string[],
  context: ProcessContext,
  result: Result,
): CommandResult {
  const fs = context.files?.fs;
  const names = requested.map((name) => PROVIDED[name] ?? name);
  const missing = names.find((name) => !PREINSTALLED[name] && !INSTALLABLE[name]);
  if (missing !== undefined)
    return result(formatCacheOpening(output), aptErrors(output, [`Unable to locate package ${missing}`]), APT_FAILURE);
  const base = names.find((name) => PREINSTALLED[name]);
  if (base !== undefined)
    return result(
      '',
      `netsim: ${output.binary} ${operation} ${base} is not simulated (the host's own packages stay)\n`,
      1,
    );
  const entries = databaseEntries(fs);
  const removed = names.filter((name) => installed(fs, name)).map((name) => ({ name, ...INSTALLABLE[name]! }));
  if (fs) for (const deb of removed) discard(fs, deb.name);
  const stdout = formatHostRemove(output, {
    notInstalled: names.filter((name) => !removed.some((deb) => deb.name === name)),
    removed,
    databaseEntries: entries,
  });
  return result(stdout, '', 0);
}

/** dpkg's unpack: the programs, update-alternatives' links (/usr/bin/NAME -> /etc/alternatives/NAME -> the program), the .list. */
function unpack(fs: FileSystem, name: string): void {
  const deb = INSTALLABLE[name]!;
  for (const directory of ['/etc/alternatives', '/var/lib/dpkg', '/var/lib/dpkg/info']) fs.mkdir(directory, ROOT);
  for (const [program, { path, alternative }] of Object.entries(deb.programs)) {
    fs.write(path, '', ROOT, false, 0o755);
    if (alternative === undefined) continue;
    fs.symlink(path, `/etc/alternatives/${program}`, ROOT);
    fs.symlink(`/etc/alternatives/${program}`, alternative, ROOT);
  }
  fs.write(dpkgListFile(name), `${listedPaths(name).join('\n')}\n`, ROOT);
}

function discard(fs: FileSystem, name: string): void {
  for (const path of [...listedPaths(name), dpkgListFile(name)]) fs.unlink(path, ROOT);
}

function listedPaths(name: string): string[] {
  return Object.entries(INSTALLABLE[name]!.programs).flatMap(([program, { path, alternative }]) =>
    alternative === undefined ? [path] : [path, `/etc/alternatives/${program}`, alternative],
  );
}
