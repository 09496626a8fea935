/**
 * A JSON object the browser keeps in localStorage for the reader: progress that
 * survives a reload and a language switch and never leaves the reader's machine.
 */

/** Storage can be missing or refuse (private modes, full quota): what it would keep then lasts the page's life only. */
function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

/** The object kept under `key`: an empty one when there is none, or what is there is not a JSON object. */
export function readStored<T extends object>(key: string): T {
  try {
    const parsed: unknown = JSON.parse(storage()?.getItem(key) ?? '{}');
    return (parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? parsed : {}) as T;
  } catch {
    return {} as T;
  }
}

export function writeStored(key: string, value: object): void {
  try {
    storage()?.setItem(key, JSON.stringify(value));
  } catch {
    // Full or refused: the page still shows the change until it is left.
  }
}
