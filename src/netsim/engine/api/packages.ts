import * as containers from '../containers';
import type { Daemon } from '../daemon';
import type { ImageService } from '../images';
import * as packages from '../packages';
import { startService, type ServiceStart } from '../services';

/** What a container has installed: its image's programs and init scripts, and what its package manager adds. */
export interface PackageApi {
  /** The programs on a container's PATH: its image's and what its package manager installed. */
  tools(reference: string): Readonly<Record<string, string>>;
  /** `apt update` in a container: its package lists are filled. */
  updateLists(reference: string): void;
  /** Which of `names` the container's package manager can locate, and which are new to it. */
  planInstall(reference: string, names: readonly string[]): packages.InstallPlan;
  /** `apt install` / `apk add` of packages the plan located: their tools appear in that container only. */
  install(reference: string, names: readonly string[]): void;
  /** The image's init script at `path`, if it has one. */
  serviceAt(reference: string, path: string): { name: string; service: ImageService } | undefined;
  /** `SCRIPT start` of the image's init script at `script`, in a running container. */
  startService(reference: string, script: string): ServiceStart | undefined;
}

export function packageApi(daemon: Daemon): PackageApi {
  const find = (reference: string) => containers.findContainer(daemon, reference);
  return {
    tools: (reference) => packages.containerTools(find(reference)),
    updateLists: (reference) => packages.updateLists(find(reference)),
    planInstall: (reference, names) => packages.planInstall(find(reference), names),
    install: (reference, names) => packages.install(find(reference), names),
    serviceAt: (reference, path) => packages.serviceAt(find(reference), path),
    startService(reference, script) {
      const container = find(reference);
      const found = packages.serviceAt(container, script);
      return found && startService(daemon, container, found.name, found.service);
    },
  };
}
