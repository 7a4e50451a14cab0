import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../support/testServer.js';
import { openDraft, until } from './support/draftPage.js';
import { startServerAndBrowser } from './support/serverAndBrowser.js';

/**
 * The bell in a real Chromium: a member has the draft open; while a second member also objects,
 * the chair answers the first member's objection over the API; the bell's count (in its
 * accessible name) goes up without a reload and without waiting for the 30-second poll, and the
 * notification, opened with the keyboard, leads to the paragraph and is then read.
 */
describe('the notification bell', () => {
  let server: TestServer;
  let browser: Browser;
  let stop: (() => Promise<void>) | undefined;
  let docId: string;

  beforeAll(async () => {
    ({ server, browser, stop } = await startServerAndBrowser());
    docId = await server.createDoc('Bell draft');
  });
  afterAll(() => stop?.());

  it('counts the answer to my objection live and leads to the paragraph', async () => {
    const ana = await server.addPerson(docId, 'member', 'Ana Souza');
    const kofi = await server.addPerson(docId, 'member', 'Kofi Otieno');
    const chair = await server.addPerson(docId, 'chair', 'Chair Person');
    const { context, page } = await openDraft(browser, server, ana.userId, docId);
    const pid = (await page.locator('.accord-editor .accord-clause').first().getAttribute('data-id')) ?? '';
    expect(pid).not.toBe('');
    const bell = page.getByRole('button', { name: /^Notifications/ });
    await bell.waitFor();
    expect(await bell.getAttribute('aria-label')).toBe('Notifications (none unread)');

    const lodge = (who: typeof ana) =>
      server.api<{ id: string }>(
        'POST',
        `/api/documents/${docId}/paragraphs/${pid}/objections`,
        { reason: 'No' },
        who.token,
      );
    const [mine, theirs] = await Promise.all([lodge(ana), lodge(kofi)]);
    expect([mine.status, theirs.status]).toEqual([201, 201]);
    const answer = (id: string) =>
      server.api('POST', `/api/documents/${docId}/objections/${id}/answer`, { text: 'Answered' }, chair.token);
    const answers = await Promise.all([answer(mine.body.id), answer(theirs.body.id)]);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);

    await page.getByRole('button', { name: 'Notifications (1 unread)' }).waitFor({ timeout: 15_000 });

    // Keyboard only: focus the bell, open it, follow the notification.
    await bell.focus();
    await page.keyboard.press('Enter');
    const panel = page.getByRole('region', { name: 'Notifications' });
    const link = panel.getByRole('link', { name: /Your objection to paragraph 1 was answered/ });
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe(`/d/${docId}#${pid}`);
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    expect(await bell.evaluate((el) => el === document.activeElement)).toBe(true);

    await page.keyboard.press('Enter');
    await link.focus();
    await page.keyboard.press('Enter');
    await until(async () => new URL(page.url()).hash === `#${pid}`, 'the link to the paragraph');
    await page.getByRole('button', { name: 'Notifications (none unread)' }).waitFor();

    // Kofi's notification is his own: still unread.
    const kofis = await server.api<{ unread: number }>('GET', '/api/notifications', undefined, kofi.token);
    expect(kofis.body.unread).toBe(1);
    await context.close();
  });
});
