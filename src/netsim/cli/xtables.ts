/**
 * iptables and ip6tables with their save commands: a tool module of its own, fetched by the
 * browser's terminal on the first line that names one. The daemon writes its rules through the
 * kernel without them.
 */
export { ip6tablesProgram, iptablesProgram } from './iptables';
export { ip6tablesSaveProgram, iptablesSaveProgram } from './iptables-save';
