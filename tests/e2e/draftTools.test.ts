import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../support/signIn.js';
import type { TestServer } from '../support/testServer.js';
import { caretAtEndOfClause, openDraft, until, waitForEditor } from './support/draftPage.js';
import { startServerAndBrowser } from './support/serverAndBrowser.js';

/** Whether the element is wholly inside the visible part of the page (what the user is looking at). */
async function inViewport(page: Page, selector: Parameters<Page['locator']>[0]): Promise<boolean> {
  return page.locator(selector).evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight;
  });
}

describe('revisions, comparison and export for every role; the chair finds their tools in the header', () => {
  let server: TestServer;
  let browser: Browser;
  let stop: (() => Promise<void>) | undefined;
  let docId: string;
  let chairId: string;
  let memberId: string;
  let observerId: string;

  beforeAll(async () => {
    ({ server, browser, stop } = await startServerAndBrowser());
    docId = await server.createDoc('Recommendations on cyber capacity');
    chairId = (await server.addPerson(docId, 'chair', 'Carla Chair')).userId;
    memberId = (await server.addPerson(docId, 'member', 'Maria Member')).userId;
    observerId = (await server.addPerson(docId, 'observer', 'Otto Observer')).userId;
    const chair = await openDraft(browser, server, chairId, docId);
    await caretAtEndOfClause(chair.page, 0);
    await chair.page.keyboard.type('States should designate a national CSIRT.');
    await until(async () => {
      const md = await server.api<string>('GET', `/api/documents/${docId}/export?format=md`);
      return typeof md.body === 'string' && md.body.includes('CSIRT.');
    }, 'the text on the server');
    expect((await server.api('POST', `/api/documents/${docId}/revisions`, { note: 'first' })).status).toBe(201);
    await caretAtEndOfClause(chair.page, 0);
    await chair.page.keyboard.type(' It should cooperate regionally.');
    await until(async () => {
      const md = await server.api<string>('GET', `/api/documents/${docId}/export?format=md`);
      return typeof md.body === 'string' && md.body.includes('regionally.');
    }, 'the edit on the server');
    expect((await server.api('POST', `/api/documents/${docId}/revisions`, { note: 'second' })).status).toBe(201);
    await chair.context.close();
  });

  afterAll(() => stop?.());

  it("puts the chair's tools in the header, on the first screen at 768 px, not below the dashboard", async () => {
    const context = await browser.newContext({ viewport: { width: 768, height: 1000 } });
    await signIn(context, server, chairId);
    const page = await context.newPage();
    await page.goto(`${server.url}/d/${docId}`);
    await waitForEditor(page);
    const tools = page.getByRole('navigation', { name: 'Draft tools' });
    for (const name of ['Revisions & export', 'Members & invitations', 'Audit log']) {
      const button = tools.getByRole('button', { name, exact: true });
      expect(await button.isVisible(), name).toBe(true);
      const box = await button.boundingBox();
      expect(box && box.y + box.height, name).toBeLessThanOrEqual(1000);
    }
    expect(await page.locator('aside.side').getByRole('button', { name: 'Audit log' }).count()).toBe(0);
    await tools.getByRole('button', { name: 'Members & invitations' }).click();
    await page.locator('dialog[open]').getByRole('heading', { name: 'Invite someone' }).waitFor();
    await context.close();
  });

  for (const role of ['member', 'observer'] as const) {
    it(`gives a ${role} a read-only Revisions & export view; the clean-report refusal shows by the button`, async () => {
      const { context, page } = await openDraft(browser, server, role === 'member' ? memberId : observerId, docId);
      const tools = page.getByRole('navigation', { name: 'Draft tools' });
      expect(await tools.getByRole('button', { name: 'Members & invitations' }).count()).toBe(0);
      expect(await tools.getByRole('button', { name: 'Audit log' }).count()).toBe(0);
      await tools.getByRole('button', { name: 'Revisions & export' }).click();
      const dialog = page.locator('dialog[open]');
      await dialog.getByText('Rev.1').first().waitFor();
      expect(await dialog.getByRole('button', { name: 'Issue revision' }).count()).toBe(0);
      expect(await dialog.getByLabel('Mark as draft').count()).toBe(0);
      // An issued revision opens read-only.
      await dialog.getByRole('button', { name: 'Open Zero draft (read only)' }).click();
      expect(await dialog.getByRole('region', { name: 'Zero draft (read only)' }).textContent()).toContain('CSIRT.');

      // The negotiating text downloads.
      await dialog.getByLabel('Format').selectOption('docx');
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 20_000 }),
        dialog.getByRole('button', { name: 'Download', exact: true }).click(),
      ]);
      expect((await readFile(await download.path())).subarray(0, 2).toString('latin1')).toBe('PK');

      // The clean report of an unagreed draft is refused: the reason appears right under "Download", in view.
      await dialog.getByLabel('Text').selectOption('clean');
      await dialog.getByRole('button', { name: 'Download', exact: true }).click();
      const refusal = dialog.locator('form:has(#exp-format) + .part-feedback .error');
      await refusal.waitFor({ timeout: 10_000 });
      expect(await refusal.textContent()).toMatch(
        /The clean report needs every paragraph agreed.*Not agreed: paragraph 1/,
      );
      expect(await inViewport(page, 'dialog[open] form:has(#exp-format) + .part-feedback .error')).toBe(true);
      await context.close();
    });
  }

  it('compares two versions on a printable page of its own, which a link reopens', async () => {
    const { context, page } = await openDraft(browser, server, memberId, docId);
    await page
      .getByRole('navigation', { name: 'Draft tools' })
      .getByRole('button', { name: 'Revisions & export' })
      .click();
    const dialog = page.locator('dialog[open]');
    await dialog.getByLabel('From').selectOption({ label: 'Zero draft' });
    await dialog.getByLabel('To').selectOption({ label: 'Rev.1' });
    await dialog.getByRole('button', { name: 'Compare' }).click();
    await page.getByTestId('comparison').waitFor({ timeout: 10_000 });
    const url = new URL(page.url());
    expect(url.pathname).toBe(`/d/${docId}/compare`);
    expect(Object.fromEntries(url.searchParams)).toEqual({ from: '0', to: '1' });
    expect(await page.getByTestId('comparison').locator('ins').allTextContents()).toContain(
      ' It should cooperate regionally.',
    );
    expect(await page.title()).toBe('Zero draft → Rev.1 — Recommendations on cyber capacity — Accord');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Zero draft → Rev.1');

    // Printed: the comparison and its heading, without the app's header or the controls.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.app-header').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Print' }).isVisible()).toBe(false);
    expect(await page.getByTestId('comparison').isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });

    // The address is the comparison: an observer opening it sees the same.
    const other = await browser.newContext();
    await signIn(other, server, observerId);
    const linked = await other.newPage();
    await linked.goto(url.toString());
    await linked.getByTestId('comparison').waitFor({ timeout: 10_000 });
    expect(await linked.getByTestId('comparison').textContent()).toBe(
      await page.getByTestId('comparison').textContent(),
    );
    // Choosing other versions changes the address.
    await linked.getByLabel('To', { exact: true }).selectOption({ label: 'Live text' });
    await linked.getByRole('button', { name: 'Compare' }).click();
    await until(async () => new URL(linked.url()).searchParams.get('to') === 'live', 'the address to follow');
    await other.close();
    await context.close();
  });

  it('names every page in the tab, the draft title does not stay after leaving the draft; sign-in loads no editor', async () => {
    const { context, page } = await openDraft(browser, server, memberId, docId);
    expect(await page.title()).toBe('Recommendations on cyber capacity — Accord');
    await page.getByRole('link', { name: 'Accord', exact: true }).click();
    await page.getByRole('heading', { name: 'My drafts' }).waitFor();
    expect(await page.title()).toBe('My drafts — Accord');
    await page.goto(`${server.url}/no/such/page`);
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
    expect(await page.title()).toBe('Page not found — Accord');
    const anonymous = await browser.newPage();
    const scripts: string[] = [];
    anonymous.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
    });
    await anonymous.goto(server.url);
    await anonymous.getByRole('heading', { name: 'Sign in to Accord' }).waitFor();
    expect(await anonymous.title()).toBe('Sign in — Accord');
    // The sign-in page loads the entry chunk only, not the editor's.
    expect(scripts).toHaveLength(1);
    expect(scripts[0]).toMatch(/^\/assets\/index-[\w-]+\.js$/);
    expect(await anonymous.evaluate(() => document.querySelector('.accord-editor, .ProseMirror'))).toBeNull();
    await anonymous.close();
    await context.close();
  });
});
