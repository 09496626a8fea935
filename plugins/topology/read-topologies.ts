import type { Root, RootContent } from 'mdast';
import type { MdxJsxAttribute } from 'mdast-util-mdx-jsx';
import { z } from 'zod';
import { closestWord } from '../lessons/closest-word';
import { DEFAULT_SESSION } from '../lessons/fence-options';
import { HIDE, OUTSIDE, type Hide, type Outside } from '../../src/topology/graph-model';
import { failIn, isJsx, placeOf, type JsxElement, type Place } from '../mdx/mdx-elements';

/** The element a lesson writes: `<Topology />`, `<Topology session="dns" focus="app-net" highlight="c1" outside="internet" hide="idle" />`. */
export const TOPOLOGY_ELEMENT = 'Topology';

export interface TopologySource {
  /** Which session's host it draws, as the console blocks before it left it. */
  session: string;
  focus: string | undefined;
  highlight: string | undefined;
  /** What of the LAN and the internet it draws (auto: the LAN when a published port or a macvlan network makes it matter). */
  outside: Outside | undefined;
  /** `idle`: leave out networks with no container on them and containers that are not running. */
  hide: Hide | undefined;
  place: Place;
  element: JsxElement;
  /** How many of the lesson's console blocks come before it. */
  afterBlocks: number;
}

// Docker's names: a container's `[a-zA-Z0-9][a-zA-Z0-9_.-]*`, a network's the same.
const DOCKER_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;
const PROPS = ['session', 'focus', 'highlight', 'outside', 'hide'] as const;

const schema = z.strictObject({
  session: z
    .string()
    .regex(
      /^[a-z0-9][a-z0-9-]*$/,
      'session names are lowercase words joined by hyphens, as on a console fence: session="dns"',
    )
    .default(DEFAULT_SESSION),
  focus: z
    .string()
    .regex(DOCKER_NAME, 'focus takes the name of one network, as `docker network ls` prints it: focus="app-net"')
    .optional(),
  highlight: z
    .string()
    .regex(DOCKER_NAME, 'highlight takes the name of a container or network: highlight="c1"')
    .optional(),
  outside: z
    .enum(OUTSIDE, {
      error: `outside takes ${OUTSIDE.map((value) => `"${value}"`).join(', ')}: the LAN and the internet beyond the host's NIC (auto draws the LAN when a published port or a macvlan network makes it matter)`,
    })
    .optional(),
  hide: z
    .enum(HIDE, {
      error: 'hide takes "idle": leave out networks with no container on them and containers that are not running',
    })
    .optional(),
});

/**
 * Reads a lesson's `<Topology />` figures. Each draws its session's host as the
 * console blocks before it left it, so it holds nothing but props; every mistake
 * is a LessonError at its line, with a suggestion for a misspelt prop.
 */
export function readTopologies(path: string, tree: Root): TopologySource[] {
  const fail = failIn(path);
  const figures: TopologySource[] = [];
  const read = (element: JsxElement): TopologySource => {
    if (element.type !== 'mdxJsxFlowElement')
      fail(element, `<${TOPOLOGY_ELEMENT} /> goes on a line of its own, between paragraphs`);
    const raw: Record<string, string> = {};
    for (const attribute of element.attributes) {
      if (attribute.type !== 'mdxJsxAttribute')
        fail(element, `<${TOPOLOGY_ELEMENT}> takes plain props, not {...spread}`);
      const { name, value } = attribute as MdxJsxAttribute;
      if (!(PROPS as readonly string[]).includes(name)) {
        const suggestion = closestWord(name, PROPS);
        fail(
          element,
          `unknown prop "${name}" on <${TOPOLOGY_ELEMENT}>${suggestion ? ` (did you mean ${suggestion}?)` : ''}; it takes ${PROPS.map((prop) => `${prop}="..."`).join(', ')}`,
        );
      }
      if (typeof value !== 'string')
        fail(element, `"${name}" on <${TOPOLOGY_ELEMENT}> needs a value as text: ${name}="..."`);
      raw[name] = value as string;
    }
    if (element.children.some((child) => !(child.type === 'text' && child.value.trim() === ''))) {
      fail(
        element,
        `<${TOPOLOGY_ELEMENT}> draws the host by itself and holds nothing: write <${TOPOLOGY_ELEMENT} /> and put its explanation in the prose around it`,
      );
    }
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const key = String(issue.path[0] ?? '');
      fail(element, `<${TOPOLOGY_ELEMENT}> ${key}="${raw[key] ?? ''}": ${issue.message}`);
    }
    const { session, focus, highlight, outside, hide } = parsed.data!;
    return { session, focus, highlight, outside, hide, place: placeOf(element), element, afterBlocks: 0 };
  };
  const walk = (node: Root | RootContent): void => {
    if (isJsx(node) && node.name === TOPOLOGY_ELEMENT) {
      figures.push(read(node));
      return;
    }
    if ('children' in node) for (const child of node.children as RootContent[]) walk(child);
  };
  walk(tree);
  return figures;
}
