import { formatIpNetns } from '../format/ip-netns';
import { netnsIdOf, type Namespace } from '../kernel/namespace';
import { ROOT } from '../kernel/filesystem';
import { fail, ok, type CommandResult, type ProcessContext } from './command';
import { ipErrors, isShow, matches, type IpHooks, type IpOptions } from './ip-common';

/** Debian builds iproute2 with NETNS_RUN_DIR=/run/netns (the default is /var/run/netns). */
const NETNS_RUN_DIR = '/run/netns';

/**
 * `ip netns` (iproute2 6.15 ip/ipnetns.c do_netns): list, add, attach, delete,
 * exec, identify. Only namespaces with a name in /run/netns are listed: Docker
 * keeps its sandboxes in /run/docker/netns, so a fresh Docker host lists none
 * until one is attached (`ip netns attach NAME PID`) or linked there.
 */
export function ipNetns(args: string[], options: IpOptions, context: ProcessContext): CommandResult {
  const [verb, name] = args;
  if (verb === undefined || isShow(verb)) return ok(listNamed(context, options.hooks));
  if (name !== undefined && (name.includes('/') || name === '.' || name === '..' || name.length > 255 || name === ''))
    return fail(`Invalid netns name "${name}"\n`, 255);
  if (matches(verb, 'add')) return addNamed(name, context);
  if (matches(verb, 'delete')) return deleteNamed(name, options, context);
  if (matches(verb, 'identify')) return identify(args.slice(1), options, context);
  if (matches(verb, 'exec')) return exec(args.slice(1), options, context);
  if (matches(verb, 'attach')) return attach(args.slice(1), options, context);
  return ipErrors.unknownCommand(verb, 'netns');
}

function named(context: ProcessContext): Namespace[] {
  return [...context.kernel.state.namespaces.values()].filter((namespace) => namespace.name !== undefined);
}

/**
 * Symbolic links a user made in /run/netns, the classic way to show a
 * container's namespace to ip (`ln -s /proc/PID/ns/net /var/run/netns/NAME`):
 * opening one follows it to the namespace its target holds, as
 * netns_get_fd's open() does; one whose target holds none is skipped.
 */
function linkedNamespaces(
  context: ProcessContext,
  hooks: IpHooks | undefined,
): { name: string; namespace: Namespace; mtimeMs: number }[] {
  const fs = context.files?.fs;
  if (!fs || !hooks) return [];
  const listed = fs.list(NETNS_RUN_DIR, ROOT);
  if (!('names' in listed)) return [];
  return listed.names.flatMap((name) => {
    const found = fs.stat(`${NETNS_RUN_DIR}/${name}`, false);
    if (!('inode' in found) || found.inode.kind !== 'symlink') return [];
    const namespace = hooks.namespaceOfFile(found.inode.target);
    return namespace ? [{ name, namespace, mtimeMs: found.inode.mtimeMs }] : [];
  });
}

/** The namespace /run/netns/NAME holds: one ip named, or one a link there points at. */
export function namedNamespace(context: ProcessContext, name: string, hooks?: IpHooks): Namespace | undefined {
  return (
    named(context).find((namespace) => namespace.name === name) ??
    linkedNamespaces(context, hooks).find((entry) => entry.name === name)?.namespace
  );
}

/**
 * netns_get_fd, then /proc/PID/ns/net (iplink_parse's `netns`): a name under
 * /run/netns, a path when the word has a `/`, else a PID.
 */
export function netnsByArgument(word: string, context: ProcessContext, options: IpOptions): Namespace | undefined {
  if (word.includes('/')) return options.hooks?.namespaceOfFile(word);
  const byName = namedNamespace(context, word, options.hooks);
  if (byName) return byName;
  return /^-?\d+$/.test(word) ? options.hooks?.namespaceOfPid(Number(word)) : undefined;
}

/**
 * readdir order of a tmpfs, newest entry first. A namespace gets a netnsid here
 * when a link of ours has its peer there (the kernel assigns it as the veth is
 * made); iproute2 then prints `(id: N)`.
 */
function listNamed(context: ProcessContext, hooks: IpHooks | undefined): string {
  const here = context.namespace;
  const hasPeerIn = (other: Namespace) =>
    [...here.links.values()].some((link) => context.kernel.peerOf(link)?.namespace === other);
  const idOf = (namespace: Namespace) =>
    hasPeerIn(namespace) ? netnsIdOf(here, namespace.id) : here.netnsIds.get(namespace.id);
  // ~: links are listed before the names ip made, newest first each; a tmpfs lists all of them newest first.
  const linked = linkedNamespaces(context, hooks)
    .sort((a, b) => b.mtimeMs - a.mtimeMs)
    .map((entry) => ({ name: entry.name, id: idOf(entry.namespace) }));
  const entries = named(context)
    .sort((a, b) => (b.namedAt ?? b.id) - (a.namedAt ?? a.id))
    .map((namespace) => ({ name: namespace.name!, id: idOf(namespace) }));
  return formatIpNetns([...linked, ...entries]);
}

/** netns_add's first steps, shared by add and attach: only root may make /run/netns a shared mount; the file must be new. */
function prepareFile(name: string, context: ProcessContext): CommandResult | undefined {
  if (!context.isRoot) return fail(`mount --make-shared ${NETNS_RUN_DIR} failed: Operation not permitted\n`, 1);
  if (namedNamespace(context, name))
    return fail(`Cannot create namespace file "${NETNS_RUN_DIR}/${name}": File exists\n`, 1);
  return undefined;
}

function addNamed(name: string | undefined, context: ProcessContext): CommandResult {
  if (name === undefined) return fail('No netns name specified\n', 1);
  const refused = prepareFile(name, context);
  if (refused) return refused;
  context.kernel.createNamespace(name);
  return ok();
}

/** `ip netns attach NAME PID`: bind-mounts /proc/PID/ns/net on /run/netns/NAME. */
function attach(args: readonly string[], options: IpOptions, context: ProcessContext): CommandResult {
  const [name, pidText] = args;
  if (name === undefined || pidText === undefined) return fail('No netns name and PID specified\n', 1);
  // get_s32 base 0, and not 0.
  if (!/^-?\d+$/.test(pidText) || Number(pidText) === 0) return fail(`Invalid PID: ${pidText}\n`, 1);
  const refused = prepareFile(name, context);
  if (refused) return refused;
  const namespace = options.hooks?.namespaceOfPid(Number(pidText));
  if (!namespace)
    return fail(
      `Bind /proc/${Number(pidText)}/ns/net -> ${NETNS_RUN_DIR}/${name} failed: No such file or directory\n`,
      1,
    );
  if (namespace.name !== undefined)
    return fail(
      `ip netns attach: a namespace with two names in ${NETNS_RUN_DIR} is not available in this simulator yet.\n`,
      1,
    );
  context.kernel.nameNamespace(namespace, name);
  return ok();
}

/**
 * on_netns_del unlinks the file: a namespace no process lives in (`ip netns
 * add`'s) goes with it; one a container runs in only loses its name.
 */
function deleteNamed(name: string | undefined, options: IpOptions, context: ProcessContext): CommandResult {
  if (name === undefined) return fail('No netns name specified\n', 1);
  const namespace = namedNamespace(context, name);
  if (!namespace)
    return fail(`Cannot remove namespace file "${NETNS_RUN_DIR}/${name}": No such file or directory\n`, 1);
  if (!context.isRoot) return fail(`Cannot remove namespace file "${NETNS_RUN_DIR}/${name}": Permission denied\n`, 1);
  if (options.hooks?.hasProcesses(namespace)) context.kernel.nameNamespace(namespace, undefined);
  else context.kernel.deleteNamespace(namespace);
  return ok();
}

/** netns_identify: the name under /run/netns of PID's namespace (the caller's without one), or an empty line. */
function identify(args: readonly string[], options: IpOptions, context: ProcessContext): CommandResult {
  if (args.length > 1) return fail('extra arguments specified\n', 1);
  const pid = args[0];
  if (pid !== undefined && !/^\d+$/.test(pid)) return fail(`Specified string '${pid}' is not a pid\n`, 1);
  const namespace = pid === undefined ? context.namespace : options.hooks?.namespaceOfPid(Number(pid));
  if (!namespace) return fail('Cannot open network namespace: No such file or directory\n', 1);
  const linked = linkedNamespaces(context, options.hooks).find((entry) => entry.namespace === namespace)?.name;
  return ok(`${namespace.name ?? linked ?? ''}\n`);
}

/**
 * netns_switch (lib/namespace.c), for `ip -n NAME` and `ip netns exec NAME`:
 * open /run/netns/NAME, then setns, which needs CAP_SYS_ADMIN. ip exits -1 when it fails.
 */
export function switchNetns(name: string, context: ProcessContext, hooks?: IpHooks): Namespace | CommandResult {
  const namespace = namedNamespace(context, name, hooks);
  if (!namespace) return fail(`Cannot open network namespace "${name}": No such file or directory\n`, 255);
  if (!context.isRoot) return fail(`setting the network namespace "${name}" failed: Operation not permitted\n`, 255);
  return namespace;
}

/**
 * `ip netns exec NAME CMD...`: cmd_exec without a fork (ip is not in batch
 * mode), so a failed switch is ip's -1 and the status is the command's own.
 */
function exec(args: readonly string[], options: IpOptions, context: ProcessContext): CommandResult {
  const [name, ...command] = args;
  if (name === undefined) return fail('No netns name specified\n', 1);
  if (command.length === 0) return fail('No command specified\n', 1);
  const namespace = switchNetns(name, context, options.hooks);
  if ('exitCode' in namespace) return namespace;
  const result = options.hooks?.execute(command, context, namespace);
  return result ?? fail(`exec of "${command[0]}" failed: No such file or directory\n`, 1);
}
