import { describe, expect, it } from 'vitest';
import { emptyLine, pressKey, splitKeys, submitLine, type LineState } from '../../src/terminal/line-editor';

/** Presses each key of what xterm would deliver, as a reader types it. */
function type(state: LineState, data: string): { state: LineState; actions: string[] } {
  const actions: string[] = [];
  for (const key of splitKeys(data)) {
    const pressed = pressKey(state, key);
    state = pressed.state;
    if (pressed.action !== 'none') actions.push(pressed.action);
  }
  return { state, actions };
}

const LEFT = '\x1b[D';
const RIGHT = '\x1b[C';
const UP = '\x1b[A';
const DOWN = '\x1b[B';

describe('the line editor', () => {
  it('inserts at the cursor and moves with arrows, Home and End, and Ctrl-A/E', () => {
    let { state } = type(emptyLine(), 'docker ps');
    expect(state).toMatchObject({ buffer: 'docker ps', cursor: 9 });
    ({ state } = type(state, `${LEFT}${LEFT}network ${RIGHT}`));
    expect(state).toMatchObject({ buffer: 'docker network ps', cursor: 16 });
    ({ state } = type(state, '\x1b[H'));
    expect(state.cursor).toBe(0);
    ({ state } = type(state, '\x05'));
    expect(state.cursor).toBe(17);
    ({ state } = type(state, '\x01sudo '));
    expect(state).toMatchObject({ buffer: 'sudo docker network ps', cursor: 5 });
  });

  it('cuts with Ctrl-U, Ctrl-K and Ctrl-W as readline does, and Ctrl-Y puts it back', () => {
    let { state } = type(emptyLine(), 'docker network create red-app');
    ({ state } = type(state, '\x17'));
    expect(state).toMatchObject({ buffer: 'docker network create ', killed: 'red-app' });
    ({ state } = type(state, '\x19'));
    expect(state.buffer).toBe('docker network create red-app');
    ({ state } = type(state, `\x01${RIGHT.repeat(6)}\x0b`));
    expect(state).toMatchObject({ buffer: 'docker', killed: ' network create red-app' });
    ({ state } = type(state, '\x15'));
    expect(state).toMatchObject({ buffer: '', cursor: 0, killed: 'docker' });
  });

  it('deletes with Backspace and Delete, and rings the bell at the edges', () => {
    let { state, actions } = type(emptyLine(), '\x7f');
    expect(actions).toEqual(['bell']);
    ({ state } = type(state, `ipp r${LEFT}${LEFT}\x7f`));
    expect(state.buffer).toBe('ip r');
    ({ state } = type(state, `\x01\x1b[3~`));
    expect(state.buffer).toBe('p r');
  });

  it('walks the history with Up and Down, keeping the line being typed', () => {
    let state = submitLine(type(emptyLine(), 'ip a').state).next;
    state = submitLine(type(state, 'ip r').state).next;
    state = submitLine(type(state, 'ip r').state).next;
    expect(state.history).toEqual(['ip a', 'ip r']);
    ({ state } = type(state, 'dock'));
    ({ state } = type(state, UP));
    expect(state.buffer).toBe('ip r');
    ({ state } = type(state, UP));
    expect(state.buffer).toBe('ip a');
    const bell = type(state, UP);
    expect(bell.actions).toEqual(['bell']);
    ({ state } = type(state, `${DOWN}${DOWN}`));
    expect(state).toMatchObject({ buffer: 'dock', cursor: 4 });
  });

  it('turns Enter, Tab, Ctrl-C, Ctrl-L and Ctrl-D on an empty line into actions', () => {
    expect(type(emptyLine(), 'ls\r').actions).toEqual(['submit']);
    expect(type(emptyLine(), 'doc\t').actions).toEqual(['complete']);
    expect(type(emptyLine(), 'x\x03').actions).toEqual(['interrupt']);
    expect(type(emptyLine(), '\x0c').actions).toEqual(['clear-screen']);
    expect(type(emptyLine(), '\x04').actions).toEqual(['end-of-file']);
    expect(type(emptyLine(), 'ab\x01\x04').state.buffer).toBe('b');
  });

  it('moves over and deletes a character beyond U+FFFF whole, never half of it', () => {
    let { state } = type(emptyLine(), 'a😀b');
    ({ state } = type(state, `${LEFT}\x7f`));
    expect(state).toMatchObject({ buffer: 'ab', cursor: 1 });
    ({ state } = type(emptyLine(), `😀x\x01\x1b[3~`));
    expect(state.buffer).toBe('x');
    ({ state } = type(emptyLine(), `😀\x01${RIGHT}`));
    expect(state.cursor).toBe(2);
  });

  it('splits a paste into keys, escape sequences whole', () => {
    expect(splitKeys(`ip${LEFT}a\x1b[1;5Dé\r`)).toEqual(['i', 'p', LEFT, 'a', '\x1b[1;5D', 'é', '\r']);
  });
});
