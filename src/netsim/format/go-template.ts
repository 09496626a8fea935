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

export function compileTemplate(source: string): Template {
  return { source, nodes: parseTemplate(source, FUNCTION_NAMES) };
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
