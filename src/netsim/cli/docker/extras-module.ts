/**
 * The docker commands a networking learner seldom types, a tool module of their
 * own: `docker info` and `system info|df|prune`, `version`, `stats`, `top`, `cp`,
 * `history`, `rename`, `pause`/`unpause`, `wait`, `events`, `diff`, `tag`, `commit`, `save` and `load` are fetched the
 * first time a line runs one.
 */
export { INFO_COMMANDS } from './info';
export { systemDf, systemPrune } from './system';
export { VERSION_COMMANDS } from './version';
export { rename } from './rename';
export { top } from './top';
export { stats } from './stats';
export { cp } from './cp';
export { history } from './history';
export { pause, unpause } from './pause';
export { wait } from './wait';
export { events } from './events';
export { diff } from './diff';
export { tag } from './tag';
export { logWindow } from './log-window';
export { runWithStopFlags } from './stop-flags';
export { commit } from './commit';
export { save, load } from './image-archive';
