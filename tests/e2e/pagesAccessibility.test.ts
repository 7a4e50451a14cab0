import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Language, languages } from '../../shared/i18n/languages.js';
import { signIn } from '../support/signIn.js';
import type { TestServer } from '../support/testServer.js';
import { caretAtEndOfClause, selectText, until } from './support/draftPage.js';
import { startServerAndBrowser } from './support/serverAndBrowser.js';

/** WCAG 2.2 AA and axe's best practices: every violation counts, whatever its impact. */
const tags = ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa', 'best-practice'];

async function violations(page: Page, include?: string): Promise<string[]> {
  let builder = new AxeBuilder({ page }).withTags(tags);
  if (include) builder = builder.include(include);
  const result = await builder.analyze();
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/**
 * Every page and every dialog passes axe in all six languages. A page is loaded once and the
 * language switched in its header (as a person would), so each language costs the checks, not the
 * page loads; pages without a header (the projection) are opened once per language. Selectors
 * never name English words: the same steps run in every language.
 */
describe('every page and dialog passes axe in all six languages', () => {
  let server: TestServer;
  let browser: Browser;
  let stop: (() => Promise<void>) | undefined;
  let docId: string;

  beforeAll(async () => {
    ({ server, browser, stop } = await startServerAndBrowser());
    docId = await server.createDoc('Accessible draft');
    expect((await server.api('POST', `/api/documents/${docId}/revisions`, {})).status).toBe(201);
  });
  afterAll(() => stop?.());

  /** A context whose browser prefers `lang` (navigator.languages), signed in as `userId` if given. */
  async function contextFor(lang: Language, userId?: string): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ locale: lang, viewport: { width: 1300, height: 900 } });
    if (userId) await signIn(context, server, userId);
    const page = await context.newPage();
    page.on('pageerror', (e) => console.error(`[page error] ${e.message}`));
    return { context, page };
  }
  const inLanguage = (page: Page, lang: Language) =>
    until(async () => (await page.evaluate(() => document.documentElement.lang)) === lang, `<html lang=${lang}>`);

  /** Switches the interface language with the header's switch, as a person would. */
  async function switchTo(page: Page, lang: Language): Promise<void> {
    await page.locator('.language-switch select').selectOption(lang);
    await inLanguage(page, lang);
  }

  /** Loads nothing: checks the page as it stands in each language, and names the failing one. */
  async function inEveryLanguage(page: Page, what: string, ready?: () => Promise<unknown>): Promise<void> {
    for (const lang of languages) {
      await switchTo(page, lang);
      await ready?.();
      expect(await violations(page), `${what} in ${lang}`).toEqual([]);
    }
  }

  it('signed-out pages: sign-in, sign-in link and invitation', async () => {
    const { context, page } = await contextFor('en');
    await page.goto(server.url);
    await page.locator('#signin-title').waitFor();
    await inEveryLanguage(page, 'signed out');

    const someone = await server.accord.store.users.create('Sam Someone', 'Delegation of Chile');
    const link = await server.accord.store.credentials.issue(someone.userId, 'signin_link');
    await page.goto(`${server.url}/signin/${link}`);
    await page.locator('#signin-link-title').waitFor();
    await inEveryLanguage(page, 'sign-in link');

    const invite = await server.api<{ token: string }>('POST', `/api/documents/${docId}/invites`, {
      role: 'member',
      ttlHours: 24,
    });
    await page.goto(`${server.url}/invite/${invite.body.token}`);
    await page.locator('#invite-title').waitFor();
    await inEveryLanguage(page, 'invitation');
    await context.close();
  }, 240_000);

  it('signed-in pages: home, not found and the comparison of revisions', async () => {
    const { context, page } = await contextFor('en', 'admin');
    await page.goto(server.url);
    await page.locator('#import-title').waitFor();
    await inEveryLanguage(page, 'home');
    await page.goto(`${server.url}/nowhere`);
    await page.locator('h1').waitFor();
    await inEveryLanguage(page, 'not found');
    await page.goto(`${server.url}/d/${docId}/compare?from=0&to=live`);
    const comparison = page.getByTestId('comparison');
    await comparison.waitFor({ timeout: 90_000 });
    // The comparison is asked for again in the new language: check it once it is back.
    await inEveryLanguage(page, 'comparison', () => comparison.waitFor({ timeout: 90_000 }));
    await context.close();
  }, 240_000);

  it('the draft page with brackets and options, and every dialog of the chair', async () => {
    const chair = await server.addPerson(docId, 'chair', 'Chair of the group');
    const { context, page } = await contextFor('en', chair.userId);
    await page.goto(`${server.url}/d/${docId}`);
    await page.locator('.accord-editor .accord-clause').first().waitFor({ timeout: 30_000 });
    await page.locator('[data-testid=connection][data-tone=ok]').waitFor({ timeout: 30_000 });
    await caretAtEndOfClause(page, 0);
    await page.keyboard.type(' States should cooperate.');
    await selectText(page, 'States');
    await page.keyboard.press('Control+Alt+b');
    await selectText(page, 'cooperate');
    await page.keyboard.press('Control+Alt+o');
    await caretAtEndOfClause(page, 0);

    const dialog = page.locator('dialog[open]');
    /** Opens a dialog, waits for its content, checks it, and closes it with Escape. */
    const checkDialog = async (lang: Language, name: string, open: () => Promise<void>, content: string) => {
      await open();
      await dialog.waitFor();
      await dialog.locator(content).first().waitFor({ timeout: 60_000 });
      expect(await violations(page, 'dialog[open]'), `${name} in ${lang}`).toEqual([]);
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
    };
    const tool = (name: string) => () => page.locator(`.draft-tools [data-tool=${name}]`).click();
    for (const lang of languages) {
      await switchTo(page, lang);
      expect(await violations(page), `draft page in ${lang}`).toEqual([]);
      await checkDialog(lang, 'revisions and export', tool('revisions'), 'table, form');
      await checkDialog(lang, 'members', tool('members'), 'table');
      await checkDialog(lang, 'audit', tool('audit'), 'table, form');
      await checkDialog(lang, 'screen', tool('screen'), 'select');
      await checkDialog(lang, 'silence procedure', tool('silence'), 'form');
      await checkDialog(lang, 'shortcuts', () => page.locator('.toolbar button[title]').last().click(), 'table');
      await page.locator('.bell-button').click();
      await page.locator('.notification-panel').waitFor();
      expect(await violations(page, '.notification-bell'), `notifications in ${lang}`).toEqual([]);
      await page.locator('.bell-button').click();
      await page.locator('.notification-panel').waitFor({ state: 'hidden' });
    }
    await context.close();
  }, 480_000);

  it('the projection through a screen link, in the language of the room computer', async () => {
    const link = await server.api<{ url: string }>('POST', `/api/documents/${docId}/screen-links`, { label: 'Room' });
    expect(link.status).toBe(201);
    const secret = link.body.url.split('#')[1] ?? '';
    for (const lang of languages) {
      const { context, page } = await contextFor(lang);
      await page.goto(`${server.url}/screen#${secret}`);
      await page.locator('.projected-paragraph').first().waitFor({ timeout: 30_000 });
      await inLanguage(page, lang);
      expect(await violations(page), `projection in ${lang}`).toEqual([]);
      await context.close();
    }
  }, 240_000);
});
