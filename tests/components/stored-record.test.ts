import { afterEach, describe, expect, it } from 'vitest';
import { readStored, writeStored } from '../../src/components/stored-record';

/** A Storage stand-in: localStorage's getItem/setItem over a Map, with a quota that can refuse. */
function fakeStorage(refuseWrites = false) {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => {
      if (refuseWrites) throw new DOMException('quota exceeded', 'QuotaExceededError');
      items.set(key, value);
    },
  };
}

const withWindow = (value: unknown) => Object.defineProperty(globalThis, 'window', { value, configurable: true });

afterEach(() => {
  delete (globalThis as { window?: unknown }).window;
});

describe('stored records', () => {
  it('reads back what was written', () => {
    withWindow({ localStorage: fakeStorage() });
    writeStored('progress', { lesson: { count: 2 } });
    expect(readStored('progress')).toEqual({ lesson: { count: 2 } });
  });

  it('reads an empty record when nothing, an array or broken JSON is stored', () => {
    const storage = fakeStorage();
    withWindow({ localStorage: storage });
    expect(readStored('progress')).toEqual({});
    storage.items.set('progress', '[1,2]');
    expect(readStored('progress')).toEqual({});
    storage.items.set('progress', '{"lesson":');
    expect(readStored('progress')).toEqual({});
  });

  it('neither throws nor keeps anything when storage refuses or is missing', () => {
    withWindow({ localStorage: fakeStorage(true) });
    expect(() => writeStored('progress', { a: 1 })).not.toThrow();
    expect(readStored('progress')).toEqual({});
    withWindow({
      get localStorage(): Storage {
        throw new DOMException('denied', 'SecurityError');
      },
    });
    expect(() => writeStored('progress', { a: 1 })).not.toThrow();
    expect(readStored('progress')).toEqual({});
  });
});
