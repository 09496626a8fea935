/**
 * The shell's syntax tree, as bash's parser builds it for the subset a learner
 * types: simple and compound commands (loops, `if`, `case`, groups) joined by
 * pipes, `&&`, `||`, `;` and newlines. Words
 * keep their quoting so that expansion can tell which parts are split into fields.
 */

/** A piece of a word. `quoted` parts are never split into fields (POSIX 2.6.5). */
export type WordPart =
  | { readonly kind: 'literal'; readonly text: string; readonly quoted: boolean }
  /** `$NAME`, `${NAME}`, `$?`, `$1`. */
  | { readonly kind: 'parameter'; readonly name: string; readonly quoted: boolean }
  /** `${...}` that is not a plain name: bash reports a bad substitution when it expands it. */
  | { readonly kind: 'bad-substitution'; readonly text: string; readonly quoted: boolean }
  /** `$(...)` or backquotes: a whole script, run in a subshell for its output. */
  | { readonly kind: 'substitution'; readonly script: Script; readonly quoted: boolean }
  /** `$(( expression ))`: shell arithmetic; the expression's own expansions (`$x`, `$(...)`) come first. */
  | { readonly kind: 'arithmetic'; readonly expression: readonly WordPart[]; readonly quoted: boolean }
  /**
   * `${name<operator>word}`: a default (`:-`, `-`, `:=`, `=`), an alternative (`:+`, `+`),
   * a prefix or suffix removed (`#`, `##`, `%`, `%%`), a replacement (`/`, `//`: `word` is the
   * pattern, `replacement` what replaces it), or a substring (`:`: `word` the offset).
   */
  | {
      readonly kind: 'parameter-operation';
      readonly name: string;
      readonly operator: ParameterOperator;
      readonly word: readonly WordPart[];
      readonly replacement?: readonly WordPart[];
      readonly quoted: boolean;
    }
  /** `${#name}`: the length of the value. */
  | { readonly kind: 'parameter-length'; readonly name: string; readonly quoted: boolean }
  /**
   * bash's arrays: `${a[i]}` (`index` a word, `@` or `*`), `${#a[@]}` (`length`),
   * `${!a[@]}` (`indices`). `$@` and `$*` are parameters; a scalar is an array of one.
   */
  | {
      readonly kind: 'array';
      readonly name: string;
      readonly index: readonly WordPart[] | '@' | '*';
      readonly form: 'value' | 'length' | 'indices';
      readonly quoted: boolean;
    }
  /** `~` or `~/` at the start of a word. */
  | { readonly kind: 'tilde' };

export type ParameterOperator = ':-' | '-' | ':=' | '=' | ':+' | '+' | '#' | '##' | '%' | '%%' | '/' | '//' | ':';

export interface Word {
  readonly parts: readonly WordPart[];
  /** The word as typed, for error messages that quote it. */
  readonly source: string;
}

export interface Assignment {
  readonly name: string;
  readonly value: Word;
  /** `name+=value`: appended to the value (added, for an integer). */
  readonly append?: boolean;
  /** bash's `name[index]=value`. */
  readonly index?: Word;
  /** bash's `name=(words)`: the array's elements. */
  readonly elements?: readonly Word[];
}

export type RedirectionOperator = '<' | '>' | '>>' | '>|' | '>&' | '<&' | '&>' | '&>>' | '<<' | '<<-' | '<<<';

export interface Redirection {
  /** The file descriptor, 1 for `>` and 0 for `<` unless a number precedes the operator. */
  readonly fd: number;
  readonly operator: RedirectionOperator;
  /** The file, or for `<<` the delimiter. */
  readonly target: Word;
  /** `<<` and `<<-`: the lines read after the command's line, up to the delimiter. */
  readonly heredoc?: HereDocument;
}

/**
 * A here-document's text (bash manual, Here Documents). `body` is filled when the
 * lexer reaches the end of the line the redirection is on. A quoted delimiter
 * (`<<'EOF'`, `<<"EOF"`, `<<\EOF`) leaves the text as it is; otherwise it is
 * expanded as in double quotes, `"` aside: `parts` holds it as a word.
 */
export interface HereDocument {
  readonly delimiter: string;
  readonly stripTabs: boolean;
  readonly expand: boolean;
  body: string;
  parts: readonly WordPart[];
  /** Whether the delimiter line came; not when the input ended first, and an interactive shell would read more (PS2). */
  terminated?: boolean;
}

export interface SimpleCommand {
  readonly kind: 'simple';
  readonly assignments: readonly Assignment[];
  readonly words: readonly Word[];
  readonly redirections: readonly Redirection[];
}

/** A compound command the simulated shell does not run (`select`, `coproc`): parsed far enough to name it. */
export interface UnsupportedCommand {
  readonly kind: 'unsupported';
  readonly keyword: string;
}

/** One `if` or `elif` and the list it runs when its condition's status is 0. */
export interface ConditionalBranch {
  readonly condition: Script;
  readonly body: Script;
}

/** A `case` item: its patterns (`a|b)`) and the list run for the first that matches. */
export interface CaseItem {
  readonly patterns: readonly Word[];
  readonly body: Script;
}

/** The compound commands of the shell grammar (POSIX 2.9.4) a learner types at a prompt. */
export type CompoundBody =
  /** `{ list; }`: run in this shell. */
  | { readonly kind: 'group'; readonly body: Script }
  /** `( list )`: run in a copy of this shell. */
  | { readonly kind: 'subshell'; readonly body: Script }
  /** `for name [in words]; do list; done`; without `in`, the positional parameters. */
  | { readonly kind: 'for'; readonly name: string; readonly words: readonly Word[] | undefined; readonly body: Script }
  /** `while list; do list; done`, and `until`, which loops while the condition fails. */
  | { readonly kind: 'while' | 'until'; readonly condition: Script; readonly body: Script }
  | { readonly kind: 'if'; readonly branches: readonly ConditionalBranch[]; readonly otherwise: Script | undefined }
  | { readonly kind: 'case'; readonly subject: Word; readonly items: readonly CaseItem[] }
  /** `[[ expression ]]` (bash, and BusyBox ash): its words and operators, read as an expression when it runs. */
  | { readonly kind: 'conditional'; readonly tokens: readonly ConditionalToken[] }
  /** bash's `(( expression ))`: status 0 when the value is not 0. */
  | { readonly kind: 'arithmetic'; readonly expression: Word }
  /** bash's `for (( init; condition; step ))`. */
  | {
      readonly kind: 'arithmetic-for';
      readonly init: Word;
      readonly condition: Word;
      readonly step: Word;
      readonly body: Script;
    };

/** A word of `[[ ]]`, or one of the operators the lexer reads apart (`&&`, `||`, `(`, `)`, `<`, `>`). */
export type ConditionalToken =
  { readonly kind: 'word'; readonly word: Word } | { readonly kind: 'operator'; readonly operator: string };

/** `name() compound-command` and `function name`: the body runs when `name` is called. */
export interface FunctionDefinition {
  readonly kind: 'function';
  readonly name: string;
  readonly body: CompoundCommand;
}

/** A compound command and the redirections written after it (`done > file`), which apply to all of it. */
export interface CompoundCommand {
  readonly kind: 'compound';
  readonly body: CompoundBody;
  readonly redirections: readonly Redirection[];
}

export type Command = SimpleCommand | CompoundCommand | FunctionDefinition | UnsupportedCommand;

export interface Pipeline {
  readonly negated: boolean;
  readonly commands: readonly Command[];
}

export interface AndOrList {
  readonly first: Pipeline;
  readonly rest: readonly { readonly operator: '&&' | '||'; readonly pipeline: Pipeline }[];
  /** Ended by `&`: run as a job. */
  readonly background?: boolean;
}

/** Commands separated by `;`, `&` or newlines. */
export interface Script {
  readonly statements: readonly AndOrList[];
}
