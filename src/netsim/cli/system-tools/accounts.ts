import { fail, ok, type ProcessContext, type Program } from '../command';
import { ROOT } from '../../kernel/filesystem';

/** A line of /etc/group: name, password field, GID and members. */
interface GroupEntry {
  readonly name: string;
  readonly gid: number;
  readonly members: readonly string[];
}

function parseGroups(content: string): GroupEntry[] {
  return content
    .split('\n')
    .filter((line) => line.includes(':'))
    .map((line) => {
      const [name = '', , gid = '0', members = ''] = line.split(':');
      return { name, gid: Number(gid), members: members.split(',').filter(Boolean) };
    });
}

const formatGroups = (entries: readonly GroupEntry[]) =>
  entries.map((entry) => `${entry.name}:x:${entry.gid}:${entry.members.join(',')}\n`).join('');

function readGroups(context: ProcessContext, path = '/etc/group'): GroupEntry[] | undefined {
  const read = context.readFile?.(path);
  return read && 'content' in read ? parseGroups(read.content) : undefined;
}

/** initgroups(3): the primary group, then every group that lists the user as a member, in /etc/group's order. */
function groupsOf(user: string, primaryGid: number, entries: readonly GroupEntry[]): string[] {
  const primary = entries.find((entry) => entry.gid === primaryGid)?.name ?? String(primaryGid);
  const supplementary = entries.filter((entry) => entry.members.includes(user) && entry.name !== primary);
  return [primary, ...supplementary.map((entry) => entry.name)];
}

/**
 * The groups /etc/group gave the shell `groups` runs under when it logged in:
 * a change since then (usermod) shows only in a new login (`su - $USER`,
 * logging in again). usermod keeps the file as it was in /etc/group-, which
 * stands for what that login read.
 */
function loginGroups(context: ProcessContext, user: string): GroupEntry[] | undefined {
  const shells = context.terminal?.shells?.() ?? [];
  const login = shells.filter((shell) => shell.container === undefined && shell.user === user && shell.login).at(-1);
  const changed = context.files?.fs.stat('/etc/group');
  const changedMs = changed && 'inode' in changed ? changed.inode.mtimeMs : 0;
  if (login && changedMs > login.startedMs) return readGroups(context, '/etc/group-') ?? readGroups(context);
  return readGroups(context);
}

/** The supplementary groups of `user`'s login, as id prints them (`27(sudo)`). */
export function supplementaryGroups(context: ProcessContext, user: string): string[] {
  const entries = loginGroups(context, user) ?? [];
  return entries.filter((entry) => entry.members.includes(user)).map((entry) => `${entry.gid}(${entry.name})`);
}

/** coreutils' groups: the process's groups, or with names, each user's from /etc/group (`user : groups`). */
export const groupsProgram: Program = {
  name: 'groups',
  run(args, context) {
    const entries = readGroups(context) ?? [];
    const users = args.filter((arg) => !arg.startsWith('-'));
    if (users.length === 0) {
      if (context.isRoot || context.containerId !== undefined) return ok('root\n');
      const user = context.env?.get('USER') ?? 'usuario';
      return ok(`${groupsOf(user, 1000, loginGroups(context, user) ?? entries).join(' ')}\n`);
    }
    let stdout = '';
    let stderr = '';
    for (const user of users) {
      const gid = user === 'root' ? 0 : user === (context.env?.get('USER') ?? 'usuario') ? 1000 : undefined;
      if (gid === undefined) stderr += `groups: '${user}': no such user\n`;
      else stdout += `${user} : ${groupsOf(user, gid, entries).join(' ')}\n`;
    }
    return { stdout, stderr, exitCode: stderr ? 1 : 0 };
  },
};

/**
 * shadow's usermod -G / -aG: the user's supplementary groups in /etc/group,
 * the file before the change kept as /etc/group- (as commonio does). Root
 * only; other options are not simulated.
 */
export const usermodProgram: Program = {
  name: 'usermod',
  run(args, context) {
    const request = parseUsermod(args);
    if (typeof request === 'string') return fail(request, 2);
    // usermod opens /etc/passwd's lock first (tests/netsim/golden/apt/usermod-user.txt).
    if (!context.isRoot)
      return fail('usermod: Permission denied.\nusermod: cannot lock /etc/passwd; try again later.\n', 1);
    const entries = readGroups(context) ?? [];
    const missing = request.groups.find((name) => !entries.some((entry) => entry.name === name));
    if (missing !== undefined) return fail(`usermod: group '${missing}' does not exist\n`, 6);
    const passwd = context.readFile?.('/etc/passwd');
    const known =
      passwd && 'content' in passwd && passwd.content.split('\n').some((line) => line.startsWith(`${request.user}:`));
    if (!known) return fail(`usermod: user '${request.user}' does not exist\n`, 6);
    const updated = entries.map((entry) => {
      const wanted = request.groups.includes(entry.name);
      const kept = request.append ? entry.members.includes(request.user) : false;
      const members = entry.members.filter((member) => member !== request.user);
      return { ...entry, members: wanted || kept ? [...members, request.user] : members };
    });
    const fs = context.files?.fs;
    const before = context.readFile?.('/etc/group');
    if (fs && before && 'content' in before) {
      fs.write('/etc/group-', before.content, ROOT);
      fs.write('/etc/group', formatGroups(updated), ROOT);
    }
    return ok();
  },
};

function parseUsermod(args: readonly string[]): { append: boolean; groups: string[]; user: string } | string {
  let append = false;
  let groups: string[] | undefined;
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '-a' || arg === '--append') append = true;
    else if (arg === '-aG' || arg === '-G' || arg === '--groups') {
      append ||= arg === '-aG';
      groups = (args[++i] ?? '').split(',').filter(Boolean);
    } else if (arg.startsWith('-')) return `netsim: usermod ${arg} is not simulated (only -a and -G)\n`;
    else rest.push(arg);
  }
  if (groups === undefined || rest.length !== 1) return 'netsim: only usermod -aG GROUP USER is simulated\n';
  return { append, groups, user: rest[0]! };
}
