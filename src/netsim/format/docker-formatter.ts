import { compileTemplate, TemplateError, type Template } from './go-template';
import { execute, TemplateExecError } from './go-template-exec';
import type { Node, Operand, Pipeline } from './go-template-parse';
import { goTabwriter } from './go-tabwriter';

/** docker/cli's formatter.Context (cli/command/formatter/formatter.go) for list commands. */
export interface ListFormat {
  /** The format after the command's own shortcuts (`table` and `raw` already expanded). */
  readonly format: string;
  /** Column titles by field name: the data the table's header line is rendered from. */
  readonly header: Readonly<Record<string, string>>;
  /** One Go-struct-like record per row (see go-value.ts goStruct). */
  readonly rows: readonly Record<string, unknown>[];
  /** The row context's Go type, as text/template names it in errors: `*network.networkContext`. */
  readonly typeName: string;
}

export type ListOutput = { ok: true; text: string } | { ok: false; error: string };

const TABLE = 'table';

/**
 * Format.templateString: `table` is cut off, spaces trimmed, `\t` and `\n`
 * written as two characters become a tab and a newline; `json` is `{{json .}}`.
 */
function templateString(format: string): string {
  if (format === 'json') return '{{json .}}';
  const body = format.startsWith(TABLE) ? format.slice(TABLE.length) : format;
  return body
    .replace(/^ +| +$/g, '')
    .replaceAll('\\t', '\t')
    .replaceAll('\\n', '\n');
}

/**
 * Renders every row, then, for a table, the header from the same template run
 * on the titles through templates.HeaderFunctions, all through the tabwriter.
 * An error in any row prints nothing (the rows are buffered until the end).
 */
export function formatList({ format, header, rows, typeName }: ListFormat): ListOutput {
  let template: Template;
  try {
    template = compileTemplate(templateString(format));
  } catch (error) {
    if (error instanceof TemplateError) return { ok: false, error: `template parsing error: ${error.message}` };
    throw error;
  }
  // `{{json .}}` marshals the row with json.Marshal (formatter.MarshalJSON), which escapes <, > and &.
  const escape = template.source === '{{json .}}' ? escapeHtml : (text: string) => text;
  let body = '';
  try {
    for (const row of rows) body += `${escape(execute(template.nodes, row, template.source, 'typed'))}\n`;
  } catch (error) {
    if (!(error instanceof TemplateExecError)) throw error;
    // Go names the receiver's type when a struct lacks the field.
    return {
      ok: false,
      error: `template parsing error: ${error.message.replace(/can't evaluate field (\w+)$/, `can't evaluate field $1 in type ${typeName}`)}`,
    };
  }
  if (!format.startsWith(TABLE)) return { ok: true, text: body };
  const titles = execute(headerNodes(template.nodes), header, template.source, 'typed');
  return { ok: true, text: goTabwriter(`${titles}\n${body}`) };
}

/** encoding/json's HTMLEscape, and its escaping of U+2028 and U+2029. */
function escapeHtml(json: string): string {
  return json.replace(/[<>&\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** templates.HeaderFunctions: json, split, join, title, lower, upper and truncate give the title back unchanged. */
const KEEPS_TITLE = new Set(['json', 'split', 'join', 'title', 'lower', 'upper', 'truncate']);

function headerNodes(nodes: readonly Node[]): Node[] {
  return nodes.map((node): Node => {
    switch (node.kind) {
      case 'text':
      case 'break':
      case 'continue':
        return node;
      case 'action':
        return { ...node, pipeline: headerPipeline(node.pipeline) };
      case 'range':
      case 'if':
      case 'with':
        return {
          ...node,
          pipeline: headerPipeline(node.pipeline),
          body: headerNodes(node.body),
          otherwise: headerNodes(node.otherwise),
        };
    }
  });
}

/** `upper .Name` becomes `.Name`; `.Name | upper` becomes `.Name | print`, which passes a string through. */
function headerPipeline(pipeline: Pipeline): Pipeline {
  const commands = pipeline.commands.map((command, index): Operand[] => {
    const [head, ...args] = command;
    if (head?.kind !== 'function' || !KEEPS_TITLE.has(head.name)) return command.map(headerOperand);
    if (index > 0) return [{ ...head, name: 'print' }];
    return args.length > 0 ? [headerOperand(args[0]!)] : command;
  });
  return { ...pipeline, commands };
}

function headerOperand(operand: Operand): Operand {
  return operand.kind === 'group' ? { ...operand, pipeline: headerPipeline(operand.pipeline) } : operand;
}
