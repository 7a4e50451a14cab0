import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.js';
import { removeDir, startTestServer, type TestServer } from '../support/testServer.js';
import { openDraft, until } from './support/draftPage.js';
import { plainParagraph, seedDraft } from './support/seedDraft.js';

/**
 * A screen-reader user working in a paragraph hears what others decide about it: a polite live
 * region says when the paragraph they are in gets locked, and when their objection is answered.
 */
describe('live announcements of decisions that matter to the reader', () => {
  let server: TestServer;
  let browser: Browser;
  let docId: string;
  let member: { userId: string; token: string };
  let page: Page;
  let context: BrowserContext;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    docId = await seedDraft(server, 'Announcements', 'Measures', [
      plainParagraph('p1', 'States shall cooperate.'),
      plainParagraph('p2', 'States shall report.'),
    ]);
    member = await server.addPerson(docId, 'member', 'Mia Member');
    ({ page, context } = await openDraft(browser, server, member.userId, docId));
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
    if (server) removeDir(server.dataDir);
  });

  const region = () => page.getByTestId('announcements');

  it('is a polite status region, silent on opening the draft', async () => {
    expect(await region().getAttribute('role')).toBe('status');
    expect(await region().getAttribute('aria-live')).toBe('polite');
    expect((await region().textContent())?.trim()).toBe('');
  });

  it('announces that the paragraph the caret is in was just locked, and by whom', async () => {
    await page.locator('.accord-editor .accord-clause').nth(0).locator('p').click();
    const base = `/api/documents/${docId}/paragraphs/p1`;
    expect((await server.api('POST', `${base}/status`, { status: 'agreed' })).status).toBe(200);
    expect((await server.api('POST', `${base}/lock`)).status).toBe(200);
    await until(async () => ((await region().textContent()) ?? '').includes('Paragraph 1 was just locked'), 'lock');
    expect(await region().textContent()).toContain('it can no longer be edited');
  });

  it('announces that my objection was answered', async () => {
    const lodged = await server.api<{ id: string }>(
      'POST',
      `/api/documents/${docId}/paragraphs/p2/objections`,
      { reason: 'Too broad.' },
      member.token,
    );
    expect(lodged.status).toBeLessThan(300);
    const id = lodged.body.id;
    const answered = await server.api('POST', `/api/documents/${docId}/objections/${id}/answer`, {
      text: 'Narrowed in Rev.1.',
    });
    expect(answered.status).toBeLessThan(300);
    await until(
      async () => ((await region().textContent()) ?? '').includes('answered your objection to paragraph 2'),
      'the answer announced',
    );
  });
});
