import { execute, FUNCTION_NAMES, TemplateExecError } from './go-template-exec';
import { parseTemplate, TemplateError, type Node } from './go-template-parse';

/**
 * The part of Go's text/template that `docker ... --format` users write, with the
 * functions docker/cli adds (json, join, split, upper, lower, title, truncate,
 * pad). Parsing errors are TemplateError (`template: :1: ...`), execution errors
 * TemplateExecError (`template: :1:18: executing "" at <...>: ...`).
 */
export { TemplateError, TemplateExecError };

export interface Template {
  readonly source: string;
  readonly nodes: Node[];
}

/** Parsed templates by source: `docker ps` parses its default table format on every run otherwise. */
const compiled = new Map<string, Template>();
const COMPILED_LIMIT = 64;

export function compileTemplate(source: string): Template {
  const known = compiled.get(source);
  if (known) return known;
  const template = { source, nodes: parseTemplate(source, FUNCTION_NAMES) };
  if (compiled.size >= COMPILED_LIMIT) compiled.delete(compiled.keys().next().value!);
  compiled.set(source, template);
  return template;
}

/** Parses and runs a template as `inspect --format` does (see renderInspectTemplate). */
export function renderTemplate(source: string, data: unknown): string {
  return renderInspectTemplate(compileTemplate(source), data);
}

/**
 * docker/cli's TemplateInspector: the typed object first; if that fails, the
 * object's JSON decoded into maps with `missingkey=error`, whose error is final.
 */
export function renderInspectTemplate(template: Template, data: unknown): string {
  try {
    return execute(template.nodes, data, template.source, 'typed');
  } catch (error) {
    if (!(error instanceof TemplateExecError)) throw error;
    return execute(template.nodes, JSON.parse(JSON.stringify(data)), template.source, 'raw');
  }
}
