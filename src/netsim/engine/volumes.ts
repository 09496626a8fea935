import { logVolumeEvent } from './events';
import { byteLength, emptyUpper, normalizePath, type FileLayer, type UpperLayer } from '../kernel/filesystem';
import { rfc3339Nano } from '../wire/go-time';
import { goStruct, NIL_MAP, NIL_POINTER } from '../wire/go-value';
import type { Container } from './container';
import type { Daemon } from './daemon';
import { derivedHex } from './derived';
import { EngineError } from './errors';

/**
 * Volumes of the local driver (moby docker-v29.7.2 daemon/volume/local,
 * daemon/volume/service): a name, labels and options as the create request
 * gave them (null when it gave none, as a container's implicit create does),
 * and the files under /var/lib/docker/volumes/NAME/_data, which outlive every
 * container that mounts them.
 */
export interface Volume {
  readonly name: string;
  readonly createdMs: number;
  readonly labels: Readonly<Record<string, string>> | null;
  readonly options: Readonly<Record<string, string>> | null;
  readonly files: UpperLayer;
}

/** service.AnonymousLabel: set on a volume created without a name. */
export const ANONYMOUS_LABEL = 'com.docker.volume.anonymous';

/** A container's mount as the daemon records it from -v (MountPoint): a volume by name, or a host path. */
export interface MountPoint {
  readonly type: 'bind' | 'volume';
  /** The volume's name; empty for a bind mount. */
  readonly name: string;
  /** The host path: the volume's _data, or the bind's source. */
  readonly source: string;
  readonly destination: string;
  readonly mode: string;
  readonly rw: boolean;
  /** An anonymous volume: a destination alone, named after the container. */
  readonly anonymous: boolean;
  /** volume-nocopy of --mount: a new volume stays empty. */
  readonly noCopy?: boolean;
}

/** One HostConfig.Mounts entry (api/types/mount Mount) of the types modelled: `--mount type=volume|bind`. */
export interface MountRequest {
  readonly type: 'volume' | 'bind';
  /** The volume's name (empty: an anonymous volume), or the bind's host path. */
  readonly source: string;
  readonly target: string;
  readonly readOnly: boolean;
  /** volume-nocopy: the image's files are not copied into a new volume. */
  readonly noCopy: boolean;
}

export const volumeMountpoint = (name: string): string => `/var/lib/docker/volumes/${name}/_data`;

/**
 * -v as ParseMountRaw reads it (daemon/volume/mounts/linux_parser.go): a path
 * alone is an anonymous volume, `SOURCE:DEST[:MODE]` a bind mount when SOURCE is
 * absolute, a named volume otherwise (mode `z` for a named volume, as the CLI
 * leaves it). An anonymous volume's name hangs off the container's ID.
 */
export function mountPoint(containerId: string, spec: string): MountPoint {
  const [first, second, options = ''] = spec.split(':') as [string, string | undefined, string | undefined];
  const rw = !options.split(',').includes('ro');
  if (second === undefined) {
    const name = derivedHex(containerId, `volume:${first}`, 64);
    return {
      type: 'volume',
      name,
      source: volumeMountpoint(name),
      destination: first,
      mode: '',
      rw: true,
      anonymous: true,
    };
  }
  if (first.startsWith('/') || first.startsWith('.'))
    return { type: 'bind', name: '', source: first, destination: second, mode: options, rw, anonymous: false };
  return {
    type: 'volume',
    name: first,
    source: volumeMountpoint(first),
    destination: second,
    mode: options || 'z',
    rw,
    anonymous: false,
  };
}

/** parseMountSpec: a HostConfig.Mounts entry as a MountPoint; its mode is empty, unlike -v's. */
function mountFromRequest(containerId: string, request: MountRequest): MountPoint {
  const rw = !request.readOnly;
  if (request.type === 'bind')
    return {
      type: 'bind',
      name: '',
      source: request.source,
      destination: request.target,
      mode: '',
      rw,
      anonymous: false,
      noCopy: false,
    };
  const anonymous = request.source === '';
  const name = anonymous ? derivedHex(containerId, `volume:${request.target}`, 64) : request.source;
  return {
    type: 'volume',
    name,
    source: volumeMountpoint(name),
    destination: request.target,
    mode: '',
    rw,
    anonymous,
    noCopy: request.noCopy,
  };
}

/** -v's mounts, then --mount's (registerMountPoints: binds first, then HostConfig.Mounts). */
export function mountPoints(container: Container): MountPoint[] {
  return [
    ...container.config.volumes.map((spec) => mountPoint(container.id, spec)),
    ...(container.config.mounts ?? []).map((request) => mountFromRequest(container.id, request)),
  ];
}

/**
 * validateMountConfigImpl (daemon/volume/mounts/linux_parser.go): what the
 * daemon refuses in a HostConfig.Mounts entry, as errMountConfig words it.
 */
export function checkMountRequest(request: MountRequest): void {
  const refuse = (message: string) =>
    new EngineError('invalid-parameter', `invalid mount config for type ${JSON.stringify(request.type)}: ${message}`);
  if (request.target === '') throw refuse('field Target must not be empty');
  if (normalizePath(request.target) === '/') throw refuse("invalid specification: destination can't be '/'");
  if (!request.target.startsWith('/'))
    throw refuse(`invalid mount path: '${request.target}' mount path must be absolute`);
  if (request.type === 'bind' && request.source === '') throw refuse('field Source must not be empty');
  if (request.type === 'bind' && !request.source.startsWith('/'))
    throw refuse(`invalid mount path: '${request.source}' mount path must be absolute`);
}

const volumesOf = (daemon: Daemon): Volume[] => (daemon.state.volumes ??= []);

/** local.Root.validateName: two characters at least, from names.RestrictedNameChars. */
function validateName(name: string): void {
  if (name.length === 1)
    throw new EngineError(
      'invalid-parameter',
      `create ${name}: volume name is too short, names should be at least two alphanumeric characters`,
    );
  if (!/^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/.test(name)) {
    throw new EngineError(
      'invalid-parameter',
      `create ${name}: ${JSON.stringify(name)} includes invalid characters for a local volume name, only "[a-zA-Z0-9][a-zA-Z0-9_.-]" are allowed. If you intended to pass a host directory, use absolute path`,
    );
  }
}

/**
 * VolumesService.Create: a new volume, or the one of that name already there
 * (the store hands it back unchanged, labels included). Without a name, one
 * is drawn and the volume is anonymous.
 */
export function createVolume(
  daemon: Daemon,
  request: {
    name?: string | undefined;
    labels?: Record<string, string> | null;
    options?: Record<string, string> | null;
  },
): Volume {
  const anonymous = request.name === undefined || request.name === '';
  const name = anonymous ? daemon.random.hex(64) : request.name!;
  const existing = volumesOf(daemon).find((volume) => volume.name === name);
  if (existing) return existing;
  validateName(name);
  for (const key of Object.keys(request.options ?? {})) {
    // local_unix.go validateOpts: type, device, o and size are the options it knows.
    if (!['type', 'device', 'o', 'size'].includes(key))
      throw new EngineError('invalid-parameter', `create ${name}: invalid option: ${JSON.stringify(key)}`);
  }
  const labels = anonymous ? { ...request.labels, [ANONYMOUS_LABEL]: '' } : (request.labels ?? null);
  const volume: Volume = {
    name,
    createdMs: daemon.clock.now(),
    labels,
    options: request.options ?? null,
    files: emptyUpper(),
  };
  volume.files.files['/'] = { kind: 'dir', mode: 0o755, uid: 0, gid: 0, mtimeMs: volume.createdMs };
  volumesOf(daemon).push(volume);
  logVolumeEvent(daemon, name, 'create');
  return volume;
}

export function listVolumes(daemon: Daemon): readonly Volume[] {
  return volumesOf(daemon);
}

/** VolumeStore.Get: `get NAME: no such volume` (an OpErr around errNoSuchVolume). */
export function findVolume(daemon: Daemon, name: string): Volume {
  const volume = volumesOf(daemon).find((v) => v.name === name);
  if (!volume) throw new EngineError('not-found', `get ${name}: no such volume`);
  return volume;
}

/** The containers that reference a volume, in the store's order: every container that mounts it, running or not. */
export function volumeUsers(daemon: Daemon, name: string): Container[] {
  return daemon.state.containers.filter((container) =>
    mountPoints(container).some((mount) => mount.type === 'volume' && mount.name === name),
  );
}

/**
 * VolumesService.Remove: refused while a container references it (OpErr
 * `remove NAME: volume is in use - [ID, ...]`, a conflict); -f still refuses
 * that, and only quiets a volume that is missing.
 */
export function removeVolume(daemon: Daemon, name: string, force: boolean): void {
  const volume = volumesOf(daemon).find((v) => v.name === name);
  if (!volume) {
    if (force) return;
    throw new EngineError('not-found', `get ${name}: no such volume`);
  }
  const users = volumeUsers(daemon, name);
  if (users.length > 0)
    throw new EngineError('conflict', `remove ${name}: volume is in use - [${users.map((c) => c.id).join(', ')}]`);
  daemon.state.volumes = volumesOf(daemon).filter((v) => v !== volume);
  logVolumeEvent(daemon, name, 'destroy');
}

/**
 * VolumesService.Prune: local volumes no container references that `matches`
 * accepts (anonymous ones only, unless the filter says all=true), removed in
 * the store's order.
 */
export function pruneVolumes(daemon: Daemon, matches: (volume: Volume) => boolean): string[] {
  const pruned = volumesOf(daemon).filter((volume) => volumeUsers(daemon, volume.name).length === 0 && matches(volume));
  daemon.state.volumes = volumesOf(daemon).filter((volume) => !pruned.includes(volume));
  for (const volume of pruned) logVolumeEvent(daemon, volume.name, 'destroy');
  return pruned.map((volume) => volume.name);
}

/**
 * The volumes a new container mounts, made if missing (daemon/create_unix.go,
 * volumes.go registerMountPoints): a named one with no labels, an anonymous one
 * with the anonymous label. A new volume gets what the image has at the
 * mount's path (copyExistingContents, unless nocopy), owner and mode included.
 */
export function mountVolumes(daemon: Daemon, container: Container, imageFiles: FileLayer): void {
  for (const mount of mountPoints(container)) {
    makeMountpoint(container, imageFiles, normalizePath(mount.destination), daemon.clock.now());
    if (mount.type !== 'volume') continue;
    const known = volumesOf(daemon).some((volume) => volume.name === mount.name);
    const volume = known ? findVolume(daemon, mount.name) : createNamed(daemon, mount);
    if (!known && !mount.noCopy) copyImageContent(volume, imageFiles, normalizePath(mount.destination));
  }
}

/** The directories of a mount's destination the image lacks, made in the container's writable layer as runc makes them (mkdirall before the mount). */
function makeMountpoint(container: Container, imageFiles: FileLayer, destination: string, nowMs: number): void {
  const upper = (container.files ??= emptyUpper());
  let path = '';
  for (const part of destination.split('/').filter(Boolean)) {
    path += `/${part}`;
    if (!imageFiles[path] && !upper.files[path])
      upper.files[path] = { kind: 'dir', mode: 0o755, uid: 0, gid: 0, mtimeMs: nowMs };
  }
}

function createNamed(daemon: Daemon, mount: MountPoint): Volume {
  if (!mount.anonymous) return createVolume(daemon, { name: mount.name });
  const volume: Volume = {
    name: mount.name,
    createdMs: daemon.clock.now(),
    labels: { [ANONYMOUS_LABEL]: '' },
    options: null,
    files: emptyUpper(),
  };
  volume.files.files['/'] = { kind: 'dir', mode: 0o755, uid: 0, gid: 0, mtimeMs: volume.createdMs };
  volumesOf(daemon).push(volume);
  logVolumeEvent(daemon, volume.name, 'create');
  return volume;
}

function copyImageContent(volume: Volume, imageFiles: FileLayer, destination: string): void {
  const root = imageFiles[destination];
  if (root?.kind === 'dir') volume.files.files['/'] = root;
  for (const [path, inode] of Object.entries(imageFiles)) {
    if (path.startsWith(`${destination}/`)) volume.files.files[path.slice(destination.length)] = inode;
  }
}

/** The bytes of a volume's files (directory.Size: regular files only). */
export function volumeSize(volume: Volume): number {
  return Object.values(volume.files.files).reduce(
    (total, inode) => total + (inode.kind === 'file' ? byteLength(inode.content) : 0),
    0,
  );
}

/** `docker rm -v`, and --rm: the container's anonymous volumes go with it, if nothing else uses them. */
export function removeAnonymousVolumes(daemon: Daemon, container: Container): void {
  for (const mount of mountPoints(container)) {
    if (!mount.anonymous || volumeUsers(daemon, mount.name).length > 0) continue;
    daemon.state.volumes = volumesOf(daemon).filter((volume) => volume.name !== mount.name);
    logVolumeEvent(daemon, mount.name, 'destroy');
  }
}

/**
 * setupMounts at start (daemon/volumes_unix.go) logs `mount` for each volume, and
 * UnmountVolumes at exit (container/container.go) `unmount`.
 */
export function logVolumeMounts(daemon: Daemon, container: Container, action: 'mount' | 'unmount'): void {
  for (const mount of mountPoints(container)) {
    if (mount.type !== 'volume') continue;
    const attributes =
      action === 'mount'
        ? {
            container: container.id,
            destination: mount.destination,
            'read/write': String(mount.rw),
            propagation: '',
          }
        : { container: container.id };
    logVolumeEvent(daemon, mount.name, action, attributes);
  }
}

const sortedMap = (map: Readonly<Record<string, string>> | null) =>
  map === null ? NIL_MAP : Object.fromEntries(Object.entries(map).sort(([a], [b]) => (a < b ? -1 : 1)));

/**
 * GET /volumes/{name}: volume.Volume (api/types/volume/volume.go) as
 * volumeToAPIType fills it, CreatedAt in time.RFC3339 (seconds); Labels and
 * Options null when the create request had none, as encoding/json writes a nil map.
 */
export function inspectVolume(volume: Volume): Record<string, unknown> {
  return goStruct(
    {
      CreatedAt: rfc3339Nano(volume.createdMs, 0),
      Driver: 'local',
      Labels: sortedMap(volume.labels),
      Mountpoint: volumeMountpoint(volume.name),
      Name: volume.name,
      Options: sortedMap(volume.options),
      Scope: 'local',
    },
    { omitted: { ClusterVolume: NIL_POINTER, Status: NIL_MAP, UsageData: NIL_POINTER } },
  );
}
