/**
 * The programs of the server images a reader seldom runs by hand: the nginx
 * binary (`nginx -s reload`, `nginx -t`) and the mariadb package's client
 * (`mariadb`, `mysql`), a tool module fetched the first time a line runs one.
 */
export { nginxProgram } from './nginx';
export { mariadbClientProgram } from './mariadb-client';
