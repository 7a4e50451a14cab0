import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.js';
import { removeDir, startTestServer, type TestServer } from '../support/testServer.js';
import { caretAtEndOfClause, deepText, openDraft, until } from './support/draftPage.js';

describe('the chair issues revisions, compares them and exports the draft', () => {
  let server: TestServer;
  let browser: Browser;
  let docId: string;
  let chair: { context: BrowserContext; page: Page };
  /** The revisions and export API are built separately; until they exist these tests are skipped. */
  let available = false;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    docId = await server.createDoc('Revisions');
    available = (await server.api('GET', `/api/documents/${docId}/revisions`)).status === 200;
    const c = await server.addPerson(docId, 'chair', 'Carla Chair');
    chair = await openDraft(browser, server, c.userId, docId);
    await caretAtEndOfClause(chair.page, 0);
    await chair.page.keyboard.type('The Group shall meet twice a year.');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (server) removeDir(server.dataDir);
  });

  const dialog = () => chair.page.locator('dialog[open]');

  async function openRevisions(): Promise<void> {
    await chair.page.getByRole('button', { name: 'Revisions & export', exact: true }).click();
    await dialog().getByRole('heading', { name: 'Issue a revision' }).waitFor();
  }

  async function issue(note: string, label: string): Promise<void> {
    await dialog().getByLabel('Note (optional)').fill(note);
    await dialog().getByRole('button', { name: 'Issue revision' }).click();
    await dialog().getByText(`${label} issued.`).waitFor({ timeout: 10_000 });
  }

  it('issues Rev.1, edits, issues Rev.2 and shows the comparison', async (ctx) => {
    if (!available) ctx.skip();
    await openRevisions();
    await issue('First reading', 'Rev.1');
    await chair.page.keyboard.press('Escape');
    await caretAtEndOfClause(chair.page, 0);
    await chair.page.keyboard.type(' It shall report to the Plenary.');
    await until(async () => (await deepText(chair.page.locator('accord-dashboard'))).length > 0, 'dashboard');
    await openRevisions();
    await issue('Second reading', 'Rev.2');
    const list = dialog().locator('.revision-list li');
    expect(await list.count()).toBe(2);
    await dialog().getByLabel('From').selectOption({ label: 'Rev.1' });
    await dialog().getByLabel('To').selectOption({ label: 'Rev.2' });
    await dialog().getByRole('button', { name: 'Compare' }).click();
    const comparison = dialog().getByTestId('comparison');
    await comparison.waitFor({ timeout: 10_000 });
    expect(await comparison.textContent()).toContain('report to the Plenary');
    // An issued revision opens read-only.
    await dialog().getByRole('button', { name: 'Open Rev.1 (read only)' }).click();
    await dialog().getByRole('region', { name: 'Rev.1 (read only)' }).waitFor();
  });

  it('downloads the draft as DOCX and PDF', async (ctx) => {
    if (!available) ctx.skip();
    if (!(await dialog().isVisible())) await openRevisions();
    for (const [format, magic] of [
      ['docx', 'PK'],
      ['pdf', '%PDF'],
    ] as const) {
      await dialog().getByLabel('Format').selectOption(format);
      const [download] = await Promise.all([
        chair.page.waitForEvent('download', { timeout: 20_000 }),
        dialog().getByRole('button', { name: 'Download' }).click(),
      ]);
      const path = await download.path();
      const bytes = await readFile(path);
      expect(bytes.byteLength, format).toBeGreaterThan(0);
      expect(bytes.subarray(0, magic.length).toString('latin1'), format).toBe(magic);
    }
  });
});
