import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../support/signIn.js';
import type { TestServer } from '../support/testServer.js';
import { deepText, selectText, until } from './support/draftPage.js';
import { plainParagraph, seedDraft } from './support/seedDraft.js';
import { startServerAndBrowser } from './support/serverAndBrowser.js';

/**
 * The interface in another language: the switch in the header, the layout mirrored for Arabic,
 * each paragraph of the draft in its own direction, the choice remembered on the account, and
 * server refusals shown in the reader's language from their codes.
 */
describe('languages and directions', () => {
  let server: TestServer;
  let browser: Browser;
  let stop: (() => Promise<void>) | undefined;
  let docId: string;
  let member: { userId: string; token: string };
  const arabic = 'يجب على الدول أن تتعاون في تبادل المعلومات.';
  const english = 'States shall cooperate in the exchange of information.';

  beforeAll(async () => {
    ({ server, browser, stop } = await startServerAndBrowser());
    docId = await seedDraft(server, 'Languages', 'تنفيذ', [
      plainParagraph('p1', arabic),
      plainParagraph('p2', english),
      plainParagraph('p3', 'A third paragraph.'),
    ]);
    member = await server.addPerson(docId, 'member', 'Mona Member');
  });
  afterAll(() => stop?.());

  /** A signed-in page on the draft, in whatever language the browser or account gives. */
  async function open(userId: string, locale = 'en-US'): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport: { width: 1300, height: 900 }, locale });
    await signIn(context, server, userId);
    const page = await context.newPage();
    page.on('pageerror', (e) => console.error(`[page error] ${e.message}`));
    await page.goto(`${server.url}/d/${docId}`);
    await ready(page);
    return { context, page };
  }
  const ready = async (page: Page) => {
    await page.locator('.accord-editor .accord-clause').first().waitFor({ timeout: 15_000 });
    await page.locator('[data-testid=connection][data-tone=ok]').waitFor({ timeout: 15_000 });
  };
  const htmlAttrs = (page: Page) =>
    page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));
  const box = async (l: Locator) => {
    const b = await l.boundingBox();
    if (!b) throw new Error('not visible');
    return b;
  };
  /** Where a word is drawn (the text itself, not the bracket widgets around it). */
  const wordBox = (root: Locator, word: string) =>
    root.evaluate((el, w) => {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const i = (n.textContent ?? '').indexOf(w);
        if (i < 0) continue;
        const range = document.createRange();
        range.setStart(n, i);
        range.setEnd(n, i + w.length);
        const r = range.getBoundingClientRect();
        return { left: r.left, right: r.right };
      }
      throw new Error(`no ${w}`);
    }, word);
  const clause = (page: Page, i: number) => page.locator('.accord-editor .accord-clause').nth(i);

  it('switches to العربية from the header: <html dir=rtl lang=ar>, and the header, toolbar and panel mirror', async () => {
    const { context, page } = await open(member.userId);
    expect(await htmlAttrs(page)).toEqual({ lang: 'en', dir: 'ltr' });
    const brandLtr = await box(page.locator('.brand'));
    await page.getByLabel('Language').selectOption({ label: 'العربية' });
    await until(async () => (await htmlAttrs(page)).dir === 'rtl', 'dir=rtl on <html>');
    expect(await htmlAttrs(page)).toEqual({ lang: 'ar', dir: 'rtl' });

    // The header: the brand moves from the left edge to the right edge.
    const brand = await box(page.locator('.brand'));
    expect(brandLtr.x).toBeLessThan(100);
    expect(brand.x + brand.width).toBeGreaterThan(1300 - 100);
    // The toolbar starts at the right: its first button is right of its last, near the toolbar's right edge.
    const toolbar = page.getByRole('toolbar', { name: 'أدوات التحرير والتفاوض' });
    const bar = await box(toolbar);
    const buttons = toolbar.getByRole('button');
    const first = await box(buttons.first());
    const last = await box(buttons.last());
    expect(first.x).toBeGreaterThan(last.x);
    expect(bar.x + bar.width - (first.x + first.width)).toBeLessThan(40);
    // The side panel is on the left of the text.
    const side = await box(page.locator('aside.side'));
    const text = await box(page.locator('section.draft-main'));
    expect(side.x).toBeLessThan(text.x);
    expect(
      await page.getByRole('navigation', { name: 'أدوات المشروع' }).getByRole('button').first().textContent(),
    ).toBe('التنقيحات والتصدير');

    // Remembered on the account: GET /api/me says so, a reload shows Arabic, and so does another browser.
    const me = await server.api<{ user: { language: string } }>('GET', '/api/me', undefined, member.token);
    expect(me.body.user.language).toBe('ar');
    await page.reload();
    await ready(page);
    expect(await htmlAttrs(page)).toEqual({ lang: 'ar', dir: 'rtl' });
    await context.close();

    const elsewhere = await browser.newContext({ locale: 'en-US' });
    const anonymous = await elsewhere.newPage();
    await anonymous.goto(server.url);
    await anonymous.getByRole('heading', { name: 'Sign in to Accord' }).waitFor();
    await signIn(elsewhere, server, member.userId);
    await anonymous.goto(server.url);
    await anonymous.getByRole('heading', { name: 'مشاريعي' }).waitFor();
    expect(await htmlAttrs(anonymous)).toEqual({ lang: 'ar', dir: 'rtl' });
    await elsewhere.close();
  }, 90_000);

  it('lays each paragraph out in the direction of its text, with brackets and numbers on the right side', async () => {
    // The member's account language is Arabic now; the English paragraph stays left to right in it.
    const { context, page } = await open(member.userId);
    const direction = (i: number) => clause(page, i).evaluate((el) => getComputedStyle(el).direction);
    expect(await direction(0)).toBe('rtl');
    expect(await direction(1)).toBe('ltr');
    // The number floats at the start side, in the gutter the text leaves free there: the right for
    // Arabic, the left for English.
    const numberSide = (i: number) =>
      clause(page, i).evaluate((el) => {
        const label = getComputedStyle(el, '::before');
        const c = el.getBoundingClientRect();
        const p = el.querySelector('p')?.getBoundingClientRect();
        if (!p) throw new Error('no text');
        return { float: label.float, gutterLeft: p.left - c.left, gutterRight: c.right - p.right };
      });
    const arabicNumber = await numberSide(0);
    expect(arabicNumber.float).toBe('inline-start');
    expect(arabicNumber.gutterRight).toBeGreaterThan(70);
    expect(arabicNumber.gutterLeft).toBeLessThan(15);
    const englishNumber = await numberSide(1);
    expect(englishNumber.gutterLeft).toBeGreaterThan(70);
    expect(englishNumber.gutterRight).toBeLessThan(15);
    // The Arabic text is right-aligned: its line ends at the clause's right padding, far from the left.
    const textEdges = (i: number) =>
      clause(page, i).evaluate((el) => {
        const p = el.querySelector('p');
        if (!p?.firstChild) throw new Error('no text');
        const range = document.createRange();
        range.selectNodeContents(p);
        const r = range.getBoundingClientRect();
        const c = p.getBoundingClientRect();
        return { textLeft: r.left, textRight: r.right, left: c.left, right: c.right };
      });
    const ar = await textEdges(0);
    expect(Math.abs(ar.right - ar.textRight)).toBeLessThan(2);
    expect(ar.textLeft - ar.left).toBeGreaterThan(100);
    const en = await textEdges(1);
    expect(Math.abs(en.textLeft - en.left)).toBeLessThan(2);

    // Brackets in the Arabic paragraph: the opening one on the right of the phrase, the closing one on its left.
    await selectText(page, 'الدول');
    await page.keyboard.press('Control+Alt+b');
    await selectText(page, 'المعلومات');
    await page.keyboard.press('Control+Alt+b');
    const open0 = await box(clause(page, 0).locator('.accord-bracket-open').first());
    const close0 = await box(clause(page, 0).locator('.accord-bracket-close').first());
    const phrase = await wordBox(clause(page, 0), 'الدول');
    expect(open0.x).toBeGreaterThanOrEqual(phrase.right - 1);
    expect(close0.x + close0.width).toBeLessThanOrEqual(phrase.left + 1);
    // The panel counts them with Arabic's dual form.
    await until(
      async () => (await deepText(page.locator('#paragraph-panel'))).includes('قوسان معقوفان مفتوحان'),
      'the dual "two open brackets" in the panel',
    );
    // In the English paragraph the order is the usual one.
    await selectText(page, 'cooperate');
    await page.keyboard.press('Control+Alt+b');
    const open1 = await box(clause(page, 1).locator('.accord-bracket-open').first());
    const close1 = await box(clause(page, 1).locator('.accord-bracket-close').first());
    const word = await wordBox(clause(page, 1), 'cooperate');
    expect(open1.x + open1.width).toBeLessThanOrEqual(word.left + 1);
    expect(close1.x).toBeGreaterThanOrEqual(word.right - 1);
    await page.screenshot({ path: '/tmp/accord-ar-draft.png' });
    await context.close();
  });

  it('keeps an Arabic section heading apart from the counts next to it (no "0 — تنفيذ of 3 agreed")', async () => {
    const chair = await server.addPerson(docId, 'chair', 'Carla Chair');
    const { context, page } = await open(chair.userId);
    const summary = page.locator('accord-dashboard').locator('summary').first();
    await summary.locator('bdi', { hasText: 'تنفيذ' }).waitFor();
    // The count follows the heading on the right in a left-to-right interface, not drawn into it.
    const order = await summary.evaluate((el) => {
      const bdi = el.querySelector('bdi');
      const after = bdi?.nextSibling;
      if (!bdi || !after) throw new Error('no heading');
      const range = document.createRange();
      range.selectNodeContents(after);
      return { headingRight: bdi.getBoundingClientRect().right, countLeft: range.getBoundingClientRect().left };
    });
    expect(order.countLeft).toBeGreaterThanOrEqual(order.headingRight - 1);
    expect((await summary.textContent())?.replace(/\s+/g, ' ')).toContain('تنفيذ — 0 of 3 agreed');
    await context.close();
  });

  it('shows a refused edit in French, from the notice code', async () => {
    await server.accord.store.users.setLanguage(member.userId, 'fr');
    const { context, page } = await open(member.userId);
    expect((await htmlAttrs(page)).lang).toBe('fr');
    await context.setOffline(true);
    await page.locator('[data-testid=connection][data-tone=bad]').waitFor({ timeout: 10_000 });
    await clause(page, 2).locator('p').click();
    await page.keyboard.press('End');
    await page.keyboard.type(' Hors ligne.');
    const base = `/api/documents/${docId}/paragraphs/p3`;
    expect((await server.api('POST', `${base}/status`, { status: 'agreed' })).status).toBe(200);
    expect((await server.api('POST', `${base}/lock`)).status).toBe(200);
    await context.setOffline(false);
    const alerts = page.locator('.alerts');
    await until(async () => ((await alerts.textContent()) ?? '').includes('n’a pas été acceptée'), 'the refusal');
    expect(await alerts.textContent()).toContain(
      'Votre dernière modification n’a pas été acceptée : le paragraphe est verrouillé par la présidence.',
    );
    await context.close();
  });
});
