import { formatIpNetns } from '../format/ip-netns';
import { netnsIdOf, type Namespace } from '../kernel/namespace';
import { fail, ok, type CommandResult, type ProcessContext } from './command';
import { ipErrors, isShow, matches, type IpOptions } from './ip-common';

/** Debian builds iproute2 with NETNS_RUN_DIR=/run/netns (the default is /var/run/netns). */
const NETNS_RUN_DIR = '/run/netns';

/**
 * `ip netns [list|add|delete]` (ipnetns.c do_netns). Only namespaces with a
 * name in /run/netns are listed: Docker keeps its sandboxes in
 * /run/docker/netns, so a fresh Docker host lists none.
 */
export function ipNetns(args: string[], _options: IpOptions, context: ProcessContext): CommandResult {
  const [verb, name] = args;
  if (verb === undefined || isShow(verb)) return ok(listNamed(context));
  if (name !== undefined && (name.includes('/') || name === '.' || name === '..' || name.length > 255)) return fail(`Invalid netns name "${name}"\n`, 255);
  if (matches(verb, 'add')) return addNamed(name, context);
  if (matches(verb, 'delete')) return deleteNamed(name, context);
  if (matches(verb, 'exec')) return fail('ip: netns exec is not available in this simulator yet; use nsenter.\n', 1);
  return ipErrors.unknownCommand(verb, 'netns');
}

function named(context: ProcessContext): Namespace[] {
  return [...context.kernel.state.namespaces.values()].filter((namespace) => namespace.name !== undefined);
}

/**
 * readdir order of a tmpfs, newest entry first. A namespace gets a netnsid here
 * when a link of ours has its peer there (the kernel assigns it as the veth is
 * made); iproute2 then prints `(id: N)`.
 */
function listNamed(context: ProcessContext): string {
  const here = context.namespace;
  const hasPeerIn = (other: Namespace) => [...here.links.values()].some((link) => context.kernel.peerOf(link)?.namespace === other);
  const entries = named(context)
    .sort((a, b) => b.id - a.id)
    .map((namespace) => ({ name: namespace.name!, id: hasPeerIn(namespace) ? netnsIdOf(here, namespace.id) : here.netnsIds.get(namespace.id) }));
  return formatIpNetns(entries);
}

function addNamed(name: string | undefined, context: ProcessContext): CommandResult {
  if (name === undefined) return fail('No netns name specified\n', 1);
  if (!context.isRoot) return fail(`mount --make-shared ${NETNS_RUN_DIR} failed: Operation not permitted\n`, 1);
  if (named(context).some((namespace) => namespace.name === name)) return fail(`Cannot create namespace file "${NETNS_RUN_DIR}/${name}": File exists\n`, 1);
  context.kernel.createNamespace(name);
  return ok();
}

function deleteNamed(name: string | undefined, context: ProcessContext): CommandResult {
  if (name === undefined) return fail('No netns name specified\n', 1);
  const namespace = named(context).find((candidate) => candidate.name === name);
  if (!namespace) return fail(`Cannot remove namespace file "${NETNS_RUN_DIR}/${name}": No such file or directory\n`, 1);
  if (!context.isRoot) return fail(`Cannot remove namespace file "${NETNS_RUN_DIR}/${name}": Permission denied\n`, 1);
  context.kernel.deleteNamespace(namespace);
  return ok();
}
