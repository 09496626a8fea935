import { Host } from '../../src/netsim/index';

/** `hostAfter(...lines)`: a host of the given seed on which the lines have already run. */
export function hostWithSeed(seed: number) {
  return (...lines: string[]): Host => {
    const host = Host.create({ seed });
    for (const line of lines) host.run(line);
    return host;
  };
}
