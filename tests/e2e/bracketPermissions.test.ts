import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../support/testServer.js';
import { caretAtEndOfClause, editorText, openDraft, selectText, until } from './support/draftPage.js';
import { startServerAndBrowser } from './support/serverAndBrowser.js';

/**
 * Defect 19 in the browser: the editor offers removing a bracket only to its proposer and
 * the chair, and resolving an alternative to the chair (or to whoever proposed all of it);
 * what it offers is accepted by the server and audited as what it is.
 */
describe('the editor offers bracket removal and resolution only to whom they belong', () => {
  let server: TestServer;
  let browser: Browser;
  let stop: (() => Promise<void>) | undefined;
  let docId: string;
  let chair: { context: BrowserContext; page: Page };
  let member: { context: BrowserContext; page: Page };
  let memberId: string;
  let chairId: string;

  beforeAll(async () => {
    ({ server, browser, stop } = await startServerAndBrowser());
    docId = await server.createDoc('Permissions');
    const c = await server.addPerson(docId, 'chair', 'Carla Chair');
    const m = await server.addPerson(docId, 'member', 'Mo Member');
    chairId = c.userId;
    memberId = m.userId;
    chair = await openDraft(browser, server, c.userId, docId);
    member = await openDraft(browser, server, m.userId, docId);
    await caretAtEndOfClause(chair.page, 0);
    await chair.page.keyboard.type('States shall publish their data annually.');
    await selectText(chair.page, 'shall');
    await chair.page.keyboard.press('Control+Alt+b');
    await until(async () => (await member.page.locator('.accord-editor .accord-bracket').count()) === 1, 'the bracket');
  });

  afterAll(() => stop?.());

  /** Puts the caret inside `text` (at its second character). */
  const caretIn = async (page: Page, text: string) => {
    await selectText(page, text.slice(1));
    await page.keyboard.press('ArrowLeft');
    await page.waitForTimeout(150);
  };
  /** Whether `text` is inside a bracket (read without the carets others' cursors draw into it). */
  const bracketed = (page: Page, text: string) =>
    page.locator('.accord-editor .accord-bracket').evaluateAll(
      (spans, t) =>
        spans.some((s) => {
          const clone = s.cloneNode(true) as HTMLElement;
          for (const w of clone.querySelectorAll('[contenteditable=false]')) w.remove();
          return (clone.textContent ?? '').includes(t);
        }),
      text,
    );
  const button = (page: Page, command: string) => page.locator(`[data-command=${command}]`);
  const audit = async () => (await server.accord.store.audit.list(docId)).map((e) => `${e.actor}:${e.action}`);

  it('does not offer a member to remove the chair’s bracket, by button or by key', async () => {
    await caretIn(member.page, 'shall');
    await until(async () => await button(member.page, 'removeBrackets').isDisabled(), 'Unbracket disabled');
    await member.page.keyboard.press('Control+Alt+r');
    await member.page.waitForTimeout(500);
    expect(await bracketed(chair.page, 'shall')).toBe(true);
    expect(await bracketed(member.page, 'shall')).toBe(true);
    expect(await member.page.locator('.alerts .warning').count()).toBe(0);
    // The chair is offered it.
    await caretIn(chair.page, 'shall');
    await until(async () => await button(chair.page, 'removeBrackets').isEnabled(), 'Unbracket enabled for the chair');
  });

  it('lets a member withdraw their own bracket; audited as a withdrawal', async () => {
    await selectText(member.page, 'publish');
    await member.page.keyboard.press('Control+Alt+b');
    await until(() => bracketed(chair.page, 'publish'), 'the member’s bracket at the chair');
    await caretIn(member.page, 'publish');
    await until(async () => await button(member.page, 'removeBrackets').isEnabled(), 'Unbracket enabled');
    await button(member.page, 'removeBrackets').click();
    await until(async () => !(await bracketed(chair.page, 'publish')), 'withdrawn at the chair');
    expect(await bracketed(chair.page, 'shall')).toBe(true);
    await until(async () => (await audit()).includes(`${memberId}:bracket.remove`), 'the withdrawal in the audit log');
  });

  it('offers choosing an option to the chair only; the chair resolves, audited as a resolution', async () => {
    await selectText(chair.page, 'annually');
    await chair.page.keyboard.press('Control+Alt+o');
    await chair.page.keyboard.type('every two years');
    await until(async () => (await editorText(member.page)).includes('every two years'), 'the options at the member');
    await caretIn(member.page, 'every two years');
    await until(async () => await button(member.page, 'chooseOption').isDisabled(), 'Choose disabled for the member');
    await member.page.keyboard.press('Control+Alt+c');
    await member.page.waitForTimeout(500);
    expect(await member.page.locator('.accord-editor .accord-option-label').count()).toBe(2);

    await caretIn(chair.page, 'every two years');
    await until(async () => await button(chair.page, 'chooseOption').isEnabled(), 'Choose enabled for the chair');
    await chair.page.keyboard.press('Control+Alt+c');
    await until(
      async () => (await member.page.locator('.accord-editor .accord-option-label').count()) === 0,
      'resolved',
    );
    expect(await editorText(member.page)).toContain('every two years.');
    expect(await editorText(member.page)).not.toContain('annually');
    await until(
      async () => (await audit()).includes(`${chairId}:alternative.resolve`),
      'the resolution in the audit log',
    );
  });
});
