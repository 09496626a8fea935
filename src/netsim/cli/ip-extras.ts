/**
 * iproute2's ip objects and verbs a reader seldom types, a tool module of their
 * own: `ip neigh`, `ip netns` (and `ip -netns NAME`), `ip link add|set|delete`, `ip route get`,
 * `ip rule` and `ip monitor`, and BusyBox's `ip neigh`.
 * `ip addr`, `ip link show` and `ip route` stay in the core.
 */
export { ipNeigh } from './ip-neigh';
export { ipNetns, switchNetns } from './ip-netns';
export { ipLinkAdd, ipLinkDelete, ipLinkSet } from './ip-link-modify';
export { ipRouteGet } from './ip-route-get';
export { ipMonitor, ipRule } from './ip-rule';
export { busyboxIpNeigh } from './busybox-ip-neigh';
