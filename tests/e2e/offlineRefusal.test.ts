import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Paragraph } from '../../shared/model/draft.js';
import { readDraft } from '../../shared/model/readDraft.js';
import { EDITOR_ROOT } from '../../shared/model/schemaNames.js';
import type { TestServer } from '../support/testServer.js';
import { caretAtEndOfClause, editorText, openDraft, until } from './support/draftPage.js';
import { startServerAndBrowser } from './support/serverAndBrowser.js';

/**
 * Defect 12 in the browser: a member edits three paragraphs offline; meanwhile the chair
 * locks one of them. Back online, the server refuses the member's batch — and the member
 * loses nothing: the edits to the two open paragraphs are re-applied and stored, and the
 * refused paragraph's text is shown to copy.
 */
describe('a refused offline batch keeps the unrelated offline work', () => {
  let server: TestServer;
  let browser: Browser;
  let stop: (() => Promise<void>) | undefined;
  let docId: string;
  let member: { context: BrowserContext; page: Page };

  const para = (id: string, text: string): Paragraph => ({
    id,
    kind: 'operative',
    bis: false,
    altGroup: null,
    bracket: null,
    blocks: [{ type: 'text', runs: [{ text, brackets: [] }] }],
  });

  beforeAll(async () => {
    ({ server, browser, stop } = await startServerAndBrowser());
    const admin = await server.accord.store.users.get('admin');
    if (!admin) throw new Error('no admin');
    const record = await server.accord.setup.create(admin, 'Offline', null, {
      draft: {
        sections: [
          {
            id: 's1',
            heading: 'Measures',
            paragraphs: [
              para('p1', 'First paragraph.'),
              para('p2', 'Second paragraph.'),
              para('p3', 'Third paragraph.'),
            ],
          },
        ],
      },
    });
    docId = record.id;
    const m = await server.addPerson(docId, 'member', 'Mo Member');
    member = await openDraft(browser, server, m.userId, docId);
  });

  afterAll(() => stop?.());

  const stored = async () => {
    const room = await server.accord.services.rooms.get(docId);
    await room.flushed();
    const draft = readDraft(room.doc.getXmlFragment(EDITOR_ROOT));
    return Object.fromEntries(
      (draft.sections[0]?.paragraphs ?? []).map((p) => [
        p.id,
        p.blocks.map((b) => (b.type === 'text' ? b.runs.map((r) => r.text).join('') : '')).join(''),
      ]),
    );
  };

  it('stores the edits to the open paragraphs and shows the locked one’s text to copy', async () => {
    const { page, context } = member;
    await context.setOffline(true);
    await page.locator('[data-testid=connection]', { hasText: 'Offline' }).waitFor({ timeout: 10_000 });
    for (const [i, words] of [
      [0, ' Offline one.'],
      [1, ' Offline two.'],
      [2, ' Offline three.'],
    ] as const) {
      await caretAtEndOfClause(page, i);
      await page.keyboard.type(words);
    }
    // Meanwhile the chair agrees and locks the third paragraph.
    const base = `/api/documents/${docId}/paragraphs/p3`;
    expect((await server.api('POST', `${base}/status`, { status: 'agreed' })).status).toBe(200);
    expect((await server.api('POST', `${base}/lock`)).status).toBe(200);

    await context.setOffline(false);
    await until(
      async () => {
        const s = await stored();
        return s.p1 === 'First paragraph. Offline one.' && s.p2 === 'Second paragraph. Offline two.';
      },
      'the open paragraphs’ offline edits on the server',
      20_000,
    );
    expect((await stored()).p3).toBe('Third paragraph.');

    const unsent = page.locator('.unsent-edit[data-paragraph=p3]');
    await unsent.waitFor({ timeout: 10_000 });
    expect(await unsent.locator('textarea').inputValue()).toBe('Third paragraph. Offline three.');
    expect(await unsent.textContent()).toContain('Paragraph 3');
    expect(await page.locator('.unsent-edit').count()).toBe(1);
    await unsent.getByRole('button', { name: 'Copy text' }).waitFor();
    expect(await page.locator('.alerts').textContent()).toContain('Your other changes were kept');
    // The member's editor shows the server's text: their two edits, and the locked paragraph as agreed.
    await until(async () => (await editorText(page)).includes('Offline two.'), 'the carried edits in the editor');
    expect(await editorText(page)).not.toContain('Offline three.');
    await page.locator('[data-testid=connection]', { hasText: 'Connected' }).waitFor({ timeout: 10_000 });
  });
});
