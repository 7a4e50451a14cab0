import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../support/testServer.js';
import { caretAtEndOfClause, openDraft, until } from './support/draftPage.js';
import { plainParagraph, seedDraft } from './support/seedDraft.js';
import { startServerAndBrowser } from './support/serverAndBrowser.js';

/**
 * A meeting in the room: two members raise their flags, the chair gives the floor with the
 * keyboard, everyone (and the room's screen) sees who has it; the chair moves to another
 * paragraph and the screen follows.
 */
describe('the meeting room: speaker queue and projection', () => {
  let server: TestServer;
  let browser: Browser;
  let stop: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    ({ server, browser, stop } = await startServerAndBrowser());
  });
  afterAll(() => stop?.());

  const textOf = (page: Page, selector: string) => page.locator(selector).innerText();
  /** WCAG 2.2 AA and best practices, as tests/e2e/pagesAccessibility.test.ts checks every page. */
  const violations = async (page: Page, include?: string) => {
    let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa', 'best-practice']);
    if (include) builder = builder.include(include);
    const result = await builder.analyze();
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  };

  it('runs a speaker queue with two members and a projected screen that follows the chair', async () => {
    const docId = await seedDraft(server, 'Cyber capacity', 'Measures', [
      plainParagraph('p-one', 'States should designate a national CSIRT.'),
      plainParagraph('p-two', 'States should share threat information.'),
      plainParagraph('p-three', 'States should train judges and prosecutors.'),
    ]);
    const chair = await server.addPerson(docId, 'chair', 'Carla Chair');
    const maria = await server.addPerson(docId, 'member', 'Maria Member');
    const marc = await server.addPerson(docId, 'member', 'Marc Member');
    const [chairPage, mariaPage, marcPage] = (await Promise.all(
      [chair, maria, marc].map(async (p) => (await openDraft(browser, server, p.userId, docId)).page),
    )) as [Page, Page, Page];

    // The room's computer opens the screen link the chair made: no one signs in there.
    const link = await server.api<{ url: string }>(
      'POST',
      `/api/documents/${docId}/screen-links`,
      { label: 'Room XII' },
      chair.token,
    );
    expect(link.status).toBe(201);
    const screenContext = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const screen = await screenContext.newPage();
    screen.on('pageerror', (e) => console.error(`[screen error] ${e.message}`));
    await screen.goto(link.body.url.replace(server.accord.services.config.PUBLIC_URL, server.url));
    await screen.locator('.projected-paragraph').first().waitFor({ timeout: 15_000 });

    // Maria raises her delegation's flag with the button, Marc with the keyboard.
    await mariaPage.getByRole('button', { name: 'Raise our flag' }).click();
    await until(async () => (await chairPage.locator('[data-testid=queue] li').count()) === 1, "Maria's flag");
    await marcPage.locator('.accord-editor').click();
    await marcPage.keyboard.press('Control+Alt+KeyF');
    await until(async () => (await chairPage.locator('[data-testid=queue] li').count()) === 2, "Marc's flag");
    const queue = await chairPage.locator('[data-testid=queue] li').allInnerTexts();
    expect(queue[0]).toContain(maria.affiliation);
    expect(queue[1]).toContain(marc.affiliation);
    expect(await textOf(marcPage, '[data-testid=my-flag]')).toContain('2');
    // The queue card with flags and the chair's buttons on it (the page test sees it empty).
    expect(await violations(chairPage, '#speaker-queue')).toEqual([]);

    // The chair gives the floor to the next in line from the keyboard, in the text.
    await caretAtEndOfClause(chairPage, 0);
    await chairPage.keyboard.press('Control+Alt+KeyJ');
    for (const page of [chairPage, mariaPage, marcPage]) {
      await until(async () => (await textOf(page, '[data-testid=floor]')).includes(maria.affiliation), 'the floor');
      await until(async () => (await textOf(page, '[data-testid=next]')).includes(marc.affiliation), 'who is next');
    }
    await until(
      async () => (await textOf(screen, '[data-testid=projection-floor]')).includes(maria.affiliation),
      'the floor on the screen',
    );
    // Next again: Marc speaks, and nobody waits.
    await chairPage.keyboard.press('Control+Alt+KeyJ');
    await until(
      async () => (await textOf(mariaPage, '[data-testid=floor]')).includes(marc.affiliation),
      'Marc has the floor',
    );
    await until(
      async () => (await textOf(screen, '[data-testid=projection-floor]')).includes(marc.affiliation),
      'on the screen',
    );

    // The screen is on the chair's paragraph, and follows the chair to another one.
    const current = () => screen.locator('.projected-paragraph.current').getAttribute('data-paragraph-id');
    await until(async () => (await current()) === 'p-one', 'the screen on paragraph 1', 15_000);
    await caretAtEndOfClause(chairPage, 2);
    await until(async () => (await current()) === 'p-three', 'the screen following the chair', 15_000);
    expect(await screen.locator('.projected-paragraph.current').innerText()).toContain('judges and prosecutors');

    expect(await violations(screen)).toEqual([]);

    // The chair's tools open the projection in a new window, in the chair's own session.
    await chairPage.getByRole('button', { name: 'Screen', exact: true }).click();
    await chairPage.locator('dialog[open] select').waitFor();
    expect(await violations(chairPage, 'dialog[open]')).toEqual([]);
    // Waited for only now: axe finishes its run in a page of its own, which would be taken for the window.
    const popup = chairPage.context().waitForEvent('page');
    await chairPage.getByRole('button', { name: 'Open the projection in a new window' }).click();
    const own = await popup;
    await own.locator('.projected-paragraph.current[data-paragraph-id=p-three]').waitFor({ timeout: 15_000 });
    await screenContext.close();
    // About 20 s alone; generous for a loaded 2-core machine (no step waits a fixed time).
  }, 90_000);
});
