import type { Container } from '../container';
import type { Daemon } from '../daemon';
import * as volumes from '../volumes';

/** The daemon's named and anonymous volumes: /volumes of the Engine API. */
export interface VolumeApi {
  /** POST /volumes/create. */
  create(request: {
    name?: string | undefined;
    labels?: Record<string, string> | null;
    options?: Record<string, string> | null;
  }): volumes.Volume;
  list(): readonly volumes.Volume[];
  /** GET /volumes/{name}: the volume, or EngineError not-found. */
  find(name: string): volumes.Volume;
  /** The containers that reference a volume (a volume's RefCount). */
  users(name: string): readonly Container[];
  /** DELETE /volumes/{name}. */
  remove(name: string, force: boolean): void;
  /** POST /volumes/prune: the names of the volumes removed. */
  prune(matches: (volume: volumes.Volume) => boolean): string[];
}

export function volumeApi(daemon: Daemon): VolumeApi {
  return {
    create: (request) => volumes.createVolume(daemon, request),
    list: () => volumes.listVolumes(daemon),
    find: (name) => volumes.findVolume(daemon, name),
    users: (name) => volumes.volumeUsers(daemon, name),
    remove: (name, force) => volumes.removeVolume(daemon, name, force),
    prune: (matches) => volumes.pruneVolumes(daemon, matches),
  };
}
