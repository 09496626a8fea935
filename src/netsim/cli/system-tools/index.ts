/** Everyday system tools of the host a learner types: procps' free and pgrep, coreutils' df and groups, kmod's lsmod, shadow's usermod. */
export { freeProgram, dfProgram } from './free-df';
export { lsmodProgram } from './lsmod';
export { pgrepProgram } from './pgrep';
export { groupsProgram, supplementaryGroups, usermodProgram } from './accounts';
