import { describe, expect, it } from 'vitest';
import { cachedLayout } from '../../src/topology/layout-cache';

describe('cachedLayout', () => {
  it('lays an input out once, and gives back what was stored for it, also to a later build', async () => {
    const input = JSON.stringify({ test: 'layout-cache', at: process.hrtime.bigint().toString() });
    let made = 0;
    const make = async () => ({ width: 100 + ++made, nodes: [] });
    expect(await cachedLayout(input, make)).toEqual({ width: 101, nodes: [] });
    expect(await cachedLayout(input, make)).toEqual({ width: 101, nodes: [] });
    expect(made).toBe(1);
    expect(await cachedLayout(`${input} `, make)).toEqual({ width: 102, nodes: [] });
  });
});
