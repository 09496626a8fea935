import { fail, type Program } from '../command';
import { absolute } from '../files/paths';
import { ERRNO_TEXT } from '../../kernel/filesystem';
import { linesOf, readInputs, short } from './input';
import { isBusybox, localeQuote, textOptions, type TextDialect } from './dialect';

const OPTIONS = [
  short('c', false, 'count'),
  short('d', false, 'repeated'),
  short('u', false, 'unique'),
  short('i', false, 'ignore-case'),
  short('f', true, 'skip-fields'),
  short('s', true, 'skip-chars'),
  short('w', true, 'check-chars'),
  short('z', false, 'zero-terminated'),
];

/** The part of a line uniq compares: -f fields (blanks then non-blanks) and -s characters skipped, -w characters kept, -i folded. */
function keyOf(
  line: string,
  skip: { fields: number; chars: number; width: number | undefined; fold: boolean },
): string {
  let at = 0;
  for (let field = 0; field < skip.fields; field++) at = (/^[ \t]*[^ \t]*/.exec(line.slice(at))?.[0].length ?? 0) + at;
  const key = line.slice(at + skip.chars, skip.width === undefined ? undefined : at + skip.chars + skip.width);
  return skip.fold ? key.toLowerCase() : key;
}

/**
 * uniq: adjacent equal lines once; -c counts them (`%7d ` in both coreutils
 * src/uniq.c and BusyBox coreutils/uniq.c), -d keeps only repeated ones, -u only
 * lone ones. A second operand is the output file.
 */
export function uniqProgram(dialect: TextDialect): Program {
  return {
    name: 'uniq',
    run(args, context) {
      const parsed = textOptions('uniq', args, OPTIONS, dialect);
      if ('failure' in parsed) return parsed.failure;
      const value = (name: string) => parsed.options.filter((option) => option.name === name).at(-1)?.value;
      const has = (name: string) => parsed.options.some((option) => option.name === name);
      const numbers: Record<string, number | undefined> = {};
      for (const name of ['skip-fields', 'skip-chars', 'check-chars']) {
        const text = value(name);
        if (text !== undefined && !/^\d+$/.test(text)) {
          const what = {
            'skip-fields': 'number of fields to skip',
            'skip-chars': 'number of bytes to skip',
            'check-chars': 'number of bytes to compare',
          }[name];
          return isBusybox(dialect)
            ? fail(`uniq: invalid number '${text}'\n`)
            : fail(`uniq: ${text}: invalid ${what}\nTry 'uniq --help' for more information.\n`);
        }
        numbers[name] = text === undefined ? undefined : Number(text);
      }
      const [input, output, extra] = parsed.operands;
      if (extra !== undefined)
        return isBusybox(dialect)
          ? fail(`uniq: extra operand '${extra}'\n`)
          : fail(`uniq: extra operand ${localeQuote(extra, context)}\nTry 'uniq --help' for more information.\n`);
      const read = readInputs(input === undefined ? [] : [input], context)[0]!;
      if ('error' in read)
        return fail(
          isBusybox(dialect)
            ? `uniq: can't open '${read.name}': ${read.error}\n`
            : `uniq: ${read.name}: ${read.error}\n`,
        );
      const skip = {
        fields: numbers['skip-fields'] ?? 0,
        chars: numbers['skip-chars'] ?? 0,
        width: numbers['check-chars'],
        fold: has('ignore-case'),
      };
      const terminator = has('zero-terminated') ? '\0' : '\n';
      // GNU's -z reads and writes NUL-ended lines; BusyBox's only writes them.
      const lines =
        terminator === '\n' || isBusybox(dialect)
          ? linesOf(read.content)
          : read.content.split('\0').filter((line, index, all) => line !== '' || index < all.length - 1);
      let text = '';
      for (let start = 0; start < lines.length;) {
        let end = start + 1;
        while (end < lines.length && keyOf(lines[end]!, skip) === keyOf(lines[start]!, skip)) end++;
        const count = end - start;
        if ((count > 1 || !has('repeated')) && (count === 1 || !has('unique')))
          text += `${has('count') ? `${String(count).padStart(7)} ` : ''}${lines[start]}${terminator}`;
        start = end;
      }
      if (output === undefined || output === '-') return { stdout: text, stderr: '', exitCode: 0 };
      const error = context.files?.fs.write(absolute(output, context), text, context.files.who);
      return error ? fail(`uniq: ${output}: ${ERRNO_TEXT[error]}\n`) : { stdout: '', stderr: '', exitCode: 0 };
    },
  };
}
