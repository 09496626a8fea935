import type { Engine } from '../engine/engine';
import { ALPINE_ARCHIVE, aptArchive, type ArchivedPackage } from '../engine/image-catalog/archives';
import { imageInfo } from '../engine/images';
import { formatApkAdd, formatApkUnknown } from '../format/apk';
import {
  formatAptError,
  formatCacheOpen,
  formatInstall,
  formatUpdate,
  formatUpdateWarnings,
  type AptLayout,
} from '../format/apt';
import type { NameService } from '../userland/name-resolution';
import { fetchIndexes } from './apt-mirrors';
import { ok, type CommandResult, type ProcessContext, type Program } from './command';
import type { NameServices } from './name-service';
import { isPackageManager } from './package-managers';

/** apt's exit status for any error (apt-private: `return 100` from DispatchCommandLine on failure). */
const APT_FAILURE = 100;

/** A fetch at a few MB/s after a short connection setup: the time apt reports and the clock moves by. */
const fetchMs = (bytes: number) => 150 + Math.round(bytes / 6000);

/**
 * The image's package manager for the container it runs in: `apt`/`apt-get`
 * (update, install) on Debian and Ubuntu, `apk add` on Alpine. Undefined for
 * any other tool (package-managers.ts says which: the shell asks it without loading this module).
 */
export function packageManagerProgram(
  tool: string,
  provider: string,
  engine: Engine,
  containerId: string,
  names: NameServices,
): Program | undefined {
  if (!isPackageManager(tool, provider)) return undefined;
  // isPackageManager allows only apt and apt-get for the apt package.
  if (provider === 'apt')
    return {
      name: tool,
      run: (args, context) => apt(tool as 'apt' | 'apt-get', args, context, engine, containerId, names(context)),
    };
  return { name: tool, run: (args) => apk(args, engine, containerId) };
}

/** `-y`, `--yes`, `-q`...: options; the first other word is the operation, the rest its arguments. */
function operands(args: readonly string[]): { operation: string | undefined; names: string[] } {
  const words = args.filter((arg) => !arg.startsWith('-'));
  return { operation: words[0], names: words.slice(1) };
}

function apt(
  binary: 'apt' | 'apt-get',
  args: readonly string[],
  context: ProcessContext,
  engine: Engine,
  containerId: string,
  resolver: NameService,
): CommandResult {
  const image = imageInfo(engine.containers.find(containerId).image);
  if (!image) return ok();
  const archive = aptArchive(image.os);
  // `apt` of apt 3 speaks output version 30 (private-cmndline.cc: Binary::apt::APT::Output-Version 30).
  const layout: AptLayout = binary === 'apt' && archive.aptVersion === 3 ? 'v30' : 'classic';
  const { operation, names } = operands(args);
  switch (operation) {
    case 'update': {
      const items = fetchIndexes(archive.indexes, resolver);
      const elapsedMs = fetchMs(items.reduce((sum, index) => sum + (index.error === undefined ? index.size : 0), 0));
      context.clock.advance(elapsedMs);
      // The lists are new only if every index came (a failed update keeps the old, here empty, ones).
      if (items.every((item) => item.error === undefined)) engine.packages.updateLists(containerId);
      const record = { layout, showStats: binary === 'apt', items, elapsedMs };
      return { stdout: formatUpdate(record), stderr: formatUpdateWarnings(record), exitCode: 0 };
    }
    case 'install':
      return aptInstall(layout, names, context, engine, containerId);
    case undefined:
      return { stdout: '', stderr: formatAptError(layout, 'Invalid operation'), exitCode: APT_FAILURE };
    default:
      return { stdout: '', stderr: formatAptError(layout, `Invalid operation ${operation}`), exitCode: APT_FAILURE };
  }
}

function aptInstall(
  layout: AptLayout,
  requested: readonly string[],
  context: ProcessContext,
  engine: Engine,
  containerId: string,
): CommandResult {
  const image = imageInfo(engine.containers.find(containerId).image)!;
  const archive = aptArchive(image.os);
  const plan = engine.packages.planInstall(containerId, requested);
  // apt stops at the first name it cannot locate (cacheset.cc), after opening the cache.
  const missing = plan.unknown[0];
  if (missing !== undefined)
    return {
      stdout: formatCacheOpen(),
      stderr: formatAptError(layout, `Unable to locate package ${missing}`),
      exitCode: APT_FAILURE,
    };
  const chosen = (name: string) => archive.provided[name] ?? name;
  const debOf = (name: string): ArchivedPackage =>
    archive.packages[chosen(name)] ?? { version: '1.0-1', download: 0, installed: 0 };
  const fresh = plan.fresh.map((name) => ({ name: chosen(name), ...debOf(name) }));
  const already = plan.known.filter((name) => !plan.fresh.includes(name));
  const elapsedMs = fetchMs(fresh.reduce((sum, deb) => sum + deb.download, 0));
  if (fresh.length > 0) context.clock.advance(elapsedMs);
  engine.packages.install(containerId, plan.fresh);
  return ok(
    formatInstall({
      layout,
      selected: requested
        .filter((name) => archive.provided[name] !== undefined)
        .map((name) => ({ requested: name, chosen: chosen(name) })),
      alreadyNewest: already.map((name) => ({ name: chosen(name), version: debOf(name).version })),
      fresh,
      pool: archive.pool,
      databaseEntries: archive.databaseEntries,
      availableBytes: archive.availableBytes,
      elapsedMs,
    }),
  );
}

/** `apk add NAME...`: all or nothing, as apk's solver refuses the whole set when one name is unknown. */
function apk(args: readonly string[], engine: Engine, containerId: string): CommandResult {
  const words = args.filter((arg) => !arg.startsWith('-'));
  const [operation, ...names] = words;
  if (operation !== 'add') return { stdout: '', stderr: `ERROR: unknown command '${operation ?? ''}'\n`, exitCode: 1 };
  const plan = engine.packages.planInstall(containerId, names);
  if (plan.unknown.length > 0) return { stdout: '', stderr: formatApkUnknown(plan.unknown), exitCode: 1 };
  const previously = engine.containers.find(containerId).packages?.installed ?? [];
  engine.packages.install(containerId, plan.fresh);
  const all = [...previously, ...plan.fresh].map((name) => ALPINE_ARCHIVE.packages[name]);
  const totalBytes = all.reduce((sum, pkg) => sum + (pkg?.installed ?? 0), ALPINE_ARCHIVE.baseBytes);
  const fresh = plan.fresh.map((name) => ({ name, version: ALPINE_ARCHIVE.packages[name]?.version ?? '1.0-r0' }));
  return ok(formatApkAdd({ fresh, totalPackages: ALPINE_ARCHIVE.basePackages + all.length, totalBytes }));
}
