/** IPv6's packet path and ping over it: a module of their own, which the reader's browser fetches the first time a line sends an IPv6 packet. */
export { route6, send6 } from '../kernel/path6';
export { ping6 } from './ping6';
