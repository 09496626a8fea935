import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPayload, storePayload } from '../../../plugins/payloads/payload-store';

const store = () => mkdtempSync(join(tmpdir(), 'payloads-'));

describe('the payload store', () => {
  it('gives back the very JSON stored, under a key that is its hash', () => {
    const directory = store();
    const json = '{"fresh":true,"setup":[{"command":"docker run -dit --name c1 alpine"}]}';
    const key = storePayload(directory, json);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(readPayload(key, directory)).toBe(json);
  });

  it('keeps one file for a value stored by every language of a lesson', () => {
    const directory = store();
    const keys = ['es', 'pt', 'fr'].map(() => storePayload(directory, '{"containers":[]}'));
    expect(new Set(keys).size).toBe(1);
    expect(readdirSync(directory)).toEqual([`${keys[0]}.json`]);
  });

  it('refuses what is not a key, and says to build again when a payload is missing', () => {
    const directory = store();
    expect(() => readPayload('../../package', directory)).toThrow(/not a stored payload's key/);
    expect(() => readPayload('0'.repeat(64), directory)).toThrow(/is missing: .*build again/);
  });

  it('reads a payload from disk once: its key names the same JSON for ever', () => {
    const directory = store();
    const json = '{"read":"once"}';
    const key = storePayload(directory, json);
    expect(readPayload(key, directory)).toBe(json);
    rmSync(join(directory, `${key}.json`));
    expect(readPayload(key, directory)).toBe(json);
  });
});
