import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../support/testServer.js';
import { caretAtEndOfClause, deepText, editorText, openDraft, until } from './support/draftPage.js';
import { startServerAndBrowser } from './support/serverAndBrowser.js';

describe('chair locks, member and observer permissions in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let stop: (() => Promise<void>) | undefined;
  let docId: string;
  let chair: { context: BrowserContext; page: Page };
  let member: { context: BrowserContext; page: Page };
  let observer: { context: BrowserContext; page: Page };
  let memberId: string;

  beforeAll(async () => {
    ({ server, browser, stop } = await startServerAndBrowser());
    docId = await server.createDoc('Locks');
    const c = await server.addPerson(docId, 'chair', 'Carla Chair');
    const m = await server.addPerson(docId, 'member', 'Mo Member');
    const o = await server.addPerson(docId, 'observer', 'Olga Observer');
    memberId = m.userId;
    chair = await openDraft(browser, server, c.userId, docId);
    member = await openDraft(browser, server, m.userId, docId);
    observer = await openDraft(browser, server, o.userId, docId);
    await caretAtEndOfClause(chair.page, 0);
    await chair.page.keyboard.type('Agreed wording.');
    await chair.page.keyboard.press('Enter');
    await chair.page.keyboard.type('Open wording.');
    await until(async () => (await editorText(member.page)).includes('Open wording.'), 'text at the member');
  });

  afterAll(() => stop?.());

  it('the observer follows live but cannot type', async () => {
    await until(async () => (await editorText(observer.page)).includes('Open wording.'), 'text at the observer');
    expect(await observer.page.locator('.accord-editor').getAttribute('contenteditable')).toBe('false');
    expect(await observer.page.locator('[role=toolbar]').count()).toBe(0);
    await observer.page.locator('.accord-editor .accord-clause p').first().click();
    await observer.page.keyboard.type('Observer was here');
    await new Promise((r) => setTimeout(r, 300));
    expect(await editorText(observer.page)).not.toContain('Observer was here');
    expect(await editorText(chair.page)).not.toContain('Observer was here');
    // No governance actions for observers.
    const panel = observer.page.locator('accord-paragraph-panel');
    expect(await panel.getByRole('button').count()).toBe(0);
  });

  it('the chair agrees and locks a paragraph through the panel; the member cannot change it', async () => {
    await caretAtEndOfClause(chair.page, 0);
    const panel = chair.page.locator('accord-paragraph-panel');
    await panel.getByRole('heading', { name: 'Paragraph 1' }).waitFor();
    await panel.getByRole('button', { name: 'Agreed', exact: true }).click();
    const lock = panel.getByRole('button', { name: 'Lock paragraph' });
    await until(async () => await lock.isEnabled(), 'lock button enabled once agreed');
    await lock.click();

    const locked = member.page.locator('.accord-editor .accord-clause.is-locked');
    await locked.waitFor({ timeout: 10_000 });
    expect(await locked.getAttribute('contenteditable')).toBe('false');
    expect(await deepText(member.page.locator('accord-dashboard'))).toContain('1 locked');

    const before = await editorText(member.page);
    await locked.locator('p').click();
    await member.page.keyboard.press('End');
    await member.page.keyboard.type('XYZ');
    await member.page.keyboard.press('Backspace');
    await new Promise((r) => setTimeout(r, 500));
    expect(await editorText(member.page)).toBe(before);
    expect(await editorText(chair.page)).not.toContain('XYZ');
    // The member is not told their edit was refused: nothing was sent.
    expect(await member.page.locator('.alerts .warning').count()).toBe(0);

    // The paragraph next to it stays editable.
    await caretAtEndOfClause(member.page, 1);
    await member.page.keyboard.type(' Still open.');
    await until(async () => (await editorText(chair.page)).includes('Still open.'), 'member edit at the chair');
  });

  it('unlocking asks for a reason and reopens the paragraph live', async () => {
    await caretAtEndOfClause(chair.page, 0);
    const panel = chair.page.locator('accord-paragraph-panel');
    await panel.getByRole('button', { name: 'Unlock…' }).click();
    await panel.getByLabel(/Reason for reopening/).fill('Capitals asked to revisit the wording.');
    await panel.getByRole('button', { name: 'Unlock', exact: true }).click();
    await until(
      async () => (await member.page.locator('.accord-editor .accord-clause.is-locked').count()) === 0,
      'unlock at the member',
    );
  });

  it('an edit made offline into a paragraph locked meanwhile is refused, reported, and the page reloads', async () => {
    await member.context.setOffline(true);
    await member.page.locator('[data-testid=connection]', { hasText: 'Offline' }).waitFor({ timeout: 10_000 });
    await caretAtEndOfClause(chair.page, 0);
    const panel = chair.page.locator('accord-paragraph-panel');
    const lock = panel.getByRole('button', { name: 'Lock paragraph' });
    await until(async () => await lock.isEnabled(), 'lock button enabled');
    await lock.click();
    await chair.page.locator('.accord-editor .accord-clause.is-locked').waitFor();
    // The member does not know about the lock yet: the editor lets them type.
    await caretAtEndOfClause(member.page, 0);
    await member.page.keyboard.type(' REFUSED');
    expect(await editorText(member.page)).toContain('REFUSED');
    await member.context.setOffline(false);
    const alert = member.page.locator('.alerts .warning');
    await alert.waitFor({ timeout: 15_000 });
    expect(await alert.textContent()).toContain('Your last change was not accepted');
    expect(await alert.textContent()).toContain('The draft was reloaded.');
    await member.page.locator('[data-testid=connection]', { hasText: 'Connected' }).waitFor({ timeout: 15_000 });
    await until(async () => !(await editorText(member.page)).includes('REFUSED'), 'refused text gone');
    await member.page.locator('.accord-editor .accord-clause.is-locked').waitFor();
    expect(await editorText(chair.page)).not.toContain('REFUSED');
  });

  it('a role change reaches the open page: the member, made observer, can no longer type', async () => {
    const res = await server.api('PATCH', `/api/documents/${docId}/members/${memberId}`, { role: 'observer' });
    expect(res.status).toBe(200);
    await member.page.getByText('You: Observer').waitFor({ timeout: 10_000 });
    await member.page.locator('.accord-editor[contenteditable=false]').waitFor({ timeout: 10_000 });
    expect(await member.page.locator('[role=alert]').first().textContent()).toContain('role');
  });
});
