import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { converged, KEY_DELAY_MS, placeCaret, seedDraft, serverDraft } from '../support/coediting.js';
import type { TestServer } from '../support/testServer.js';
import { openDraft, selectText, until } from './support/draftPage.js';
import { startServerAndBrowser } from './support/serverAndBrowser.js';

/**
 * Ctrl+Z in a shared draft undoes your own changes only (Yjs' undo manager tracks the
 * editor's own origin), whatever the others did meanwhile, and Ctrl+Shift+Z redoes them.
 */
describe('undo with two people in one paragraph', () => {
  let server: TestServer;
  let browser: Browser;
  let stop: (() => Promise<void>) | undefined;
  let docId: string;
  let ana: Page;
  let ben: Page;

  beforeAll(async () => {
    ({ server, browser, stop } = await startServerAndBrowser());
    docId = await seedDraft(server, 'Undo together', [
      'Shared text.',
      'The Parties agree.',
      'Data shall be shared annually.',
    ]);
    const open = async (name: string) => {
      const person = await server.addPerson(docId, 'member', name);
      return (await openDraft(browser, server, person.userId, docId)).page;
    };
    ana = await open('Ana Alvarez');
    ben = await open('Ben Brandt');
  });

  afterAll(() => stop?.());

  const textOf = async (id: string) => {
    const p = (await serverDraft(server, docId)).sections[0]?.paragraphs.find((q) => q.id === id);
    return p?.blocks.map((b) => (b.type === 'text' ? b.runs.map((r) => r.text).join('') : '')).join('') ?? '';
  };
  const settled = async (id: string, text: string) => {
    let seen = '';
    await until(async () => (seen = await textOf(id)) === text, `"${text}" on the server`).catch((err: Error) => {
      throw new Error(`${err.message}; the server has "${seen}"`);
    });
    await converged(server, docId, [ana, ben]);
  };
  // Yjs groups edits made within 500 ms into one undo step.
  const pause = () => new Promise((r) => setTimeout(r, 700));

  it('undoes only what you typed, not what the other typed in the same paragraph', async () => {
    await placeCaret(ana, 'p1', -1);
    await placeCaret(ben, 'p1', 0);
    await Promise.all([
      ana.keyboard.type(' Ana adds this.', { delay: KEY_DELAY_MS }),
      ben.keyboard.type('Ben first. ', { delay: KEY_DELAY_MS }),
    ]);
    await settled('p1', 'Ben first. Shared text. Ana adds this.');
    await pause();
    // Yjs groups edits less than 500 ms apart into one undo step; a browser stalled on a loaded
    // machine can split one typed sentence into two steps. Undo until Ana's words are gone: every
    // step must leave Ben's words alone.
    let steps = 0;
    while ((await textOf('p1')) !== 'Ben first. Shared text.') {
      expect(steps, 'undo steps for one sentence').toBeLessThan(4);
      const before = await textOf('p1');
      await ana.keyboard.press('Control+z');
      steps++;
      await until(async () => (await textOf('p1')) !== before, 'an undo step on the server');
      expect(await textOf('p1')).toMatch(/^Ben first\. Shared text\./);
    }
    await settled('p1', 'Ben first. Shared text.');
    for (let i = 0; i < steps; i++) await ana.keyboard.press('Control+Shift+z');
    await settled('p1', 'Ben first. Shared text. Ana adds this.');
    await ben.keyboard.press('Control+z');
    await settled('p1', 'Shared text. Ana adds this.');
  });

  it('undoes your own words while the other keeps typing', async () => {
    await placeCaret(ana, 'p2', -1);
    await ana.keyboard.type(' Ana wrote this.', { delay: KEY_DELAY_MS });
    await settled('p2', 'The Parties agree. Ana wrote this.');
    await pause();
    await placeCaret(ben, 'p2', 0);
    await Promise.all([
      ben.keyboard.type('Meanwhile Ben types. ', { delay: KEY_DELAY_MS }),
      (async () => {
        await ana.waitForTimeout(6 * KEY_DELAY_MS);
        await ana.keyboard.press('Control+z');
      })(),
    ]);
    await settled('p2', 'Meanwhile Ben types. The Parties agree.');
  });

  it("undoes your bracket around the other's words, leaving their words", async () => {
    await placeCaret(ben, 'p3', 'Data shall be shared'.length);
    await ben.keyboard.type(' openly', { delay: KEY_DELAY_MS });
    await settled('p3', 'Data shall be shared openly annually.');
    await pause();
    await selectText(ana, 'openly');
    await ana.keyboard.press('Control+Alt+b');
    const bracketed = async () => {
      const block = (await serverDraft(server, docId)).sections[0]?.paragraphs.find((q) => q.id === 'p3')?.blocks[0];
      return block?.type === 'text' ? block.runs.filter((r) => r.brackets.length > 0).map((r) => r.text) : [];
    };
    await until(async () => (await bracketed()).join('') === 'openly', 'the bracket on the server');
    await pause();
    await ana.keyboard.press('Control+z');
    await until(async () => (await bracketed()).length === 0, 'the bracket undone');
    await settled('p3', 'Data shall be shared openly annually.');
    expect(await ben.locator('.accord-editor .accord-bracket').count()).toBe(0);
  });
});
