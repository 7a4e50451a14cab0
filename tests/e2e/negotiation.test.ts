import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../support/testServer.js';
import { caretAtEndOfClause, deepText, editorText, openDraft, selectText, until } from './support/draftPage.js';
import { startServerAndBrowser } from './support/serverAndBrowser.js';

describe('two members negotiating: brackets, alternatives, objections', () => {
  let server: TestServer;
  let browser: Browser;
  let stop: (() => Promise<void>) | undefined;
  let docId: string;
  let a: { context: BrowserContext; page: Page };
  let b: { context: BrowserContext; page: Page };

  beforeAll(async () => {
    ({ server, browser, stop } = await startServerAndBrowser());
    docId = await server.createDoc('Negotiation');
    const alice = await server.addPerson(docId, 'member', 'Alice Martin');
    const bob = await server.addPerson(docId, 'member', 'Bob Okafor');
    a = await openDraft(browser, server, alice.userId, docId);
    b = await openDraft(browser, server, bob.userId, docId);
    await caretAtEndOfClause(a.page, 0);
    await a.page.keyboard.type('States shall publish their data annually.');
    await until(async () => (await editorText(b.page)).includes('annually.'), 'text in page B');
  });

  afterAll(() => stop?.());

  it("brackets a member's text, attributed to them, and the other member sees it", async () => {
    await selectText(a.page, 'shall');
    await a.page.keyboard.press('Control+Alt+b');
    const bracket = b.page.locator('.accord-editor .accord-bracket');
    await bracket.first().waitFor({ timeout: 10_000 });
    expect(await bracket.first().textContent()).toBe('[shall]');
    expect(await bracket.first().getAttribute('title')).toContain('Alice Martin');
    expect(await b.page.locator('.accord-editor .accord-bracket-open').count()).toBe(1);
    expect(await b.page.locator('.accord-editor .accord-bracket-close').count()).toBe(1);
  });

  it('adds an alternative wording that both see as Option 1 / Option 2', async () => {
    await selectText(b.page, 'annually');
    await b.page.keyboard.press('Control+Alt+o');
    await b.page.keyboard.type('every two years');
    const labels = a.page.locator('.accord-editor .accord-option-label');
    await until(async () => (await labels.allTextContents()).join('|') === 'Option 1:|Option 2:', 'option labels in A');
    await until(async () => (await editorText(a.page)).includes('every two years'), 'option 2 text in A');
    const options = a.page.locator('.accord-editor .accord-bracket-option');
    expect(await options.first().getAttribute('title')).toContain('Bob Okafor');
  });

  it('lodges an objection with a reason; panel and dashboard update live on both pages', async () => {
    // Both have their cursor in the paragraph, so both panels show it.
    await caretAtEndOfClause(a.page, 0);
    await caretAtEndOfClause(b.page, 0);
    const panelA = a.page.locator('accord-paragraph-panel');
    await panelA.getByRole('heading', { name: 'Paragraph 1' }).waitFor();
    await panelA.getByRole('button', { name: 'Lodge an objection…' }).click();
    await panelA.getByLabel('Reason for the objection').fill('Publication every year is beyond our capacity.');
    await panelA.getByRole('button', { name: 'Lodge objection' }).click();

    const panelB = b.page.locator('accord-paragraph-panel');
    await panelB.getByText('Publication every year is beyond our capacity.').waitFor({ timeout: 10_000 });
    expect(await deepText(panelB)).toContain('Alice Martin');
    expect(await deepText(panelB)).toContain('Objections (1 standing)');
    // B is not the author: no withdraw button for them; A has one.
    expect(await panelB.getByRole('button', { name: 'Withdraw my objection' }).count()).toBe(0);
    await panelA.getByRole('button', { name: 'Withdraw my objection' }).waitFor();

    const dashB = b.page.locator('accord-dashboard');
    await until(async () => (await deepText(dashB)).includes('1 standing objection'), 'dashboard in B');
    // 1 bracket + 2 options = 3 open brackets.
    expect(await deepText(dashB)).toContain('3 open brackets');
    expect(
      await dashB.getByRole('button', { name: /Paragraph 1, Draft, 3 open brackets, 1 standing objection/ }).count(),
    ).toBe(1);
    // Who is on the paragraph: A sees B.
    await until(async () => (await deepText(panelA)).includes('Bob Okafor'), 'B on the paragraph in A');
  });

  it('a member moves the paragraph to "under negotiation"; both see the status', async () => {
    const panelB = b.page.locator('accord-paragraph-panel');
    await panelB.getByRole('button', { name: 'Under negotiation' }).click();
    const badgeA = a.page.locator('accord-paragraph-panel accord-status-badge');
    await until(async () => (await deepText(badgeA)).includes('Under negotiation'), 'status in A');
    // Members cannot agree: no "Agreed" action offered to them.
    expect(await panelB.getByRole('button', { name: 'Agreed', exact: true }).count()).toBe(0);
  });

  it('withdrawing the objection updates the other page', async () => {
    await a.page.locator('accord-paragraph-panel').getByRole('button', { name: 'Withdraw my objection' }).click();
    const panelB = b.page.locator('accord-paragraph-panel');
    await until(async () => (await deepText(panelB)).includes('Objections (0 standing)'), 'withdrawn in B');
    expect(await deepText(panelB)).toContain('Withdrawn or answered (1)');
  });
});
