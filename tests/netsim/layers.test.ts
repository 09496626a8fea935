import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * netsim's one-way dependency rule (STYLE.md: wire <- kernel <- userland <- engine <- cli;
 * printers depend only on records), checked over every static import of src/netsim.
 *
 * | layer    | files                         | may import (values and types)                           |
 * | -------- | ----------------------------- | ------------------------------------------------------- |
 * | base     | clock.ts, random.ts, on-demand.ts | nothing of netsim: the injected clock and seed, lazy modules |
 * | wire     | wire/                         | base, wire                                              |
 * | kernel   | kernel/                       | base, wire, kernel                                      |
 * | userland | userland/                     | base, wire, kernel, userland                            |
 * | engine   | engine/                       | base, wire, kernel, userland, engine                    |
 * | format   | format/                       | base, wire, format; records (base to engine) as types   |
 * | program  | cli/command.ts                | base to engine as types only; wire                      |
 * | shell    | shell/                        | base to engine, program, shell                          |
 * | cli      | cli/ (but cli/command.ts)     | every layer but root                                    |
 * | root     | the other top-level files     | everything: host.ts, world.ts, index.ts... compose it   |
 *
 * `base` holds the two sources of determinism every layer is handed (STYLE habit 4);
 * they import nothing, so they sit under wire. `program` is the interface between a
 * shell and the programs it runs (Program, ProcessContext, CommandResult): the shell
 * runs programs and `docker exec -it` runs a shell, so both see only this file and the
 * shell never sees a program. No layer but root may import root.
 */
type Layer = 'base' | 'wire' | 'kernel' | 'userland' | 'engine' | 'format' | 'program' | 'shell' | 'cli' | 'root';

const BELOW_CLI: readonly Layer[] = ['base', 'wire', 'kernel', 'userland', 'engine'];
const RECORDS: readonly Layer[] = BELOW_CLI;

interface Rule {
  readonly values: readonly Layer[];
  /** What may be imported with `import type` besides `values`: records a printer prints. */
  readonly types?: readonly Layer[];
}

const RULES: Readonly<Record<Layer, Rule>> = {
  base: { values: ['base'] },
  wire: { values: ['base', 'wire'] },
  kernel: { values: ['base', 'wire', 'kernel'] },
  userland: { values: ['base', 'wire', 'kernel', 'userland'] },
  engine: { values: BELOW_CLI },
  // base for on-demand.ts: a printer seldom used (ip -d, curl -w) is a chunk of its own in the reader's browser.
  format: { values: ['base', 'wire', 'format'], types: RECORDS },
  program: { values: ['wire'], types: BELOW_CLI },
  shell: { values: [...BELOW_CLI, 'program', 'shell'] },
  cli: { values: [...BELOW_CLI, 'format', 'program', 'shell', 'cli'] },
  root: { values: [...BELOW_CLI, 'format', 'program', 'shell', 'cli', 'root'] },
};

const SUBDIRECTORY_LAYERS: ReadonlySet<string> = new Set([
  'wire',
  'kernel',
  'userland',
  'engine',
  'format',
  'shell',
  'cli',
]);

export function layerOf(file: string): Layer {
  if (file === 'clock.ts' || file === 'random.ts' || file === 'on-demand.ts') return 'base';
  if (file === 'cli/command.ts') return 'program';
  const top = file.split('/')[0]!;
  if (!file.includes('/')) return 'root';
  if (SUBDIRECTORY_LAYERS.has(top)) return top as Layer;
  throw new Error(`${file}: a folder of src/netsim with no layer; add it to the table in tests/netsim/layers.test.ts`);
}

export interface Edge {
  readonly from: string;
  readonly to: string;
  /** `import type`, or every named binding marked `type`: erased by the compiler. */
  readonly typeOnly: boolean;
  /** `import('./x')`, or tool-loader.ts's stand-in for one: run after every module has loaded. */
  readonly lazy: boolean;
}

/**
 * tool-loader.ts imports each tool module statically so that tests and the build have
 * them all; the browser's bundle swaps it for tool-loader.browser.ts, whose imports are
 * `import()` calls (astro.config.mjs). Its imports are therefore lazy ones.
 */
const LAZY_LOADERS: ReadonlySet<string> = new Set(['cli/tool-loader.ts']);

function isTypeOnly(node: ts.ImportDeclaration | ts.ExportDeclaration): boolean {
  if (ts.isExportDeclaration(node)) {
    if (node.isTypeOnly) return true;
    const clause = node.exportClause;
    return (
      !!clause &&
      ts.isNamedExports(clause) &&
      clause.elements.length > 0 &&
      clause.elements.every((element) => element.isTypeOnly)
    );
  }
  const clause = node.importClause;
  if (!clause) return false; // `import './x'` runs the module
  if (clause.phaseModifier === ts.SyntaxKind.TypeKeyword) return true;
  const bindings = clause.namedBindings;
  return (
    !clause.name &&
    !!bindings &&
    ts.isNamedImports(bindings) &&
    bindings.elements.length > 0 &&
    bindings.elements.every((element) => element.isTypeOnly)
  );
}

/** Every relative import of one file, parsed with the TypeScript compiler's own parser. */
export function importsOf(
  file: string,
  text: string,
  resolveSpecifier: (from: string, specifier: string) => string | undefined,
): Edge[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const edges: Edge[] = [];
  const add = (specifier: string, typeOnly: boolean, lazy: boolean) => {
    const to = resolveSpecifier(file, specifier);
    if (to) edges.push({ from: file, to, typeOnly, lazy: lazy || LAZY_LOADERS.has(file) });
  };
  const visit = (node: ts.Node): void => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      add(node.moduleSpecifier.text, isTypeOnly(node), false);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteralLike(node.arguments[0])
    ) {
      add(node.arguments[0].text, false, true);
    } else if (
      ts.isImportTypeNode(node) &&
      ts.isLiteralTypeNode(node.argument) &&
      ts.isStringLiteral(node.argument.literal)
    ) {
      add(node.argument.literal.text, true, false);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return edges;
}

export function layerViolations(edges: readonly Edge[]): string[] {
  return edges.flatMap((edge) => {
    const from = layerOf(edge.from);
    const to = layerOf(edge.to);
    const rule = RULES[from];
    if (rule.values.includes(to) || (edge.typeOnly && rule.types?.includes(to))) return [];
    const allowed = rule.types
      ? `${rule.values.join(', ')}; types from ${rule.types.join(', ')}`
      : rule.values.join(', ');
    return [`${edge.from} -> ${edge.to}${edge.typeOnly ? ' (type)' : ''}: ${from} may import ${allowed}, not ${to}`];
  });
}

/**
 * Files that import each other at load time, as strongly connected components
 * (Tarjan). Type-only imports are erased by the compiler and lazy ones run after
 * loading, so neither can leave a module reading another that has not run yet;
 * only value imports count.
 */
export function valueCycles(edges: readonly Edge[]): string[] {
  const next = new Map<string, string[]>();
  for (const edge of edges) {
    if (!next.has(edge.to)) next.set(edge.to, []);
    if (!next.has(edge.from)) next.set(edge.from, []);
    if (!edge.typeOnly && !edge.lazy) next.get(edge.from)!.push(edge.to);
  }
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const connect = (file: string): void => {
    index.set(file, index.size);
    low.set(file, index.get(file)!);
    stack.push(file);
    onStack.add(file);
    for (const target of next.get(file)!) {
      if (!index.has(target)) {
        connect(target);
        low.set(file, Math.min(low.get(file)!, low.get(target)!));
      } else if (onStack.has(target)) low.set(file, Math.min(low.get(file)!, index.get(target)!));
    }
    if (low.get(file) !== index.get(file)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== file);
    if (component.length > 1 || next.get(file)!.includes(file)) components.push(component.sort());
  };
  for (const file of [...next.keys()].sort()) if (!index.has(file)) connect(file);
  return components.map((component) => {
    const inside = new Set(component);
    const links = edges.filter((edge) => !edge.typeOnly && !edge.lazy && inside.has(edge.from) && inside.has(edge.to));
    return `cycle of value imports: ${links.map((edge) => `${edge.from} -> ${edge.to}`).join(', ')}`;
  });
}

const root = resolve(import.meta.dirname, '../..');
const netsim = join(root, 'src/netsim');

function resolveInNetsim(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined; // packages: not netsim's layers
  const base = resolve(dirname(join(netsim, from)), specifier);
  const found = [`${base}.ts`, join(base, 'index.ts'), base].find(
    (candidate) => candidate.endsWith('.ts') && existsSync(candidate),
  );
  if (found) return relative(netsim, found);
  if (existsSync(base)) return undefined; // data such as compose-spec.json
  throw new Error(`${from}: cannot resolve ${specifier}`);
}

function netsimImports(): Edge[] {
  return readdirSync(netsim, { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('.ts'))
    .sort()
    .flatMap((path) => importsOf(path, readFileSync(join(netsim, path), 'utf8'), resolveInNetsim));
}

describe('netsim dependencies flow one way', () => {
  const edges = netsimImports();

  it('each layer imports only from the layers its row allows', () => {
    expect(layerViolations(edges)).toEqual([]);
  });

  it('no files import each other at load time', () => {
    expect(valueCycles(edges)).toEqual([]);
  });

  it('sees the imports the checks are about', () => {
    expect(edges.length).toBeGreaterThan(1000);
    expect(edges).toContainEqual({ from: 'index.ts', to: 'host.ts', typeOnly: false, lazy: false });
    expect(edges.some((edge) => edge.from === 'cli/tool-loader.browser.ts' && edge.lazy)).toBe(true);
  });
});

describe('the checker', () => {
  const resolveFlat = (_from: string, specifier: string) => specifier.replace(/^\.\.?\//, '') + '.ts';

  it('tells type-only imports, re-exports and import() from value imports', () => {
    const text = [
      "import { a } from './wire/a';",
      "import type { B } from './kernel/b';",
      "import { type C, type D } from './engine/c';",
      "import { type E, f } from './engine/e';",
      "export { g } from './format/g';",
      "export type { H } from './format/h';",
      "const later = () => import('./cli/later');",
      "let t: import('./userland/t').T;",
    ].join('\n');
    expect(importsOf('format/x.ts', text, resolveFlat)).toEqual([
      { from: 'format/x.ts', to: 'wire/a.ts', typeOnly: false, lazy: false },
      { from: 'format/x.ts', to: 'kernel/b.ts', typeOnly: true, lazy: false },
      { from: 'format/x.ts', to: 'engine/c.ts', typeOnly: true, lazy: false },
      { from: 'format/x.ts', to: 'engine/e.ts', typeOnly: false, lazy: false },
      { from: 'format/x.ts', to: 'format/g.ts', typeOnly: false, lazy: false },
      { from: 'format/x.ts', to: 'format/h.ts', typeOnly: true, lazy: false },
      { from: 'format/x.ts', to: 'cli/later.ts', typeOnly: false, lazy: true },
      { from: 'format/x.ts', to: 'userland/t.ts', typeOnly: true, lazy: false },
    ]);
  });

  it('names an import against the flow, and lets a printer take a record as a type', () => {
    const edge = (from: string, to: string, typeOnly = false): Edge => ({ from, to, typeOnly, lazy: false });
    expect(
      layerViolations([
        edge('engine/firewall.ts', 'format/iptables-save.ts'),
        edge('format/docker-pull.ts', 'engine/images.ts'),
        edge('format/docker-pull.ts', 'engine/image-store.ts', true),
        edge('kernel/kernel.ts', 'host.ts', true),
        edge('shell/builtins.ts', 'cli/text/echo.ts'),
        edge('shell/builtins.ts', 'cli/command.ts'),
      ]),
    ).toEqual([
      'engine/firewall.ts -> format/iptables-save.ts: engine may import base, wire, kernel, userland, engine, not format',
      'format/docker-pull.ts -> engine/images.ts: format may import base, wire, format; types from base, wire, kernel, userland, engine, not engine',
      'kernel/kernel.ts -> host.ts (type): kernel may import base, wire, kernel, not root',
      'shell/builtins.ts -> cli/text/echo.ts: shell may import base, wire, kernel, userland, engine, program, shell, not cli',
    ]);
  });

  it('finds a cycle of value imports and lets type-only and lazy ones close a loop', () => {
    const edge = (from: string, to: string, typeOnly = false, lazy = false): Edge => ({ from, to, typeOnly, lazy });
    expect(
      valueCycles([
        edge('cli/a.ts', 'cli/b.ts'),
        edge('cli/b.ts', 'cli/c.ts'),
        edge('cli/c.ts', 'cli/a.ts'),
        edge('cli/c.ts', 'cli/d.ts'),
      ]),
    ).toEqual(['cycle of value imports: cli/a.ts -> cli/b.ts, cli/b.ts -> cli/c.ts, cli/c.ts -> cli/a.ts']);
    expect(valueCycles([edge('cli/a.ts', 'cli/b.ts'), edge('cli/b.ts', 'cli/a.ts', true)])).toEqual([]);
    expect(valueCycles([edge('cli/a.ts', 'cli/b.ts'), edge('cli/b.ts', 'cli/a.ts', false, true)])).toEqual([]);
  });
});
