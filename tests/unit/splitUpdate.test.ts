import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { splitUpdate, UpdateTooLarge } from '../../client/collab/splitUpdate.js';

/** Defect 20: a backlog split into parts that each integrate completely, in order, to the same state. */
describe('splitting an update under a size limit', () => {
  function backlog(): { base: Uint8Array; update: Uint8Array; whole: Y.Doc } {
    const server = new Y.Doc();
    const root = server.getXmlFragment('default');
    const section = new Y.XmlElement('section');
    root.insert(0, [section]);
    const base = Y.encodeStateAsUpdate(server);
    // Two clients' offline work, the second building on the first's (cross-client references).
    const a = new Y.Doc();
    Y.applyUpdate(a, base);
    const sa = a.getXmlFragment('default').get(0) as Y.XmlElement;
    for (let i = 0; i < 40; i++) {
      const p = new Y.XmlElement('paragraph');
      sa.insert(sa.length, [p]);
      p.insert(0, [new Y.XmlText(`${i} ${'a'.repeat(500)}`)]);
    }
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const sb = b.getXmlFragment('default').get(0) as Y.XmlElement;
    for (let i = 0; i < 40; i += 3) ((sb.get(i) as Y.XmlElement).get(0) as Y.XmlText).insert(3, 'B'.repeat(300));
    sb.delete(5, 2);
    const whole = new Y.Doc();
    Y.applyUpdate(whole, base);
    const update = Y.mergeUpdates([
      Y.encodeStateAsUpdate(a, Y.encodeStateVector(server)),
      Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)),
    ]);
    Y.applyUpdate(whole, update);
    return { base, update, whole };
  }

  it('gives parts under the limit that integrate one by one, with nothing pending, to the same document', () => {
    const { base, update, whole } = backlog();
    const parts = splitUpdate(update, 4096);
    expect(parts.length).toBeGreaterThan(5);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, base);
    for (const part of parts) {
      expect(part.byteLength).toBeLessThanOrEqual(4096);
      Y.applyUpdate(doc, part);
      expect(doc.store.pendingStructs).toBeNull();
      expect(doc.store.pendingDs).toBeNull();
    }
    expect(doc.getXmlFragment('default').toString()).toBe(whole.getXmlFragment('default').toString());
    expect(Y.encodeStateVector(doc)).toEqual(Y.encodeStateVector(whole));
  });

  it('returns a small update as it is, and refuses to split a single piece larger than the limit', () => {
    const { update } = backlog();
    expect(splitUpdate(update, update.byteLength)).toEqual([update]);
    const big = new Y.Doc();
    big.getXmlFragment('default').insert(0, [new Y.XmlText('z'.repeat(10_000))]);
    expect(() => splitUpdate(Y.encodeStateAsUpdate(big), 4096)).toThrow(UpdateTooLarge);
  });
});
