/** `docker swarm`, a tool module of its own (tool-modules.ts): fetched the first time a line names `swarm`. */
export { swarmProgram } from './swarm';
