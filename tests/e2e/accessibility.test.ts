import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../support/testServer.js';
import { caretAtEndOfClause, deepText, editorText, openDraft, selectText, settle, until } from './support/draftPage.js';
import { startServerAndBrowser } from './support/serverAndBrowser.js';

// axe over every page and dialog, in every language: pagesAccessibility.test.ts.

describe('accessibility and the keyboard path of every action', () => {
  let server: TestServer;
  let browser: Browser;
  let stop: (() => Promise<void>) | undefined;
  let docId: string;
  let chair: { context: BrowserContext; page: Page };

  const clauses = () => chair.page.locator('.accord-editor .accord-clause');
  const numbers = async () => clauses().evaluateAll((els) => els.map((e) => e.getAttribute('data-number')));

  beforeAll(async () => {
    ({ server, browser, stop } = await startServerAndBrowser());
    docId = await server.createDoc('Accessible draft');
    const c = await server.addPerson(docId, 'chair', 'Carla Chair');
    chair = await openDraft(browser, server, c.userId, docId);
    await caretAtEndOfClause(chair.page, 0);
    await chair.page.keyboard.type('Members shall report annually.');
  });

  afterAll(() => stop?.());

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

  it('names every toolbar button by its visible text first (label in name): "Option +" is announced as "Option +…"', async () => {
    const toolbar = chair.page.getByRole('toolbar', { name: 'Editing and negotiation tools' });
    const buttons = toolbar.locator('button[data-command]');
    const count = await buttons.count();
    expect(count).toBe(9);
    for (let i = 0; i < count; i++) {
      const button = buttons.nth(i);
      const visible = (await button.evaluate((el) => (el.querySelector('bdi') ?? el).textContent ?? '')).trim();
      // The accessible name as the browser computes it, read from the accessibility tree.
      const snapshot = await button.ariaSnapshot();
      const name = /button "([^"]*)"/.exec(snapshot)?.[1] ?? '';
      expect(name.startsWith(visible), `${visible} → ${name}`).toBe(true);
    }
    expect(await toolbar.getByRole('button', { name: /^Option \+/ }).count()).toBe(1);
  });

  it('keeps focus in the panel after a status button (on its heading), never on <body>', async () => {
    await caretAtEndOfClause(chair.page, 0);
    const panel = chair.page.locator('accord-paragraph-panel');
    await panel.getByRole('button', { name: 'Under negotiation', exact: true }).click();
    await until(
      async () => (await deepText(panel.locator('accord-status-badge'))).includes('Under negotiation'),
      'the new status in the panel',
    );
    const focused = await chair.page.evaluate(() => {
      const host = document.activeElement;
      const inner = host?.shadowRoot?.activeElement;
      return { host: host?.tagName, inner: inner?.tagName, text: inner?.textContent };
    });
    expect(focused.host).toBe('ACCORD-PARAGRAPH-PANEL');
    expect(focused.inner).toBe('H2');
    expect(focused.text).toMatch(/^Paragraph /);
    // The keyboard continues from there: Tab reaches the panel's next control, not the page's first.
    await chair.page.keyboard.press('Tab');
    expect(await chair.page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.tagName)).toBe('BUTTON');
  });

  it('reaches the chair tools in one keystroke each (Ctrl+Alt+V, M, L); Escape returns to the text', async () => {
    await caretAtEndOfClause(chair.page, 0);
    for (const [keys, title] of [
      ['Control+Alt+v', 'Revisions and export'],
      ['Control+Alt+m', 'Members and invitations'],
      ['Control+Alt+l', 'Audit log'],
    ] as const) {
      await chair.page.keyboard.press(keys);
      const dialog = chair.page.getByRole('dialog', { name: title });
      await dialog.waitFor();
      await chair.page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
      await until(
        () => chair.page.evaluate(() => document.activeElement?.classList.contains('accord-editor') === true),
        `focus back in the text after ${title}`,
      );
    }
    // Landmarks to jump to: banner, main, the tools' navigation, the side panel.
    for (const [role, name] of [
      ['banner', undefined],
      ['main', undefined],
      ['navigation', 'Draft tools'],
      ['complementary', 'Paragraph, presence and consensus'],
    ] as const) {
      expect(await chair.page.getByRole(role, name ? { name } : {}).count(), role).toBe(1);
    }
  });

  it('tells the status in words and symbols, with a legend, not by colour alone', async () => {
    const dashboard = chair.page.locator('accord-dashboard');
    const legend = dashboard.locator('details.legend');
    await legend.locator('summary').click();
    const text = await deepText(legend);
    for (const words of ['Draft', 'Under negotiation', 'Agreed ad referendum', 'Agreed', 'locked', 'open brackets']) {
      expect(text).toContain(words);
    }
    // In the text itself, a paragraph that is not a draft shows its status in words beside its number.
    const status = await chair.page.locator('.accord-editor .accord-clause').first().getAttribute('data-status');
    expect(status).toBe('Under negotiation');
  });
});
