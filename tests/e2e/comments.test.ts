import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../support/testServer.js';
import { caretAtEndOfClause, editorText, openDraft, selectText, until } from './support/draftPage.js';
import { startServerAndBrowser } from './support/serverAndBrowser.js';

type Person = { context: BrowserContext; page: Page };

/**
 * Comments as a group uses them, in four browsers at once: two delegations and a chair; a
 * delegation's private thread reaches its colleague and nobody else.
 */
describe('comments in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let stop: (() => Promise<void>) | undefined;
  let docId: string;
  let ana: Person;
  let bruno: Person; // Ana's colleague
  let kofi: Person; // another delegation
  let chair: Person;

  const panel = (p: Person) => p.page.locator('#comments-panel');
  const panelText = (p: Person) => panel(p).innerText();
  const showAll = (p: Person) => panel(p).locator('input[type=checkbox]').check();
  const write = async (p: Person, text: string, privately = false) => {
    await p.page.keyboard.press('Control+Alt+t');
    await until(
      async () => (await p.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))) === 'comment-text',
      'the composer focused by the shortcut',
    );
    if (privately) await panel(p).locator('[data-testid=comment-delegation-only]').check();
    await panel(p).locator('[data-testid=comment-text]').fill(text);
    await panel(p).locator('[data-testid=comment-text]').press('Control+Enter');
    await until(async () => (await panel(p).locator('[data-testid=comment-text]').inputValue()) === '', 'sent');
  };

  beforeAll(async () => {
    ({ server, browser, stop } = await startServerAndBrowser());
    docId = await server.createDoc('Comments');
    const a = await server.addPerson(docId, 'member', 'Ana Souza');
    const k = await server.addPerson(docId, 'member', 'Kofi Otieno');
    const c = await server.addPerson(docId, 'chair', 'Carla Chair');
    const { store } = server.accord;
    const delegation = await store.delegations.ofMember(docId, a.userId);
    const b = await store.users.create('Bruno Lima', a.affiliation);
    await store.memberships.setRole(docId, b.userId, 'member', delegation?.id ?? null);
    chair = await openDraft(browser, server, c.userId, docId);
    await caretAtEndOfClause(chair.page, 0);
    await chair.page.keyboard.type('States should cooperate closely on incidents.');
    [ana, bruno, kofi] = await Promise.all([
      openDraft(browser, server, a.userId, docId),
      openDraft(browser, server, b.userId, docId),
      openDraft(browser, server, k.userId, docId),
    ]);
    for (const p of [ana, bruno, kofi]) {
      await until(async () => (await p.page.locator('.accord-editor').innerText()).includes('incidents.'), 'the text');
    }
  });

  afterAll(() => stop?.());

  it('a comment on selected words reaches the other delegation live; replies and resolution go both ways', async () => {
    await selectText(ana.page, 'cooperate');
    await until(
      async () => (await panel(ana).locator('[data-testid=comment-target]').innerText()).includes('cooperate'),
      'the words as target',
    );
    await write(ana, 'Is "cooperate" strong enough?');
    await showAll(kofi);
    await until(async () => (await panelText(kofi)).includes('Is "cooperate" strong enough?'), 'the thread at Kofi');
    expect(await panelText(kofi)).toContain('cooperate');
    expect(await panelText(kofi)).toContain('Ana Souza');

    // The words are highlighted on the other page, and stay on them while someone types before them.
    const highlighted = (p: Person, cls = 'accord-comment') =>
      p.page.locator(`.accord-editor .${cls}`).evaluateAll((els) => els.map((e) => e.textContent).join('|'));
    await until(async () => (await highlighted(kofi)) === 'cooperate', 'the highlight at Kofi');
    await selectText(chair.page, 'States');
    await chair.page.keyboard.press('ArrowLeft');
    await chair.page.keyboard.type('All ');
    await until(async () => (await editorText(kofi.page)).includes('All States'), 'the edit');
    await until(async () => (await highlighted(kofi)) === 'cooperate', 'the highlight still on its words');

    await panel(kofi).locator('.comment-thread input').fill('We would say "collaborate".');
    await panel(kofi).locator('.comment-thread input').press('Enter');
    await showAll(ana);
    await until(async () => (await panelText(ana)).includes('We would say "collaborate".'), 'the reply at Ana');

    await showAll(chair);
    await until(async () => (await panelText(chair)).includes('strong enough'), 'the thread at the chair');
    await panel(chair).locator('[data-command=resolve]').first().click();
    // Resolved threads leave the list of open ones everywhere, live.
    await until(async () => !(await panelText(ana)).includes('strong enough'), 'resolved at Ana');
    await until(async () => !(await panelText(kofi)).includes('strong enough'), 'resolved at Kofi');
  });

  it('a delegation-only comment reaches my colleague and never the other delegation', async () => {
    await selectText(ana.page, 'closely');
    await write(ana, 'Capital wants this deleted; hold until Thursday.', true);
    await showAll(bruno);
    await until(async () => (await panelText(bruno)).includes('hold until Thursday'), 'the private thread at Bruno');
    expect(await panel(bruno).locator('.comment-thread.private').count()).toBe(1);
    await until(
      async () => (await bruno.page.locator('.accord-editor .accord-comment-private').innerText()) === 'closely',
      'the private highlight at Bruno',
    );
    // Kofi writes after it: once his own comment is back on Ana's page, the private one had its chance to reach him.
    await selectText(kofi.page, 'incidents');
    await write(kofi, 'Which incidents?');
    await until(async () => (await panelText(ana)).includes('Which incidents?'), 'the marker at Ana');
    await until(async () => (await panelText(kofi)).includes('Which incidents?'), 'the marker at Kofi');
    expect(await panelText(kofi)).not.toContain('Thursday');
    expect(await panelText(chair)).not.toContain('Thursday');
    expect(await kofi.page.locator('.accord-editor .accord-comment-private').count()).toBe(0);
    // A reload fetches the list again: still nothing.
    await kofi.page.reload();
    await showAll(kofi);
    await until(async () => (await panelText(kofi)).includes('Which incidents?'), 'the list after the reload');
    expect(await panelText(kofi)).not.toContain('Thursday');
  });

  it('the panel passes axe in English and in Arabic', async () => {
    for (const lang of ['en', 'ar']) {
      await ana.page.locator('.language-switch select').selectOption(lang);
      await until(async () => (await ana.page.evaluate(() => document.documentElement.lang)) === lang, lang);
      const result = await new AxeBuilder({ page: ana.page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa', 'best-practice'])
        .include('#comments-panel')
        .analyze();
      expect(
        result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
        lang,
      ).toEqual([]);
    }
  });
});
