import { isRawMap, type RawMap } from './yaml-read';

/**
 * InDependencyOrder and InReverseDependencyOrder (pkg/compose/dependencies.go):
 * a service once everything it depends on is done (down: once everything that
 * depends on it is). Compose walks independent services at the same time; here
 * they take turns by name, so the output is the same every run.
 */
export function dependencyOrder(services: RawMap, selected: readonly string[] = []): string[] {
  const dependencies = new Map<string, string[]>();
  for (const [name, service] of services) {
    const dependsOn = isRawMap(service) ? service.get('depends_on') : undefined;
    dependencies.set(name, isRawMap(dependsOn) ? [...dependsOn.keys()].filter((key) => services.has(key)) : []);
  }
  const wanted = new Set<string>();
  const want = (name: string) => {
    if (wanted.has(name)) return;
    wanted.add(name);
    for (const dependency of dependencies.get(name) ?? []) want(dependency);
  };
  for (const name of selected.length > 0 ? selected : [...services.keys()]) want(name);
  const done = new Set<string>();
  const order: string[] = [];
  while (order.length < wanted.size) {
    const ready = [...wanted]
      .filter((name) => !done.has(name) && (dependencies.get(name) ?? []).every((dependency) => done.has(dependency)))
      .sort();
    if (ready.length === 0) break;
    for (const name of ready) {
      done.add(name);
      order.push(name);
    }
  }
  return order;
}

/** graph/cycle.go checkCycle: services by name, each one's dependencies by name, the first cycle found. */
export function dependencyCycle(services: RawMap): string | undefined {
  const childrenOf = (name: string): string[] => {
    const service = services.get(name);
    const dependsOn = isRawMap(service) ? service.get('depends_on') : undefined;
    return isRawMap(dependsOn) ? [...dependsOn.keys()].filter((key) => services.has(key)).sort() : [];
  };
  const search = (path: string[], name: string): string | undefined => {
    for (const child of childrenOf(name)) {
      const at = path.indexOf(child);
      if (at >= 0) return `dependency cycle detected: ${path.slice(at).join(' -> ')} -> ${child}`;
      const found = search([...path, child], child);
      if (found) return found;
    }
    return undefined;
  };
  for (const name of [...services.keys()].sort()) {
    const found = search([name], name);
    if (found) return found;
  }
  return undefined;
}
