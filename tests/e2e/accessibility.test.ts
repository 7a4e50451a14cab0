import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.js';
import { removeDir, startTestServer, type TestServer } from '../support/testServer.js';
import { caretAtEndOfClause, editorText, openDraft, selectText, settle, until } from './support/draftPage.js';

/** Violations that block people: axe's serious and critical ones. */
async function blockingViolations(page: Page, include?: string): Promise<string[]> {
  let builder = new AxeBuilder({ page });
  if (include) builder = builder.include(include);
  const result = await builder.analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('accessibility and the keyboard path of every action', () => {
  let server: TestServer;
  let browser: Browser;
  let docId: string;
  let chair: { context: BrowserContext; page: Page };

  const clauses = () => chair.page.locator('.accord-editor .accord-clause');
  const numbers = async () => clauses().evaluateAll((els) => els.map((e) => e.getAttribute('data-number')));

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    docId = await server.createDoc('Accessible draft');
    const c = await server.addPerson(docId, 'chair', 'Carla Chair');
    chair = await openDraft(browser, server, c.userId, docId);
    await caretAtEndOfClause(chair.page, 0);
    await chair.page.keyboard.type('Members shall report annually.');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (server) removeDir(server.dataDir);
  });

  it('brackets the selection (Ctrl+Alt+B) and removes it (Ctrl+Alt+R)', async () => {
    await selectText(chair.page, 'report');
    await chair.page.keyboard.press('Control+Alt+b');
    expect(await chair.page.locator('.accord-editor .accord-bracket').textContent()).toBe('[report]');
    await chair.page.keyboard.press('Control+Alt+r');
    expect(await chair.page.locator('.accord-editor .accord-bracket').count()).toBe(0);
  });

  it('brackets the whole paragraph (Ctrl+Alt+P) and switches preambular/operative (Ctrl+Alt+K)', async () => {
    await caretAtEndOfClause(chair.page, 0);
    await chair.page.keyboard.press('Control+Alt+p');
    expect(await clauses().first().getAttribute('class')).toContain('is-bracketed');
    await chair.page.keyboard.press('Control+Alt+p');
    expect(await clauses().first().getAttribute('class')).not.toContain('is-bracketed');
    await chair.page.keyboard.press('Control+Alt+k');
    expect(await numbers()).toEqual(['PP1']);
    await chair.page.keyboard.press('Control+Alt+k');
    expect(await numbers()).toEqual(['1.']);
  });

  it('Enter starts a new numbered paragraph; Ctrl+Alt+N inserts a "bis" paragraph', async () => {
    await chair.page.keyboard.press('End');
    await settle(chair.page);
    await chair.page.keyboard.press('Enter');
    await chair.page.keyboard.type('Second paragraph.');
    expect(await numbers()).toEqual(['1.', '2.']);
    await caretAtEndOfClause(chair.page, 0);
    await chair.page.keyboard.press('Control+Alt+n');
    await chair.page.keyboard.type('Inserted later.');
    expect(await numbers()).toEqual(['1.', '1 bis.', '2.']);
  });

  it('adds a paragraph alternative (Ctrl+Alt+A) and resolves it (Ctrl+Alt+C)', async () => {
    await caretAtEndOfClause(chair.page, 2);
    await chair.page.keyboard.press('Control+Alt+a');
    const options = await clauses().evaluateAll((els) => els.map((e) => e.getAttribute('data-option')));
    expect(options).toEqual([null, null, 'Option 1', 'Option 2']);
    expect(await numbers()).toEqual(['1.', '1 bis.', '2.', '2.']);
    // The cursor is in the new option: choosing it removes Option 1.
    await chair.page.keyboard.press('Control+Alt+c');
    expect(await numbers()).toEqual(['1.', '1 bis.', '2.']);
    expect(await clauses().evaluateAll((els) => els.filter((e) => e.hasAttribute('data-option')).length)).toBe(0);
  });

  it('adds an inline alternative (Ctrl+Alt+O), typed over, then chooses it (Ctrl+Alt+C)', async () => {
    await selectText(chair.page, 'annually');
    await chair.page.keyboard.press('Control+Alt+o');
    await chair.page.keyboard.type('each year');
    const labels = chair.page.locator('.accord-editor .accord-option-label');
    expect(await labels.allTextContents()).toEqual(['Option 1:', 'Option 2:']);
    await chair.page.keyboard.press('Control+Alt+c');
    expect(await labels.count()).toBe(0);
    const text = await editorText(chair.page);
    expect(text).toContain('Members shall report each year.');
    expect(text).not.toContain('annually');
  });

  it('inserts a section (Ctrl+Alt+S) and reaches the paragraph panel (Ctrl+Alt+G) and back (Ctrl+Alt+E)', async () => {
    await caretAtEndOfClause(chair.page, 2);
    await chair.page.keyboard.press('Control+Alt+s');
    await chair.page.keyboard.type('Follow-up');
    const headings = chair.page.locator('.accord-editor h2');
    expect(await headings.allTextContents()).toEqual(['Section 1', 'Follow-up']);
    await caretAtEndOfClause(chair.page, 0);
    await chair.page.keyboard.press('Control+Alt+g');
    expect(await chair.page.evaluate(() => document.activeElement?.id)).toBe('paragraph-panel');
    await chair.page.keyboard.press('Tab');
    expect(await chair.page.evaluate(() => document.activeElement?.tagName)).toBe('ACCORD-PARAGRAPH-PANEL');
    await chair.page.keyboard.press('Control+Alt+e');
    await until(
      () => chair.page.evaluate(() => document.activeElement?.classList.contains('accord-editor') === true),
      'focus back in the editor',
    );
  });

  it('has no serious or critical axe violations on the draft page', async () => {
    // Put brackets and options on the page so that their rendering is checked too.
    await selectText(chair.page, 'Second');
    await chair.page.keyboard.press('Control+Alt+b');
    await selectText(chair.page, 'later');
    await chair.page.keyboard.press('Control+Alt+o');
    expect(await blockingViolations(chair.page)).toEqual([]);
  });

  it('has no serious or critical axe violations in the chair dialogs', async () => {
    for (const name of ['Members & invitations', 'Revisions & export', 'Audit log']) {
      await chair.page.getByRole('button', { name, exact: true }).click();
      const dialog = chair.page.locator('dialog[open]');
      await dialog.waitFor();
      await chair.page.waitForTimeout(300);
      expect(await blockingViolations(chair.page, 'dialog[open]'), name).toEqual([]);
      await chair.page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' }).catch(() => undefined);
      await chair.page.locator('dialog[open]').waitFor({ state: 'hidden' });
    }
  });

  it('has no serious or critical axe violations on the list and sign-in pages', async () => {
    await chair.page.goto(`${server.url}/`);
    await chair.page.getByRole('heading', { name: 'My drafts' }).waitFor();
    expect(await blockingViolations(chair.page)).toEqual([]);
    const anonymous = await browser.newContext();
    const page = await anonymous.newPage();
    await page.goto(`${server.url}/`);
    await page.getByRole('heading', { name: 'Sign in to Accord' }).waitFor();
    expect(await blockingViolations(page)).toEqual([]);
    await anonymous.close();
  });
});
