import type { MountRequest } from '../../engine/volumes';

/** Options of --mount docker/cli knows and netsim does not model: refused in netsim's own words. */
const UNMODELLED = [
  'volume-subpath',
  'volume-label',
  'volume-driver',
  'volume-opt',
  'image-subpath',
  'tmpfs-size',
  'tmpfs-mode',
  'bind-recursive',
  'bind-create-src',
];

/** parseBoolValue (opts/mount_utils.go): only 1, true, 0 and false; a key alone is true. */
function boolValue(key: string, value: string | undefined): boolean | { error: string } {
  if (value === undefined || value === '1' || value === 'true') return true;
  if (value === '0' || value === 'false') return false;
  return {
    error: `invalid value for '${key}': invalid boolean value (${JSON.stringify(value)}): must be one of "true", "1", "false", or "0" (default "true")`,
  };
}

/**
 * One --mount value as opts.MountOpt.Set reads it (docker/cli v29.7.2
 * opts/mount.go): comma-separated `key=value` fields, the type a volume unless
 * given; `{ error }` is pflag's message after `invalid argument ... for "--mount" flag: `,
 * `{ unmodelled }` an option or type this simulator does not carry out.
 */
export function parseMountOption(text: string, cwd = '/'): MountRequest | { error: string } | { unmodelled: string } {
  const value = text.trim();
  if (value === '') return { error: 'value is empty' };
  const mount: { type: string; source: string; target: string; readOnly: boolean; noCopy: boolean } = {
    type: 'volume',
    source: '',
    target: '',
    readOnly: false,
    noCopy: false,
  };
  let bindOptions = false;
  let volumeOptions = false;
  for (const field of value.split(',')) {
    const at = field.indexOf('=');
    const rawKey = at < 0 ? field : field.slice(0, at);
    const val = at < 0 ? undefined : field.slice(at + 1);
    if (rawKey.trim() !== rawKey)
      return { error: `invalid option '${rawKey.trim()}' in '${field}': option should not have whitespace` };
    if (val !== undefined && val.trim() === '') return { error: `invalid value for '${rawKey}': value is empty` };
    if (val !== undefined && val.trim() !== val)
      return { error: `invalid value for '${rawKey}' in '${field}': value should not have whitespace` };
    const key = rawKey.toLowerCase();
    if (val === undefined && !['readonly', 'ro', 'volume-nocopy', 'bind-nonrecursive', 'bind-create-src'].includes(key))
      return { error: `invalid field '${field}' must be a key=value pair` };
    if (UNMODELLED.includes(key)) return { unmodelled: `--mount ${key}` };
    switch (key) {
      case 'type':
        mount.type = val!.toLowerCase();
        break;
      case 'source':
      case 'src':
        // A relative source starting with `.` is made absolute against the working directory.
        mount.source = val!.startsWith('.') ? `${cwd.replace(/\/$/, '')}/${val}` : val!;
        break;
      case 'target':
      case 'dst':
      case 'destination':
        mount.target = val!;
        break;
      case 'readonly':
      case 'ro': {
        const parsed = boolValue(key, val);
        if (typeof parsed !== 'boolean') return parsed;
        mount.readOnly = parsed;
        break;
      }
      case 'volume-nocopy': {
        const parsed = boolValue(key, val);
        if (typeof parsed !== 'boolean') return parsed;
        mount.noCopy = parsed;
        volumeOptions = true;
        break;
      }
      case 'consistency':
        break;
      case 'bind-propagation':
        bindOptions = true;
        break;
      case 'bind-nonrecursive':
        return { error: 'bind-nonrecursive is deprecated, use bind-recursive=disabled instead' };
      default:
        return { error: `unknown option '${key}' in '${field}'` };
    }
  }
  // validateExclusiveOptions (opts/mount_utils.go).
  if (mount.type === '') return { error: 'type is required' };
  if (mount.type !== 'bind' && bindOptions)
    return { error: `cannot mix 'bind-*' options with mount type '${mount.type}'` };
  if (mount.type !== 'volume' && volumeOptions)
    return { error: `cannot mix 'volume-*' options with mount type '${mount.type}'` };
  if (mount.type !== 'volume' && mount.type !== 'bind') return { unmodelled: `--mount type=${mount.type}` };
  return {
    type: mount.type,
    source: mount.source,
    target: mount.target,
    readOnly: mount.readOnly,
    noCopy: mount.noCopy,
  };
}
