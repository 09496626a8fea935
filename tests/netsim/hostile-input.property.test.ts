import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Host } from '../../src/netsim/index';
import { hostileLine } from './hostile-input';

describe('netsim under hostile input', () => {
  it('ends every line with output and an exit status, never an exception', () => {
    fc.assert(
      fc.property(fc.array(hostileLine, { minLength: 1, maxLength: 6 }), (lines) => {
        const host = Host.create({ seed: 11 });
        host.run('docker run -dit --name c1 alpine');
        for (const typed of lines) {
          const result = host.run(typed, { asRoot: typed.startsWith('sudo ') });
          expect(typeof result.output).toBe('string');
          expect(Number.isInteger(result.exitCode)).toBe(true);
          expect(result.output).not.toMatch(/\bNaN\b|\[object Object\]|\bundefined\b/);
        }
      }),
      { numRuns: 120, seed: 20261207 },
    );
  }, 120_000);
});
