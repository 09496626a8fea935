import type { Container } from './container';
import { imageInfo, type ImageService } from './images';
import { toolsOf } from './image-catalog/toolsets';

/**
 * What a container's package manager changed inside it. It lives in the
 * container's record (EngineState), so a snapshot carries it and a new
 * container of the same image starts without it, as a container's writable
 * layer does.
 */
export interface PackageState {
  /** `apt update` has filled /var/lib/apt/lists (Docker's Debian and Ubuntu images ship them empty). */
  listsUpdated: boolean;
  /** Packages installed since the container was created, in order. */
  installed: string[];
}

/** The programs on the container's PATH: the image's, then what installed packages add (a full tool replaces BusyBox's applet). */
export function containerTools(container: Container): Readonly<Record<string, string>> {
  const image = imageInfo(container.image);
  if (!image) return {};
  const added = (container.packages?.installed ?? []).map((name) => toolsOf(image.packages, name) ?? {});
  return Object.assign({}, image.tools, ...added);
}

/** What installing `names` does: the packages the image's repositories know, and the ones they do not. */
export interface InstallPlan {
  readonly known: readonly string[];
  readonly unknown: readonly string[];
  /** Known packages not installed yet, in the order given. */
  readonly fresh: readonly string[];
}

/** Packages are located in the image's repositories; apt sees none until `apt update` has run, apk reads its index on demand. */
export function planInstall(container: Container, names: readonly string[]): InstallPlan {
  const image = imageInfo(container.image);
  const needsLists = image?.os.packageManager === 'apt';
  const available = (name: string) =>
    image?.packages[name] !== undefined && (!needsLists || container.packages?.listsUpdated === true);
  const installed = new Set(container.packages?.installed ?? []);
  const known = names.filter(available);
  return {
    known,
    unknown: names.filter((name) => !available(name)),
    fresh: [...new Set(known)].filter((name) => !installed.has(name)),
  };
}

export function updateLists(container: Container): void {
  container.packages = { listsUpdated: true, installed: container.packages?.installed ?? [] };
}

export function install(container: Container, names: readonly string[]): void {
  const state = container.packages ?? { listsUpdated: false, installed: [] };
  container.packages = {
    ...state,
    installed: [...state.installed, ...names.filter((name) => !state.installed.includes(name))],
  };
}

/** The image's init script at `path` (`/etc/init.d/apache2`), with its service name. */
export function serviceAt(container: Container, path: string): { name: string; service: ImageService } | undefined {
  const services = imageInfo(container.image)?.services ?? {};
  const found = Object.entries(services).find(([, service]) => service.script === path);
  return found && { name: found[0], service: found[1] };
}
