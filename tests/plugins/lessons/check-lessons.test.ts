import { describe, expect, it } from 'vitest';
import { checkLessons, formatCheckReport, hasProblems, tally } from '../../../plugins/lessons/check-lessons';
import { LessonError } from '../../../plugins/lessons/lesson-error';
import {
  corrupt,
  fixtureCopy,
  FIXTURES,
  memoryCache,
  options,
  read,
  SOURCE_LESSON,
  TRANSLATED_LESSON,
  write,
} from './lesson-fixtures';

describe('checkLessons', () => {
  it('passes a lesson whose outputs are what a real host prints', () => {
    const report = checkLessons([], options(FIXTURES));
    expect(formatCheckReport(report)).toBe('');
    expect(hasProblems(report)).toBe(false);
    expect(tally(report)).toEqual({
      lessons: 2,
      verified: 8,
      failed: 0,
      notRun: 0,
      norun: 2,
      questions: 0,
      questionsFailed: 0,
    });
  });

  it('fails a corrupted output line at its file line, with a diff numbered like the file', () => {
    const root = fixtureCopy();
    const line = corrupt(root, SOURCE_LESSON, '-P OUTPUT ACCEPT\n-P POSTROUTING', '-P OUTPUT DROP\n-P POSTROUTING');
    const report = checkLessons([SOURCE_LESSON], options(root));
    const text = formatCheckReport(report);
    expect(hasProblems(report)).toBe(true);
    expect(text).toContain(`${SOURCE_LESSON}:${line}:1: the output written here is not what netsim prints\n`);
    expect(line).toBe(42);
    expect(text).toContain('  lesson bridge-basics, block 3 (line 38), command: iptables -t nat -S\n');
    expect(text).toContain(
      [
        `--- ${SOURCE_LESSON} (written)`,
        `+++ ${SOURCE_LESSON} (netsim)`,
        '@@ -39,7 +39,7 @@',
        ' # iptables -t nat -S',
        ' -P PREROUTING ACCEPT',
        ' -P INPUT ACCEPT',
        '--P OUTPUT DROP',
        '+-P OUTPUT ACCEPT',
        ' -P POSTROUTING ACCEPT',
        ' -N DOCKER',
        ' -A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER',
        '',
      ].join('\n'),
    );
    expect(text).toContain(`npm run lessons:update -- ${SOURCE_LESSON}\n`);
  });

  it('reports later blocks of a failed session as not run rather than as more diffs', () => {
    const root = fixtureCopy();
    corrupt(root, SOURCE_LESSON, 'state DOWN group default \n', 'state UP group default \n');
    const text = formatCheckReport(checkLessons([SOURCE_LESSON], options(root)));
    expect(text.match(/not what netsim prints/g)).toHaveLength(1);
    expect(text).toContain(`${SOURCE_LESSON}:28:3: not run: block 1 (line 17) of session "main" failed first\n`);
    expect(text).toContain(`${SOURCE_LESSON}:38:1: not run: block 1 (line 17) of session "main" failed first\n`);
    expect(text).toContain(`${SOURCE_LESSON}:52:1: not run: block 1 (line 17) of session "main" failed first\n`);
  });

  it('makes a difference in whitespace visible', () => {
    const root = fixtureCopy();
    corrupt(root, SOURCE_LESSON, 'state DOWN group default \n', 'state DOWN group default\n');
    expect(formatCheckReport(checkLessons([SOURCE_LESSON], options(root)))).toContain(
      '+3:·docker0:·<NO-CARRIER,BROADCAST,MULTICAST,UP>·mtu·1500·qdisc·noqueue·state·DOWN·group·default·\n',
    );
  });

  it('holds a block to the exit status its fence states', () => {
    const root = fixtureCopy();
    corrupt(root, SOURCE_LESSON, '```console exit=1', '```console');
    expect(formatCheckReport(checkLessons([SOURCE_LESSON], options(root)))).toContain(
      `${SOURCE_LESSON}:53:1: the block's last command exits with status 1; if that failure is the point, add exit=1 to the fence\n`,
    );
  });

  it('reports a translation that types a different command, naming both files and lines', () => {
    const root = fixtureCopy();
    corrupt(root, TRANSLATED_LESSON, '# iptables -t nat -S', '# iptables -t nat -L');
    const report = checkLessons([TRANSLATED_LESSON], options(root));
    expect(report.translations).toEqual([
      {
        translation: { path: TRANSLATED_LESSON, line: 43 },
        source: { path: SOURCE_LESSON, line: 39 },
        message: 'block 3 types `# iptables -t nat -L` where the source types `# iptables -t nat -S`',
      },
    ]);
  });

  it('reports a translation that lacks a block', () => {
    const root = fixtureCopy();
    const text = read(root, TRANSLATED_LESSON);
    write(root, TRANSLATED_LESSON, text.slice(0, text.lastIndexOf('```console norun')));
    expect(checkLessons([SOURCE_LESSON], options(root)).translations[0]!.message).toBe(
      'the translation lacks console block 5: it has 4 blocks, the source has 5',
    );
  });

  it('locates an unknown fence option and suggests the right one', () => {
    const root = fixtureCopy();
    corrupt(root, SOURCE_LESSON, '```console exit=1', '```console exits=1');
    const report = checkLessons([SOURCE_LESSON], options(root));
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]).toBeInstanceOf(LessonError);
    expect(report.errors[0]!.message).toBe(
      `${SOURCE_LESSON}:52:4: console block options: unknown option "exits" (did you mean exit=?); a console block takes setup, norun, pin, reset, session=NAME, exit=N, interrupt=SECONDS, cols=N`,
    );
  });

  it('runs nothing again when only prose or a translation changed, and re-runs from the edited block on', () => {
    const root = fixtureCopy();
    const cache = memoryCache();
    const first = checkLessons([], options(root, cache));
    expect(first.checks.map((check) => check.run.executed)).toEqual([4, 0]);
    corrupt(root, SOURCE_LESSON, 'Las reglas NAT vacías', 'Las reglas NAT, vacías,');
    expect(checkLessons([SOURCE_LESSON], options(root, cache)).checks[0]!.run.executed).toBe(0);
    corrupt(root, SOURCE_LESSON, '# iptables -t nat -S', '# iptables -t nat -S POSTROUTING');
    expect(checkLessons([SOURCE_LESSON], options(root, cache)).checks[0]!.run.executed).toBe(2);
  });
});
