import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverState, silenceDraft } from '../support/silenceDraft.js';
import type { TestServer } from '../support/testServer.js';
import { deepText, openDraft, settle, until } from './support/draftPage.js';
import { startServerAndBrowser } from './support/serverAndBrowser.js';

/** Time the chair allows in this test: long enough to look and try to type, short enough to watch it expire. */
const SECONDS = 20;

/**
 * The silence procedure in Chromium with a chair and two members: the chair starts a short
 * silence on a section from the draft tools; members see the countdown and cannot type there;
 * one member breaks silence on a paragraph with a reason; at the deadline every page shows the
 * others agreed. Every wait is for a condition.
 */
describe('silence procedure in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let stop: (() => Promise<void>) | undefined;
  let docId: string;
  const pages: Array<{ context: BrowserContext; page: Page }> = [];

  beforeAll(async () => {
    ({ server, browser, stop } = await startServerAndBrowser({ env: { DEADLINE_POLL_MS: 200 } }));
    const seeded = await silenceDraft(server);
    docId = seeded.docId;
    seeded.chair.close();
  });

  afterAll(() => stop?.());

  const clause = (page: Page, id: string) => page.locator(`.accord-editor .accord-clause[data-id="${id}"]`);

  it('chair starts a silence on a section; members see the countdown, cannot type, one breaks; expiry agrees the rest everywhere', async () => {
    const c = await server.addPerson(docId, 'chair', 'Carla Chair');
    const a = await server.addPerson(docId, 'member', 'Ana Souza');
    const k = await server.addPerson(docId, 'member', 'Kofi Otieno');
    // One after the other: three pages loading at once starve a loaded 2-core machine.
    const chair = await openDraft(browser, server, c.userId, docId);
    const ana = await openDraft(browser, server, a.userId, docId);
    const kofi = await openDraft(browser, server, k.userId, docId);
    pages.push(chair, ana, kofi);

    // The chair, from the draft tools: section B, SECONDS seconds, a note.
    await chair.page
      .getByRole('navigation', { name: 'Draft tools' })
      .getByRole('button', { name: 'Silence procedure' })
      .click();
    const dialog = chair.page.getByRole('dialog', { name: 'Silence procedure' });
    await dialog.getByRole('radio', { name: 'a section' }).check();
    await dialog.getByRole('combobox', { name: 'Section' }).selectOption({ label: 'Section B' });
    await dialog.getByRole('spinbutton', { name: 'Time allowed' }).fill(String(SECONDS));
    await dialog.getByRole('combobox', { name: 'Unit' }).selectOption('seconds');
    await dialog.getByRole('textbox', { name: 'Note to delegations' }).fill('Circulated for adoption');
    await dialog.getByRole('button', { name: 'Start silence' }).click();
    await dialog.getByRole('status').filter({ hasText: 'Silence procedure started.' }).waitFor();
    await dialog.getByRole('button', { name: 'Close Silence procedure' }).click();

    // Kofi breaks silence on b1 with a reason, from the notice beside the text (first: well before the deadline).
    await clause(kofi.page, 'b1').locator('p').click();
    const notice = kofi.page.locator('accord-silence-notice');
    await notice.getByRole('button', { name: 'Break silence…' }).click();
    await notice
      .getByRole('textbox', { name: /Why your delegation breaks silence/ })
      .fill('Our capital needs more time');
    await notice.getByRole('button', { name: 'Break silence', exact: true }).click();
    await until(
      async () => (await chair.page.locator('.accord-clause.is-silenced').count()) === 2,
      'b1 out of silence',
    );

    // Ana sees the countdown on the frozen paragraphs and the notice with the chair's note.
    await until(async () => (await ana.page.locator('.accord-clause.is-silenced').count()) === 2, 'frozen paragraphs');
    expect(await deepText(clause(ana.page, 'b2').locator('accord-countdown'))).toMatch(/Under silence — .* left/);
    expect(await deepText(ana.page.locator('accord-silence-notice'))).toContain('Circulated for adoption');
    expect(await clause(ana.page, 'b2').getAttribute('contenteditable')).toBe('false');

    // She tries to type into a frozen paragraph, then types into an open one: only the latter arrives.
    await clause(ana.page, 'b2').locator('p').click();
    await settle(ana.page);
    await ana.page.keyboard.type('XYZ');
    await clause(ana.page, 'a1').locator('p').click();
    await ana.page.keyboard.press('End');
    await settle(ana.page);
    await ana.page.keyboard.type(' Open.');
    await until(
      async () => ((await clause(chair.page, 'a1').textContent()) ?? '').includes('Open.'),
      'open edit at the chair',
    );
    for (const p of [chair, ana, kofi]) expect(await clause(p.page, 'b2').textContent()).not.toContain('XYZ');

    // At the deadline, every page shows b2 and b3 agreed and b1 under negotiation; nothing is frozen.
    for (const p of [chair, ana, kofi]) {
      await until(
        async () =>
          (await p.page.locator('.accord-clause.is-silenced').count()) === 0 &&
          (await clause(p.page, 'b2').getAttribute('data-status')) === 'Agreed' &&
          (await clause(p.page, 'b3').getAttribute('data-status')) === 'Agreed',
        'agreed at the deadline',
        SECONDS * 1000 + 15_000,
      );
      expect(await clause(p.page, 'b1').getAttribute('data-status')).toBe('Under negotiation');
    }

    // A deadline as a date and time in a zone: from the keyboard, the radio group then the
    // labelled picker and zone; the server gets that instant and the zone's name.
    const tokyo = new Date(Date.now() + 2 * 86_400_000 + 9 * 3_600_000); // Tokyo is UTC+9, no summer time
    const [y, m, d] = [tokyo.getUTCFullYear(), tokyo.getUTCMonth() + 1, tokyo.getUTCDate()];
    const local = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}T17:30`;
    await chair.page
      .getByRole('navigation', { name: 'Draft tools' })
      .getByRole('button', { name: 'Silence procedure' })
      .click();
    const tool = chair.page.getByRole('dialog', { name: 'Silence procedure' });
    await tool.getByRole('radio', { name: 'the whole draft' }).check();
    await tool.getByRole('radio', { name: 'After a time allowed' }).focus();
    await chair.page.keyboard.press('ArrowDown');
    expect(await tool.getByRole('radio', { name: 'At a date and time' }).isChecked()).toBe(true);
    await tool.getByLabel('Date and time', { exact: true }).fill(local);
    await tool.getByRole('combobox', { name: 'Time zone' }).selectOption('Asia/Tokyo');
    await tool.getByText(/Deadline: .*\(Asia\/Tokyo\)/).waitFor();
    await tool.getByRole('button', { name: 'Start silence' }).click();
    const running = async () => (await serverState(server, docId)).silence.silences.find((s) => s.state === 'running');
    await until(async () => (await running()) !== undefined, 'the second silence to start');
    const started = await running();
    expect(started?.deadline).toBe(Date.UTC(y, m - 1, d, 17 - 9, 30));
    expect(started?.timeZone).toBe('Asia/Tokyo');

    // Extended to a date and time, in the zone it was started in (Tokyo, offered by default).
    const runningItem = tool.locator('.silence-list li').first();
    await runningItem.getByRole('radio', { name: 'At a date and time' }).check();
    expect(await runningItem.getByRole('combobox', { name: 'Time zone' }).inputValue()).toBe('Asia/Tokyo');
    const later = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}T23:15`;
    await runningItem.getByLabel('Date and time', { exact: true }).fill(later);
    await runningItem.getByRole('button', { name: 'Extend', exact: true }).click();
    await until(async () => (await running())?.deadline === Date.UTC(y, m - 1, d, 23 - 9, 15), 'the extension');
  }, 60_000);
});
