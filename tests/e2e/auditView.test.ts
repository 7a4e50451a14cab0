import type { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../support/testServer.js';
import { openDraft, until } from './support/draftPage.js';
import { startServerAndBrowser } from './support/serverAndBrowser.js';

const paragraph = (id: string, text: string) => ({
  id,
  kind: 'operative' as const,
  bis: false,
  altGroup: null,
  bracket: null,
  blocks: [{ type: 'text' as const, runs: [{ text, brackets: [] }] }],
});

describe('the audit view: names, paragraph numbers, readable actions, filters and pages', () => {
  let server: TestServer;
  let browser: Browser;
  let stop: (() => Promise<void>) | undefined;
  let docId: string;
  let chair: { userId: string; token: string; name: string };
  let member: { userId: string; token: string; name: string };

  beforeAll(async () => {
    ({ server, browser, stop } = await startServerAndBrowser());
    const admin = (await server.accord.store.users.get('admin'))!;
    docId = (
      await server.accord.setup.create(admin, 'Audited draft', null, {
        draft: {
          sections: [
            {
              id: 's1',
              heading: 'I. Legal measures',
              paragraphs: [
                paragraph('p-first', 'States should adopt legislation on cybercrime.'),
                paragraph('p-second', 'Cooperation should be voluntary.'),
              ],
            },
          ],
        },
      })
    ).id;
    chair = await server.addPerson(docId, 'chair', 'Carla Chair');
    member = await server.addPerson(docId, 'member', 'Maria Member');
    const api = (path: string, body: unknown, token: string) =>
      server.api('POST', `/api/documents/${docId}${path}`, body, token);
    expect((await api('/paragraphs/p-second/objections', { reason: 'Too weak' }, member.token)).status).toBe(201);
    expect((await api('/paragraphs/p-first/status', { status: 'agreed' }, chair.token)).status).toBe(200);
    expect((await api('/paragraphs/p-first/lock', {}, chair.token)).status).toBe(200);
    // Enough entries for several pages: every export is on record.
    for (let i = 0; i < 60; i++) {
      expect(
        (await server.api('GET', `/api/documents/${docId}/export?format=md`, undefined, member.token)).status,
      ).toBe(200);
    }
  });
  afterAll(() => stop?.());

  const rows = (dialog: Locator) => dialog.locator('tbody tr');
  const column = (dialog: Locator, n: number) =>
    rows(dialog).evaluateAll((trs, i) => trs.map((tr) => tr.children[i]?.textContent ?? ''), n);

  it('reads like minutes of the negotiation, filters by person, paragraph, action and time, and pages', async () => {
    const { context, page } = await openDraft(browser, server, chair.userId, docId);
    await page.getByRole('navigation', { name: 'Draft tools' }).getByRole('button', { name: 'Audit log' }).click();
    const dialog = page.locator('dialog[open]');
    await dialog.getByText('The audit chain is intact').waitFor();
    const summary = dialog.getByText(/^Entries \d+–\d+ of \d+, newest first\.$/);
    await summary.waitFor();
    const total = Number(/of (\d+)/.exec((await summary.textContent()) ?? '')?.[1]);
    expect(total).toBeGreaterThan(60);
    expect(await rows(dialog).count()).toBe(50);

    // Names with delegations, sentences with paragraph numbers; no ids, no JSON.
    const table = (await dialog.locator('table').textContent()) ?? '';
    expect(table).not.toContain(member.userId);
    expect(table).not.toContain('p-second');
    expect(table).not.toContain('{"');

    await dialog.getByLabel('Action').selectOption({ label: 'Objections' });
    // A decision names the delegation the person spoke for when they made it (its code).
    expect(await column(dialog, 1)).toEqual([`Maria Member (${await delegationOf(member.userId)})`]);
    expect(await column(dialog, 2)).toEqual(['Objected to paragraph 2 — “Too weak”']);

    await dialog.getByRole('button', { name: 'Clear filters' }).click();
    await dialog.getByLabel('Paragraph').fill('1');
    await until(async () => (await rows(dialog).count()) === 2, 'two entries about paragraph 1');
    expect(await column(dialog, 2)).toEqual(['Locked paragraph 1', 'Set paragraph 1 from draft to agreed']);
    expect(new Set(await column(dialog, 1))).toEqual(new Set([`Carla Chair (${await delegationOf(chair.userId)})`]));

    await dialog.getByRole('button', { name: 'Clear filters' }).click();
    await dialog.getByLabel('Person').selectOption({ label: 'Maria Member' });
    await dialog.getByText(/^Entries 1–50 of 61, newest first\.$/).waitFor();
    expect(new Set(await column(dialog, 1)).size).toBe(1);
    await dialog.getByRole('button', { name: 'Older' }).click();
    await dialog.getByText(/^Entries 51–61 of 61, newest first\.$/).waitFor();
    expect((await column(dialog, 2)).at(-1)).toBe('Objected to paragraph 2 — “Too weak”');
    expect(await dialog.getByRole('button', { name: 'Older' }).isDisabled()).toBe(true);

    // A time window before anything happened matches nothing.
    await dialog.getByLabel('To').fill('2020-01-01T00:00');
    await dialog.getByText('No entry matches.').waitFor();
    await context.close();
  });

  async function delegationOf(userId: string): Promise<string> {
    return (await server.accord.store.delegations.ofMember(docId, userId))!.code;
  }
});
