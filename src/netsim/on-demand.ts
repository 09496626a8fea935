/**
 * Modules the reader's browser fetches on first use (cli/tool-modules.ts lists
 * them). A run that reaches one not loaded yet throws ToolModuleMissing, and the
 * terminal runs the line again, from the host as it was, once it is there. This
 * file is below every layer, so that userland and the engine can keep seldom-used
 * data (a long page, an image's entrypoint) out of the first download too.
 */

/** A module is not loaded yet: the line can run again once it is. */
export class ToolModuleMissing<Name extends string = string> extends Error {
  constructor(readonly module: Name) {
    super(`the ${module} tools are not loaded`);
    this.name = 'ToolModuleMissing';
  }
}

/** A module of a layer below the CLI in the browser: `get` throws ToolModuleMissing until `load` has fetched it. */
export function onDemand<T>(name: string, fetch: () => Promise<T>): { get: () => T; load: () => Promise<T> } {
  let module: T | undefined;
  return {
    get() {
      if (module === undefined) throw new ToolModuleMissing(name);
      return module;
    },
    load: async () => (module ??= await fetch()),
  };
}
