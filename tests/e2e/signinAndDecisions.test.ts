import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashIn, plainTextIn } from '../support/paragraphs.js';
import type { TestServer } from '../support/testServer.js';
import { caretAtEndOfClause, editorText, openDraft, until } from './support/draftPage.js';
import { startServerAndBrowser } from './support/serverAndBrowser.js';

describe('signing in with a link, and deciding on the text one sees, in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let stop: (() => Promise<void>) | undefined;
  let docId: string;

  beforeAll(async () => {
    ({ server, browser, stop } = await startServerAndBrowser());
    docId = await server.createDoc('Sign-in and decisions');
  });
  afterAll(() => stop?.());

  it('a one-time link opens a page; only its Sign in button signs in, once', async () => {
    const person = await server.addPerson(docId, 'member', 'Lina Link');
    const token = await server.accord.store.credentials.issue(person.userId, 'signin_link');
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/signin/${token}`);
    await page.getByRole('heading', { name: 'Sign in to Accord' }).waitFor();
    // Opening (and reloading) the page, as a preview or a scanner would, signs nobody in.
    await page.reload();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(await context.cookies()).toEqual([]);

    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Sign-in and decisions').waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    expect((await context.cookies()).map((c) => c.name)).toEqual(['accord_session']);

    // The used link, opened again in a fresh window, explains how to get a new one.
    const again = await (await browser.newContext()).newPage();
    await again.goto(`${server.url}/signin/${token}`);
    await again.getByRole('button', { name: 'Sign in' }).click();
    await again
      .getByRole('alert')
      .getByText(/no longer valid/)
      .waitFor();
    expect(await again.getByRole('alert').textContent()).toMatch(/new sign-in link/);
    await context.close();
  });

  it('the chair’s Agree and Lock carry the hash of the paragraph as the editor shows it', async () => {
    const chairId = (await server.addPerson(docId, 'chair', 'Carla Chair')).userId;
    const chair = await openDraft(browser, server, chairId, docId);
    await caretAtEndOfClause(chair.page, 0);
    await chair.page.keyboard.type('Words the chair reads.');
    const room = await server.accord.services.rooms.get(docId);
    await until(async () => (await editorText(chair.page)).includes('reads.'), 'typing');
    const pid = (await chair.page.locator('.accord-editor .accord-clause').first().getAttribute('data-id')) ?? '';
    await until(async () => plainTextIn(room.doc, pid).includes('Words the chair reads.'), 'the server');

    const panel = chair.page.locator('accord-paragraph-panel');
    const agreeRequest = chair.page.waitForRequest((r) => r.url().endsWith('/status') && r.method() === 'POST');
    await panel.getByRole('button', { name: 'Agreed', exact: true }).click();
    const agreeBody = JSON.parse((await agreeRequest).postData() ?? '{}') as { textHash?: string };
    const lock = panel.getByRole('button', { name: 'Lock paragraph' });
    await until(async () => await lock.isEnabled(), 'lock button enabled once agreed');
    const lockRequest = chair.page.waitForRequest((r) => r.url().endsWith('/lock') && r.method() === 'POST');
    await lock.click();
    const lockBody = JSON.parse((await lockRequest).postData() ?? '{}') as { textHash?: string };
    await chair.page.locator('.accord-editor .accord-clause.is-locked').waitFor();

    expect(pid).not.toBe('');
    expect(agreeBody.textHash).toBe(hashIn(room.doc, pid));
    expect(lockBody.textHash).toBe(hashIn(room.doc, pid));
    await chair.context.close();
  });
});
