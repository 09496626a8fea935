import { describe, expect, it } from 'vitest';
import { goldenFiles, hostFor, readGolden } from './goldens';

/**
 * Every capture of golden/text (capture.sh: Debian 13's GNU tools and BusyBox
 * 1.37's applets) run again in netsim: the host's bash for GNU, a busybox
 * container's shell for BusyBox, the same fixtures beside it.
 */
const TOOLS = [
  'awk',
  'mawk',
  'tr',
  'uniq',
  'sort',
  'xargs',
  'sed',
  'rev',
  'nl',
  'basename',
  'dirname',
  'clear',
  'timeout',
  'less',
  'more',
  'column',
  'watch',
];

describe.each(TOOLS)('%s prints what the real tool prints', (tool) => {
  it.each(goldenFiles(tool))('%s', (file) => {
    const golden = readGolden(file);
    const result = hostFor(golden).run(golden.command);
    expect({ stdout: result.stdout, stderr: result.stderr, exitCode: result.exitCode }).toEqual({
      stdout: golden.stdout,
      stderr: golden.stderr,
      exitCode: golden.exitCode,
    });
  });
});
