import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_PRESENCE_DEPTH, nestingDepth, parsePresenceState } from '../../server/collab/presenceState.js';

const bytes = (s: string) => new TextEncoder().encode(s);

function depthOf(v: unknown): number {
  if (Array.isArray(v)) return 1 + Math.max(0, ...v.map(depthOf));
  if (typeof v === 'object' && v !== null) return 1 + Math.max(0, ...Object.values(v).map(depthOf));
  return 0;
}

describe('presence states are parsed within bounds', () => {
  it('measures the nesting depth of any JSON text without recursion, brackets in strings ignored', () => {
    const seed = Number(process.env.PRESENCE_SEED ?? Date.now() % 1_000_000);
    console.info(`presenceState property seed ${seed} (replay: PRESENCE_SEED=${seed})`);
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 8 }), (v) => {
        expect(nestingDepth(JSON.stringify(v))).toBe(depthOf(v));
      }),
      { seed, numRuns: 300 },
    );
    expect(nestingDepth(`${'['.repeat(50_000)}${']'.repeat(50_000)}`)).toBe(50_000);
  });

  const caret = { type: null, tname: 'default', item: { client: 1, clock: 2 }, assoc: -1 };

  it('keeps only what presence needs', () => {
    const parsed = parsePresenceState(
      bytes(
        JSON.stringify({
          user: { name: 'The Chair', role: 'chair', color: '#12ab34' },
          cursor: { anchor: caret, head: caret, extra: 1 },
          paragraph: 'p-12',
          script: '<script>',
        }),
      ),
      4096,
    );
    expect(parsed).toEqual({
      ok: true,
      state: {
        cursor: { anchor: caret, head: caret },
        paragraph: 'p-12',
        color: '#12ab34',
      },
    });
    const odd = parsePresenceState(bytes(JSON.stringify({ paragraph: '../etc', user: { color: 'red;x' } })), 4096);
    expect(odd).toEqual({ ok: true, state: {} });
    expect(parsePresenceState(bytes('null'), 4096)).toEqual({ ok: true, state: null });
  });

  it('drops carets that Yjs could not resolve', () => {
    for (const cursor of [
      { anchor: 1, head: 1 },
      { anchor: caret },
      { anchor: { type: null, tname: null, item: null }, head: caret },
      { anchor: { ...caret, tname: 'gov', item: null }, head: caret },
      { anchor: { ...caret, item: { client: -1, clock: 0 } }, head: caret },
      { anchor: { ...caret, assoc: 0.5 }, head: caret },
    ]) {
      expect(parsePresenceState(bytes(JSON.stringify({ cursor })), 4096)).toEqual({ ok: true, state: {} });
    }
  });

  it('refuses states that are too large, too deep, not JSON or not an object', () => {
    expect(parsePresenceState(bytes(JSON.stringify({ cursor: 'x'.repeat(5000) })), 4096)).toMatchObject({
      reason: 'too large',
    });
    const deep = `{"cursor":${'['.repeat(MAX_PRESENCE_DEPTH)}${']'.repeat(MAX_PRESENCE_DEPTH)}}`;
    expect(parsePresenceState(bytes(deep), 4096)).toMatchObject({ reason: 'too deep' });
    expect(parsePresenceState(bytes('{"cursor":'), 4096)).toMatchObject({ reason: 'not JSON' });
    expect(parsePresenceState(bytes('[1,2]'), 4096)).toMatchObject({ reason: 'not an object' });
  });
});
