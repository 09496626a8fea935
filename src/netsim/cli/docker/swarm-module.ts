/** `docker swarm`, a tool module of its own (tool-modules.ts): fetched the first time a line names `swarm` or `service`; `docker service` comes with it. */
export { swarmProgram } from './swarm';
