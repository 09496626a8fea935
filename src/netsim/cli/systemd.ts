/**
 * systemd's tools on the host (systemctl, journalctl, and Debian's `service`
 * that calls systemctl), a tool module of their own: a reader's terminal fetches
 * them the first time a line names one.
 */
export { systemctlProgram } from './systemctl';
export { journalctlProgram } from './journalctl';
export { serviceProgram } from './service';
