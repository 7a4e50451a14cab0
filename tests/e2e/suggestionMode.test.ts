import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readGovernance } from '../../shared/model/readDraft.js';
import type { TestServer } from '../support/testServer.js';
import { caretAtEndOfClause, deepText, editorText, openDraft, selectText, settle, until } from './support/draftPage.js';
import { plainParagraph, seedDraft } from './support/seedDraft.js';
import { startServerAndBrowser } from './support/serverAndBrowser.js';

/**
 * Suggestion mode in three browsers: a member turns Propose on, types a replacement and a
 * deletion in one paragraph and tables them with Enter; another member sees them inline with
 * the first one's delegation code, live, and supports one; the chair accepts both and every
 * page's text changes.
 */
describe('suggestion mode: tracked changes tabled as proposals', () => {
  let server: TestServer;
  let browser: Browser;
  let stop: (() => Promise<void>) | undefined;
  let docId: string;
  let chair: { context: BrowserContext; page: Page };
  let ana: { context: BrowserContext; page: Page };
  let kofi: { context: BrowserContext; page: Page };
  const text = 'States should cooperate closely on incidents.';
  const proposals = async () =>
    readGovernance((await server.accord.services.rooms.get(docId)).doc.getMap('gov')).proposals ?? [];

  beforeAll(async () => {
    ({ server, browser, stop } = await startServerAndBrowser());
    docId = await seedDraft(server, 'Suggestions', 'Measures', [plainParagraph('p-one', text)]);
    const c = await server.addPerson(docId, 'chair', 'Carla Chair');
    const a = await server.addPerson(docId, 'member', 'Ana Souza');
    const k = await server.addPerson(docId, 'member', 'Kofi Otieno');
    chair = await openDraft(browser, server, c.userId, docId);
    ana = await openDraft(browser, server, a.userId, docId);
    kofi = await openDraft(browser, server, k.userId, docId);
  }, 90_000);

  afterAll(() => stop?.());

  it('typing and deleting with Propose on suggest changes; Enter tables them; others see them live', async () => {
    const page = ana.page;
    await page.locator('.accord-editor').focus();
    await page.keyboard.press('Control+Shift+E');
    await expect.poll(() => page.getByRole('button', { name: /^Propose/ }).getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => page.getByTestId('propose-status').textContent()).toContain('Propose mode is on');

    await selectText(page, 'should');
    await page.keyboard.type('shall');
    await selectText(page, ' closely');
    await page.keyboard.press('Backspace');
    await settle(page);
    // Nothing changed in the shared text: the change is drawn, struck and underlined.
    expect(await editorText(page)).toBe(`Measures${text}`);
    expect(await page.locator('.accord-editor .accord-suggest-del').allTextContents()).toEqual(['should', ' closely']);
    expect(await page.locator('.accord-editor .accord-suggest-ins').allTextContents()).toEqual(['shall']);
    expect(await deepText(page.locator('.suggestion-bar'))).toContain('2 changes not yet tabled in paragraph 1');
    const axe = await new AxeBuilder({ page })
      .include('.draft-main')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa', 'best-practice'])
      .analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

    await page.getByLabel('Justification (optional)').fill('A binding commitment.');
    await page.locator('.accord-editor .accord-clause p').first().click();
    await settle(page);
    await page.keyboard.press('Enter');
    await until(async () => (await proposals()).length === 2, 'two proposals on the server');
    const tabled = await proposals();
    expect(tabled.map((p) => [p.kind, p.quote, p.text, p.justification])).toEqual([
      ['replace', 'should', 'shall', 'A binding commitment.'],
      ['delete', ' closely', '', 'A binding commitment.'],
    ]);
    const code = tabled[0]?.proposer.delegation;
    expect(code).toBeTruthy();
    await expect.poll(() => page.getByTestId('propose-status').textContent()).toContain('2 proposals tabled');

    // Kofi sees them inline, with Ana's delegation code, without reloading; the text is unchanged.
    const badges = kofi.page.locator('.accord-editor .accord-suggest-badge');
    await until(
      async () => (await badges.allTextContents()).join('|') === `${code}|${code}`,
      "Ana's code on Kofi's page",
    );
    expect(await kofi.page.locator('.accord-editor .accord-suggest-del').allTextContents()).toEqual([
      'should',
      ' closely',
    ]);
    expect(await kofi.page.locator('.accord-editor .accord-suggest-ins').allTextContents()).toEqual(['shall']);
    expect(await editorText(kofi.page)).toBe(`Measures${text}`);
  });

  it('another delegation supports one; the chair accepts both and everyone reads the new text', async () => {
    await kofi.page.locator('.accord-editor p').first().click();
    const panel = kofi.page.locator('accord-paragraph-panel');
    const group = panel.getByRole('group', { name: /Act on the proposal by Ana Souza/ }).first();
    await group.getByRole('button', { name: 'Support' }).click();
    await until(async () => (await proposals())[0]?.support.length === 1, 'the support on the server');

    await chair.page.locator('.accord-editor p').first().click();
    const chairPanel = chair.page.locator('accord-paragraph-panel');
    for (let i = 0; i < 2; i++) {
      const n = (await proposals()).filter((p) => p.state === 'pending').length;
      await chairPanel
        .getByRole('group', { name: /Act on the proposal by Ana Souza/ })
        .first()
        .getByRole('button', { name: 'Accept', exact: true })
        .click();
      await until(
        async () => (await proposals()).filter((p) => p.state === 'pending').length === n - 1,
        'the decision',
      );
    }
    for (const page of [chair.page, ana.page, kofi.page]) {
      await until(
        async () => (await editorText(page)) === 'MeasuresStates shall cooperate on incidents.',
        'the accepted text everywhere',
      );
      await until(
        async () => (await page.locator('.accord-editor .accord-suggest').count()) === 0,
        'no tracked change left',
      );
    }
  });

  it('an IME composition in Propose mode suggests its commit once, not every state it went through', async () => {
    const page = kofi.page;
    await caretAtEndOfClause(page, 0);
    await page.keyboard.press('Control+Shift+E');
    await page.keyboard.press('ArrowLeft');
    await settle(page);
    const ime = await kofi.context.newCDPSession(page);
    for (const t of ['x', 'xi', '信息']) {
      await ime.send('Input.imeSetComposition', { text: t, selectionStart: t.length, selectionEnd: t.length });
    }
    await ime.send('Input.insertText', { text: '信息' });
    await page.keyboard.type('ab');
    await until(
      async () => (await page.locator('.accord-editor .accord-suggest-ins').allTextContents()).join('|') === '信息ab',
      'one suggested insertion 信息ab',
    );
    expect(await editorText(page)).toBe('MeasuresStates shall cooperate on incidents.');
  });
});
