import type { Root, RootContent } from 'mdast';
import type { MdxJsxAttribute } from 'mdast-util-mdx-jsx';
import { z } from 'zod';
import { closestWord } from '../lessons/closest-word';
import { DEFAULT_SESSION } from '../lessons/fence-options';
import { failIn, isJsx, placeOf, type JsxElement, type Place } from '../mdx/mdx-elements';

/** The element a lesson writes: `<Trace command="curl -s http://192.168.1.10:8080/" />`. */
export const TRACE_ELEMENT = 'Trace';

/** The machines a trace's command can run on besides the session's own shell: the LAN machine, as `ssh lan-pc` enters it. */
export const TRACE_MACHINES = ['lan-pc'] as const;

export interface TraceSource {
  /** The command whose packets it follows, typed at the session's prompt (or the LAN machine's). */
  command: string;
  session: string;
  from: (typeof TRACE_MACHINES)[number] | undefined;
  /** The status the command must end with: a trace of a failure says so. */
  exit: number;
  /** The network the trace's figure draws, as `<Topology focus>`. */
  focus: string | undefined;
  place: Place;
  element: JsxElement;
  /** How many of the lesson's console blocks come before it. */
  afterBlocks: number;
}

// Docker's names: a network's `[a-zA-Z0-9][a-zA-Z0-9_.-]*`.
const DOCKER_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;
const PROPS = ['command', 'session', 'from', 'exit', 'focus'] as const;

const schema = z.strictObject({
  command: z
    .string()
    .refine(
      (command) => command.trim() !== '' && !command.includes('\n'),
      'command takes one command line, as typed after the prompt: command="curl -s http://192.168.1.10:8080/"',
    ),
  session: z
    .string()
    .regex(
      /^[a-z0-9][a-z0-9-]*$/,
      'session names are lowercase words joined by hyphens, as on a console fence: session="dns"',
    )
    .default(DEFAULT_SESSION),
  from: z
    .enum(
      TRACE_MACHINES,
      `from names where the command runs instead of the session's shell: ${TRACE_MACHINES.map((machine) => `from="${machine}"`).join(', ')}`,
    )
    .optional(),
  exit: z
    .string()
    .regex(
      /^(0|[1-9][0-9]{0,2})$/,
      'exit takes the status the command ends with, a whole number from 0 to 255: exit="7"',
    )
    .transform(Number)
    .refine((status) => status <= 255, 'exit takes a status from 0 to 255')
    .default(0),
  focus: z
    .string()
    .regex(DOCKER_NAME, 'focus takes the name of one network, as `docker network ls` prints it: focus="app-net"')
    .optional(),
});

/**
 * Reads a lesson's `<Trace />` elements. Each runs one command on a copy of
 * its session as the blocks before it left it, so it holds nothing but props;
 * every mistake is a LessonError at its line, with a suggestion for a misspelt prop.
 */
export function readTraces(path: string, tree: Root): TraceSource[] {
  const fail = failIn(path);
  const traces: TraceSource[] = [];
  const read = (element: JsxElement): TraceSource => {
    if (element.type !== 'mdxJsxFlowElement')
      fail(element, `<${TRACE_ELEMENT} /> goes on a line of its own, between paragraphs`);
    const raw: Record<string, string> = {};
    for (const attribute of element.attributes) {
      if (attribute.type !== 'mdxJsxAttribute') fail(element, `<${TRACE_ELEMENT}> takes plain props, not {...spread}`);
      const { name, value } = attribute as MdxJsxAttribute;
      if (!(PROPS as readonly string[]).includes(name)) {
        const suggestion = closestWord(name, PROPS);
        fail(
          element,
          `unknown prop "${name}" on <${TRACE_ELEMENT}>${suggestion ? ` (did you mean ${suggestion}?)` : ''}; it takes ${PROPS.map((prop) => `${prop}="..."`).join(', ')}`,
        );
      }
      if (typeof value !== 'string')
        fail(element, `"${name}" on <${TRACE_ELEMENT}> needs a value as text: ${name}="..."`);
      raw[name] = value as string;
    }
    if (raw.command === undefined)
      fail(
        element,
        `<${TRACE_ELEMENT}> needs the command whose packets it follows: <${TRACE_ELEMENT} command="curl -s http://192.168.1.10:8080/" />`,
      );
    if (element.children.some((child) => !(child.type === 'text' && child.value.trim() === ''))) {
      fail(
        element,
        `<${TRACE_ELEMENT}> tells the trace by itself and holds nothing: write <${TRACE_ELEMENT} command="..." /> and put its explanation in the prose around it`,
      );
    }
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const key = String(issue.path[0] ?? '');
      fail(element, `<${TRACE_ELEMENT}> ${key}="${raw[key] ?? ''}": ${issue.message}`);
    }
    const { command, session, from, exit, focus } = parsed.data!;
    return { command, session, from, exit, focus, place: placeOf(element), element, afterBlocks: 0 };
  };
  const walk = (node: Root | RootContent): void => {
    if (isJsx(node) && node.name === TRACE_ELEMENT) {
      traces.push(read(node));
      return;
    }
    if ('children' in node) for (const child of node.children as RootContent[]) walk(child);
  };
  walk(tree);
  return traces;
}
