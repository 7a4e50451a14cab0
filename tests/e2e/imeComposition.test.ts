import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../support/testServer.js';
import { editorText, openDraft, settle, until } from './support/draftPage.js';
import { plainParagraph, seedDraft } from './support/seedDraft.js';
import { startServerAndBrowser } from './support/serverAndBrowser.js';

/**
 * Chinese input through the browser's own IME events (CDP Input.imeSetComposition, then
 * Input.insertText to commit, as an IME does) while another delegate types in the same paragraph:
 * the remote keystrokes arrive mid-composition (the y-prosemirror composition problem). The
 * composed words, and the other delegate's words, must end up intact and once, on both pages.
 */
describe('IME composition survives remote edits in the same paragraph', () => {
  let server: TestServer;
  let browser: Browser;
  let stop: (() => Promise<void>) | undefined;
  let docId: string;
  let a: { context: BrowserContext; page: Page };
  let b: { context: BrowserContext; page: Page };
  let ime: CDPSession;

  beforeAll(async () => {
    ({ server, browser, stop } = await startServerAndBrowser());
    docId = await seedDraft(server, 'IME', 'Measures', [plainParagraph('p1', '各国应合作。')]);
    const pa = await server.addPerson(docId, 'member', 'Li Wei');
    const pb = await server.addPerson(docId, 'member', 'Ana Souza');
    a = await openDraft(browser, server, pa.userId, docId);
    b = await openDraft(browser, server, pb.userId, docId);
    ime = await a.context.newCDPSession(a.page);
  });
  afterAll(() => stop?.());

  const compose = (text: string) =>
    ime.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
  const paragraph = (page: Page) => page.locator('.accord-editor .accord-clause p').first();
  /** The paragraph's text as stored: without the other people's carets and name labels, and without widgets. */
  const text = (page: Page) =>
    paragraph(page).evaluate((p) => {
      const clone = p.cloneNode(true) as HTMLElement;
      for (const el of clone.querySelectorAll('[contenteditable=false], .collaboration-carets__caret')) el.remove();
      return clone.textContent ?? '';
    });

  it('keeps the composed 信息交流 and the other page’s text, on both pages', async () => {
    // A: caret at the end of the paragraph, composing pinyin.
    await paragraph(a.page).click();
    await a.page.keyboard.press('End');
    await settle(a.page);
    for (const pinyin of ['x', 'xi', 'xin', 'xinx', 'xinxi']) await compose(pinyin);
    // The browser is really composing: the uncommitted pinyin stands in the paragraph.
    expect(await text(a.page)).toBe('各国应合作。xinxi');

    // B types at the start of the same paragraph while A is still composing; A receives each keystroke.
    await paragraph(b.page).click();
    await b.page.keyboard.press('Home');
    await settle(b.page);
    await b.page.keyboard.type('[B] ');
    await until(async () => (await editorText(a.page)).includes('[B] '), 'B’s words on A’s page mid-composition');
    // The remote update did not end the composition: the pinyin is still there, still being composed.
    expect(await text(a.page)).toBe('[B] 各国应合作。xinxi');

    // A goes on composing, then commits the characters, as an IME does.
    for (const pinyin of ['xinxij', 'xinxijiao', 'xinxijiaoliu']) await compose(pinyin);
    await b.page.keyboard.type('x');
    await until(async () => (await editorText(a.page)).includes('[B] x'), 'a second remote keystroke mid-composition');
    await ime.send('Input.insertText', { text: '信息交流' });

    const expected = '[B] x各国应合作。信息交流';
    for (const [name, page] of [
      ['A', a.page],
      ['B', b.page],
    ] as const) {
      await until(async () => (await text(page)) === expected, `the paragraph on ${name}`).catch(async (err: Error) => {
        throw new Error(`${err.message}: it reads "${await text(page)}", not "${expected}"`);
      });
    }
    // Nothing of the pinyin is left over, and nothing is doubled.
    expect(await text(a.page)).not.toMatch(/[a-w]|信息交流.*信息交流/);
  });
});
