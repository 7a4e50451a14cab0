import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Language } from '../../shared/i18n/languages.js';
import { launchBrowser } from '../support/browser.js';
import { signIn } from '../support/signIn.js';
import { removeDir, startTestServer, type TestServer } from '../support/testServer.js';
import { caretAtEndOfClause, selectText, until } from './support/draftPage.js';

/** WCAG 2.2 AA and axe's best practices: every violation counts, whatever its impact. */
const tags = ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa', 'best-practice'];

async function violations(page: Page, include?: string): Promise<string[]> {
  let builder = new AxeBuilder({ page }).withTags(tags);
  if (include) builder = builder.include(include);
  const result = await builder.analyze();
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/**
 * Every page and dialog passes axe in English and Arabic (left to right and right to left); in the
 * other four languages the draft page and one dialog do, which keeps the run bounded while every
 * catalog's strings are put on a page and checked.
 */
describe('pages and dialogs pass axe in every language', () => {
  let server: TestServer;
  let browser: Browser;
  let docId: string;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    docId = await server.createDoc('Accessible draft');
    expect((await server.api('POST', `/api/documents/${docId}/revisions`, {})).status).toBe(201);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (server) removeDir(server.dataDir);
  });

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

  /** The draft page with brackets and options on it, so that their rendering is checked too. */
  async function draftPage(lang: Language, chairId: string) {
    const opened = await contextFor(lang, chairId);
    const { page } = opened;
    await page.goto(`${server.url}/d/${docId}`);
    await page.locator('.accord-editor .accord-clause').first().waitFor({ timeout: 30_000 });
    await page.locator('[data-testid=connection][data-tone=ok]').waitFor({ timeout: 30_000 });
    await inLanguage(page, lang);
    return opened;
  }

  const openDialog = async (page: Page, keys: string) => {
    await page.keyboard.press(keys);
    const dialog = page.locator('dialog[open]');
    await dialog.waitFor();
    // The dialog's content loads (members, audit entries) before it is checked.
    await until(async () => (await dialog.locator('table, form').count()) > 0, 'the dialog content', 60_000);
    return dialog;
  };

  for (const lang of ['en', 'ar'] as const) {
    it(`${lang}: sign-in, sign-in link, invitation, home, not-found and comparison pages`, async () => {
      const anonymous = await contextFor(lang);
      await anonymous.page.goto(server.url);
      await anonymous.page.locator('#signin-title').waitFor();
      await inLanguage(anonymous.page, lang);
      expect(await violations(anonymous.page), 'signed out').toEqual([]);

      const someone = server.accord.services.accounts.createUser('Sam Someone', 'Delegation of Chile');
      const link = server.accord.services.accounts.issue(someone.userId, 'signin_link');
      await anonymous.page.goto(`${server.url}/signin/${link}`);
      await anonymous.page.locator('#signin-link-title').waitFor();
      expect(await violations(anonymous.page), 'sign-in link').toEqual([]);

      const invite = await server.api<{ token: string }>('POST', `/api/documents/${docId}/invites`, {
        role: 'member',
        ttlHours: 24,
      });
      await anonymous.page.goto(`${server.url}/invite/${invite.body.token}`);
      await anonymous.page.locator('#invite-title').waitFor();
      expect(await violations(anonymous.page), 'invitation').toEqual([]);
      await anonymous.context.close();

      const admin = await contextFor(lang, 'admin');
      await admin.page.goto(server.url);
      await admin.page.locator('#import-title').waitFor();
      await inLanguage(admin.page, lang);
      expect(await violations(admin.page), 'home').toEqual([]);
      await admin.page.goto(`${server.url}/nowhere`);
      await admin.page.locator('h1').waitFor();
      expect(await violations(admin.page), 'not found').toEqual([]);
      await admin.page.goto(`${server.url}/d/${docId}/compare?from=0&to=live`);
      await admin.page.getByTestId('comparison').waitFor({ timeout: 90_000 });
      expect(await violations(admin.page), 'comparison').toEqual([]);
      await admin.context.close();
    }, 240_000);

    it(`${lang}: the draft page and every dialog (revisions, members, audit, shortcuts)`, async () => {
      const chair = await server.addPerson(docId, 'chair', `Chair ${lang}`);
      const { context, page } = await draftPage(lang, chair.userId);
      await caretAtEndOfClause(page, 0);
      await page.keyboard.type(' States should cooperate.');
      await selectText(page, 'States');
      await page.keyboard.press('Control+Alt+b');
      await selectText(page, 'cooperate');
      await page.keyboard.press('Control+Alt+o');
      await caretAtEndOfClause(page, 0);
      expect(await violations(page), 'draft page').toEqual([]);
      for (const keys of ['Control+Alt+v', 'Control+Alt+m', 'Control+Alt+l']) {
        await openDialog(page, keys);
        expect(await violations(page, 'dialog[open]'), keys).toEqual([]);
        await page.keyboard.press('Escape');
        await page.locator('dialog[open]').waitFor({ state: 'hidden' });
      }
      await page.locator('.toolbar button[title]').last().click();
      await page.locator('dialog[open] table.shortcuts').waitFor();
      expect(await violations(page, 'dialog[open]'), 'shortcuts').toEqual([]);
      await context.close();
    }, 240_000);
  }

  for (const lang of ['zh', 'fr', 'ru', 'es'] as const) {
    it(`${lang}: the draft page and the members dialog`, async () => {
      const chair = await server.addPerson(docId, 'chair', `Chair ${lang}`);
      const { context, page } = await draftPage(lang, chair.userId);
      await caretAtEndOfClause(page, 0);
      expect(await violations(page), 'draft page').toEqual([]);
      await openDialog(page, 'Control+Alt+m');
      expect(await violations(page, 'dialog[open]'), 'members').toEqual([]);
      await context.close();
    }, 120_000);
  }
});
