import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { decodeIncomingFrame, MalformedFrameError } from '../../server/collab/incomingFrame.js';
import { originAllowed } from '../../server/collab/originPolicy.js';
import { ConfigError, loadConfig } from '../../server/config.js';
import {
  encodeAwareness,
  encodeAwarenessUpdate,
  encodeQueryAwareness,
  encodeSyncStep1,
  encodeSyncUpdate,
} from '../../shared/protocol/frames.js';
import { decodeNotice, encodeNotice } from '../../shared/protocol/notice.js';

describe('configuration', () => {
  it('has working defaults', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ PORT: 8080, HOST: '127.0.0.1', DATA_DIR: './data', PUBLIC_URL: 'http://localhost:8080' });
  });

  it('fails fast naming every bad variable', () => {
    expect(() => loadConfig({ PORT: 'eighty', ADMIN_TOKEN: 'short' })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: 'eighty', ADMIN_TOKEN: 'short' });
    } catch (e) {
      expect(String(e)).toMatch(/PORT/);
      expect(String(e)).toMatch(/ADMIN_TOKEN must be at least 16 characters/);
    }
  });
});

describe('origin policy (cross-site WebSocket hijacking)', () => {
  it('accepts our own origin and clients that send none', () => {
    expect(originAllowed('https://accord.example.org', 'https://accord.example.org')).toBe(true);
    expect(originAllowed(undefined, 'https://accord.example.org')).toBe(true);
  });
  it('refuses other sites, other ports, other schemes and garbage', () => {
    expect(originAllowed('https://evil.example', 'https://accord.example.org')).toBe(false);
    expect(originAllowed('http://accord.example.org', 'https://accord.example.org')).toBe(false);
    expect(originAllowed('http://localhost:9999', 'http://localhost:8080')).toBe(false);
    expect(originAllowed('null', 'http://localhost:8080')).toBe(false);
  });
  it('treats localhost, 127.0.0.1 and [::1] on the same port as the same server', () => {
    expect(originAllowed('http://127.0.0.1:8080', 'http://localhost:8080')).toBe(true);
    expect(originAllowed('http://[::1]:8080', 'http://localhost:8080')).toBe(true);
  });
});

describe('incoming frames are decoded completely before anything is applied', () => {
  const update = (() => {
    const d = new Y.Doc();
    d.getText('t').insert(0, 'hi');
    return Y.encodeStateAsUpdate(d);
  })();

  it('decodes every message type of the y-websocket protocol', () => {
    expect(decodeIncomingFrame(encodeSyncStep1(Y.encodeStateVector(new Y.Doc()))).type).toBe('syncStep1');
    expect(decodeIncomingFrame(encodeSyncUpdate(update))).toMatchObject({ type: 'update' });
    expect(decodeIncomingFrame(encodeQueryAwareness()).type).toBe('queryAwareness');
    const aw = encodeAwareness(encodeAwarenessUpdate([{ clientId: 7, clock: 1, state: { cursor: null } }]));
    expect(decodeIncomingFrame(aw)).toMatchObject({ type: 'awareness', entries: [{ clientId: 7, clock: 1 }] });
  });

  it('rejects garbage, truncation, trailing bytes and unknown types', () => {
    const good = encodeSyncUpdate(update);
    for (const bad of [
      new Uint8Array([]),
      new Uint8Array([0xff, 0xff, 0xff]),
      good.slice(0, good.length - 3),
      new Uint8Array([...good, 1, 2, 3]),
      new Uint8Array([42, 0]),
      encodeAwareness(new Uint8Array([1, 2])),
    ]) {
      expect(() => decodeIncomingFrame(bad)).toThrow(MalformedFrameError);
    }
  });
});

describe('refusal notices', () => {
  it('round-trip and ignore anything that is not ours', () => {
    const n = {
      kind: 'update_refused' as const,
      code: 'paragraph_locked' as const,
      message: 'Locked',
      paragraphIds: ['p1'],
    };
    expect(decodeNotice(encodeNotice(n))).toEqual(n);
    expect(decodeNotice('permission denied')).toBeNull();
    expect(decodeNotice('{"kind":"other"}')).toBeNull();
  });
});
