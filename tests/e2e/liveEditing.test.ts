import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../support/testServer.js';
import { caretAtEndOfClause, editorText, openDraft, until, waitForEditor } from './support/draftPage.js';
import { startServerAndBrowser } from './support/serverAndBrowser.js';

describe('two people editing one draft in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let stop: (() => Promise<void>) | undefined;
  let docId: string;
  let a: { context: BrowserContext; page: Page };
  let b: { context: BrowserContext; page: Page };
  let nameA: string;

  beforeAll(async () => {
    ({ server, browser, stop } = await startServerAndBrowser());
    docId = await server.createDoc('Live editing');
    const alice = await server.addPerson(docId, 'member', 'Alice Martin');
    const bob = await server.addPerson(docId, 'member', 'Bob Okafor');
    nameA = alice.name;
    a = await openDraft(browser, server, alice.userId, docId);
    b = await openDraft(browser, server, bob.userId, docId);
  });

  afterAll(() => stop?.());

  it('shows what one types in the other page, with their caret and name', async () => {
    await caretAtEndOfClause(a.page, 0);
    await a.page.keyboard.type('The Parties shall cooperate.');
    await until(async () => (await editorText(b.page)).includes('The Parties shall cooperate.'), 'text in page B');
    const caret = b.page.locator('.collaboration-carets__label', { hasText: nameA });
    await caret.waitFor({ timeout: 10_000 });
    expect(await b.page.locator('accord-presence').textContent()).toBeDefined();
    await until(
      async () => (await b.page.locator('accord-presence li').allTextContents()).some((t) => t.includes(nameA)),
      'Alice in the presence list of page B',
    );
  });

  it('keeps the text across a reload', async () => {
    await b.page.reload();
    await waitForEditor(b.page);
    expect(await editorText(b.page)).toContain('The Parties shall cooperate.');
  });

  it('holds edits made offline and converges when back online', async () => {
    await a.context.setOffline(true);
    await a.page.locator('[data-testid=connection]', { hasText: 'Offline' }).waitFor({ timeout: 10_000 });
    await caretAtEndOfClause(a.page, 0);
    await a.page.keyboard.type(' Offline words.');
    await caretAtEndOfClause(b.page, 0);
    await b.page.keyboard.press('Enter');
    await b.page.keyboard.type('Online paragraph.');
    await new Promise((r) => setTimeout(r, 500));
    // While A is offline, B cannot have A's words.
    expect(await editorText(b.page)).not.toContain('Offline words.');
    await a.context.setOffline(false);
    await a.page.locator('[data-testid=connection]', { hasText: 'Connected' }).waitFor({ timeout: 15_000 });
    await until(async () => {
      const [ta, tb] = [await editorText(a.page), await editorText(b.page)];
      return ta === tb && ta.includes('Offline words.') && ta.includes('Online paragraph.');
    }, 'both pages converging');
    // Enter made a new numbered paragraph.
    expect(await b.page.locator('.accord-editor .accord-clause').count()).toBe(2);
    expect(await a.page.locator('.accord-editor .accord-clause').nth(1).getAttribute('data-number')).toBe('2.');
  });
});
