/**
 * What the mariadb and wordpress images bring of their own: their entrypoints'
 * logs and settings, and the configuration files they ship. A module fetched on
 * first use in the reader's browser (mariadb-wordpress-loader.browser.ts): most
 * terminals never start either image.
 */
export {
  generatedRootPassword,
  lacksRootPassword,
  mariadbFirstStart,
  mariadbMissingPassword,
  mariadbSettings,
} from './mariadb-log';
export { MARIADB_05_SKIPCACHE_CNF, MARIADB_50_SERVER_CNF } from './mariadb-config';
export { WP_CONFIG_DOCKER, wpConfigFrom } from './wordpress-config';
export { wordpressStartup, wordpressVariables } from './wordpress-log';
