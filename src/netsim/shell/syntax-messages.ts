import type { ShellSyntaxError } from './parser';

// How each shell words a syntax error, in the chunk of the seldom-typed builtins: fetched the first time a line has one.

/** bash 5.2's messages in an interactive shell (no `line N:` prefix, unlike `bash -c`). */
export function bashSyntax(error: ShellSyntaxError, name: string): string {
  switch (error.kind) {
    case 'unexpected-token':
      return `${name}: syntax error near unexpected token \`${error.token}'\n`;
    case 'unexpected-eof':
      return `${name}: syntax error: unexpected end of file\n`;
    case 'unterminated':
      return `${name}: unexpected EOF while looking for matching \`${error.closing}'\n`;
    case 'in-substitution':
      return bashSyntax(error.error, name);
    case 'unexpected-redirection':
    case 'bad-for-variable':
      // dash's and ash's own: bash parses what gives them.
      return `${name}: syntax error\n`;
  }
}

export function dashSyntax(error: ShellSyntaxError): string {
  switch (error.kind) {
    case 'unexpected-token':
      return error.token === 'newline' ? 'newline unexpected' : `"${error.token}" unexpected`;
    case 'unexpected-eof':
      return 'end of file unexpected';
    case 'unterminated':
      return error.closing === ')' ? 'end of file unexpected (expecting ")")' : 'Unterminated quoted string';
    case 'in-substitution':
      return dashSyntax(error.error);
    case 'unexpected-redirection':
      return 'redirection unexpected';
    case 'bad-for-variable':
      return 'Bad for loop variable';
  }
}

export function ashSyntax(error: ShellSyntaxError): string {
  switch (error.kind) {
    case 'unexpected-token':
      return error.token === 'newline' ? 'unexpected newline' : `unexpected "${error.token}"`;
    case 'unexpected-eof':
      return 'unexpected end of file';
    case 'unterminated':
      return error.closing === ')' ? 'unexpected end of file (expecting ")")' : 'unterminated quoted string';
    case 'in-substitution':
      return ashSyntax(error.error);
    case 'unexpected-redirection':
      return 'unexpected redirection';
    case 'bad-for-variable':
      return 'bad for loop variable';
  }
}
