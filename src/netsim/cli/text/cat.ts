import type { Program } from '../command';
import { coreutilsOptions, readInputs, short } from './input';

const OPTIONS = [
  short('n', false, 'number'),
  short('E', false, 'show-ends'),
  short('A', false, 'show-all'),
  short('b', false, 'number-nonblank'),
];

/** GNU cat: files and stdin in order; -n numbers lines as `%6d\t`, -E marks line ends with `$`. */
export const catProgram: Program = {
  name: 'cat',
  run(args, context) {
    const parsed = coreutilsOptions('cat', args, OPTIONS);
    if ('failure' in parsed) return parsed.failure;
    const has = (name: string) => parsed.options.some((option) => option.name === name);
    let stdout = '';
    let stderr = '';
    let line = 0;
    for (const input of readInputs(parsed.operands, context)) {
      if ('error' in input) {
        stderr += `cat: ${input.name}: ${input.error}\n`;
        continue;
      }
      let text = input.content;
      if (has('show-ends') || has('show-all')) text = text.replace(/\n/g, '$\n');
      if (has('number') || has('number-nonblank')) {
        text = text.replace(/^.*$/gm, (content, offset: number) => {
          if (offset === text.length) return content;
          if (has('number-nonblank') && (content === '' || content === '$')) return content;
          return `${String(++line).padStart(6)}\t${content}`;
        });
      }
      stdout += text;
    }
    return { stdout, stderr, exitCode: stderr ? 1 : 0 };
  },
};
