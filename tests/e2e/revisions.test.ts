import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../support/testServer.js';
import { caretAtEndOfClause, openDraft, until, waitForEditor } from './support/draftPage.js';
import { startServerAndBrowser } from './support/serverAndBrowser.js';

describe('the chair issues revisions, compares them and exports the draft', () => {
  let server: TestServer;
  let browser: Browser;
  let stop: (() => Promise<void>) | undefined;
  let docId: string;
  let chair: { context: BrowserContext; page: Page };

  beforeAll(async () => {
    ({ server, browser, stop } = await startServerAndBrowser());
    docId = await server.createDoc('Revisions');
    const c = await server.addPerson(docId, 'chair', 'Carla Chair');
    chair = await openDraft(browser, server, c.userId, docId);
    await caretAtEndOfClause(chair.page, 0);
    await chair.page.keyboard.type('The Group shall meet twice a year.');
  });

  afterAll(() => stop?.());

  const dialog = () => chair.page.locator('dialog[open]');

  async function openRevisions(): Promise<void> {
    await chair.page.getByRole('button', { name: 'Revisions & export', exact: true }).click();
    await dialog().getByRole('heading', { name: 'Issue a revision' }).waitFor();
  }

  /** Issues a revision; the server names them (the first is the zero draft, then Rev.1, Rev.2 …). */
  async function issue(note: string): Promise<string> {
    const count = await dialog().locator('.revision-list li').count();
    await dialog().getByLabel('Note (optional)').fill(note);
    await dialog().getByRole('button', { name: 'Issue revision' }).click();
    const status = dialog().getByText(/issued\.$/);
    await status.waitFor({ timeout: 10_000 });
    await until(async () => (await dialog().locator('.revision-list li').count()) === count + 1, 'revision listed');
    return ((await status.textContent()) ?? '').replace(/ issued\.$/, '');
  }

  it('issues two revisions around an edit and shows their comparison', async () => {
    await openRevisions();
    const first = await issue('First reading');
    await chair.page.keyboard.press('Escape');
    await caretAtEndOfClause(chair.page, 0);
    await chair.page.keyboard.type(' It shall report to the Plenary.');
    // The revision is cut from the server's copy: wait until the typing has reached it.
    await until(async () => {
      const md = await server.api<string>('GET', `/api/documents/${docId}/export?format=md&variant=negotiating`);
      return typeof md.body === 'string' && md.body.includes('Plenary.');
    }, 'edit stored on the server');
    await openRevisions();
    const second = await issue('Second reading');
    expect([first, second]).toEqual(['Zero draft', 'Rev.1']);
    // An issued revision opens read-only, with the text as it was then.
    await dialog()
      .getByRole('button', { name: `Open ${first} (read only)` })
      .click();
    const snapshot = dialog().getByRole('region', { name: `${first} (read only)` });
    await snapshot.waitFor();
    expect(await snapshot.textContent()).toContain('The Group shall meet twice a year.');
    expect(await snapshot.textContent()).not.toContain('report to the Plenary');
    // The comparison opens as a page of its own.
    await dialog().getByLabel('From').selectOption({ label: first });
    await dialog().getByLabel('To').selectOption({ label: second });
    await dialog().getByRole('button', { name: 'Compare' }).click();
    const comparison = chair.page.getByTestId('comparison');
    await comparison.waitFor({ timeout: 10_000 });
    expect(await comparison.textContent()).toContain('report to the Plenary');
    expect(new URL(chair.page.url()).pathname).toBe(`/d/${docId}/compare`);
    await chair.page.goBack();
    await waitForEditor(chair.page);
  });

  it('downloads the draft as DOCX and PDF', async () => {
    if (!(await dialog().isVisible())) await openRevisions();
    for (const [format, magic] of [
      ['docx', 'PK'],
      ['pdf', '%PDF'],
    ] as const) {
      await dialog().getByLabel('Format').selectOption(format);
      const [download] = await Promise.all([
        chair.page.waitForEvent('download', { timeout: 20_000 }),
        dialog().getByRole('button', { name: 'Download', exact: true }).click(),
      ]);
      const path = await download.path();
      const bytes = await readFile(path);
      expect(bytes.byteLength, format).toBeGreaterThan(0);
      expect(bytes.subarray(0, magic.length).toString('latin1'), format).toBe(magic);
    }
  });
});
