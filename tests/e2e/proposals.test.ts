import mammoth from 'mammoth';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readGovernance } from '../../shared/model/readDraft.js';
import type { TestServer } from '../support/testServer.js';
import { caretAtEndOfClause, deepText, editorText, openDraft, selectText, until } from './support/draftPage.js';
import { startServerAndBrowser } from './support/serverAndBrowser.js';

/**
 * Competing proposals in three browsers: Brazil and Kenya table competing replacements of one
 * word from the paragraph panel, Norway supports Brazil's, the chair accepts Brazil's as an
 * alternative and rejects Kenya's; everyone sees each step live.
 */
describe('two delegations table competing proposals; the chair decides', () => {
  let server: TestServer;
  let browser: Browser;
  let stop: (() => Promise<void>) | undefined;
  let docId: string;
  let chair: { context: BrowserContext; page: Page };
  let brazil: { context: BrowserContext; page: Page };
  let kenya: { context: BrowserContext; page: Page };
  let norwayToken: string;

  const panel = (page: Page) => page.locator('accord-paragraph-panel');
  const propose = async (page: Page, word: string, text: string, justification: string) => {
    await selectText(page, word);
    await panel(page).getByRole('button', { name: 'Propose change…' }).click();
    await panel(page).getByLabel('Proposed text').fill(text);
    await panel(page).getByLabel('Justification (optional)').fill(justification);
    await panel(page).getByRole('button', { name: 'Table proposal' }).click();
  };
  const proposals = async () =>
    readGovernance((await server.accord.services.rooms.get(docId)).doc.getMap('gov')).proposals ?? [];

  beforeAll(async () => {
    ({ server, browser, stop } = await startServerAndBrowser());
    docId = await server.createDoc('Proposals');
    const c = await server.addPerson(docId, 'chair', 'Carla Chair');
    const b = await server.addPerson(docId, 'member', 'Ana Souza');
    const k = await server.addPerson(docId, 'member', 'Kofi Otieno');
    norwayToken = (await server.addPerson(docId, 'member', 'Lars Eriksen')).token;
    chair = await openDraft(browser, server, c.userId, docId);
    brazil = await openDraft(browser, server, b.userId, docId);
    kenya = await openDraft(browser, server, k.userId, docId);
    await caretAtEndOfClause(chair.page, 0);
    await chair.page.keyboard.type('States should cooperate.');
    for (const page of [brazil.page, kenya.page]) {
      await until(async () => (await editorText(page)).includes('cooperate.'), 'the text on every page');
    }
  }, 90_000);

  afterAll(() => stop?.());

  it('tables two competing proposals from the selection; a third delegation supports one', async () => {
    await propose(brazil.page, 'should', 'shall', 'A binding commitment.');
    await until(async () => (await proposals()).length === 1, "Brazil's proposal on the server");
    await propose(kenya.page, 'should', 'may', 'Flexibility for small States.');
    await until(async () => (await proposals()).length === 2, "Kenya's proposal on the server");
    const [fromBrazil] = await proposals();
    expect(fromBrazil).toMatchObject({ kind: 'replace', quote: 'should', text: 'shall' });
    expect(fromBrazil?.proposer.name).toBe('Ana Souza');
    const support = await server.api(
      'POST',
      `/api/documents/${docId}/proposals/${fromBrazil?.id}/support`,
      undefined,
      norwayToken,
    );
    expect(support.status).toBe(200);

    await caretAtEndOfClause(chair.page, 0);
    for (const page of [chair.page, brazil.page, kenya.page]) {
      await until(async () => {
        const t = await deepText(panel(page));
        return t.includes('Proposals (2 pending)') && t.includes('Supported (1): Lars Eriksen');
      }, 'both proposals and the support on every page');
    }
    const text = await deepText(panel(chair.page));
    expect(text).toContain('replace should by shall');
    expect(text).toContain('replace should by may');
    expect(text).toContain('Justification: Flexibility for small States.');
    // Members have no decision buttons; the proposer can withdraw, the other delegation can support.
    expect(await panel(brazil.page).getByRole('button', { name: 'Accept' }).count()).toBe(0);
    const kenyaOnBrazil = panel(kenya.page).getByRole('group', { name: /Act on the proposal by Ana Souza/ });
    expect(await kenyaOnBrazil.getByRole('button', { name: 'Support' }).count()).toBe(1);
    expect(await kenyaOnBrazil.getByRole('button', { name: 'Withdraw' }).count()).toBe(0);
  });

  it('the chair accepts one as an alternative and rejects the other; everyone sees it live', async () => {
    const onBrazil = panel(chair.page).getByRole('group', { name: /Act on the proposal by Ana Souza/ });
    await onBrazil.getByRole('button', { name: 'Accept as alternative' }).click();
    for (const page of [chair.page, brazil.page, kenya.page]) {
      const labels = page.locator('.accord-editor .accord-option-label');
      await until(
        async () => (await labels.allTextContents()).join('|') === 'Option 1:|Option 2:',
        'Option 1 / Option 2 on every page',
      );
      await until(async () => (await editorText(page)).includes('shall'), 'the new option');
    }
    const onKenya = panel(chair.page).getByRole('group', { name: /Act on the proposal by Kofi Otieno/ });
    await onKenya.getByRole('button', { name: 'Reject…' }).click();
    await panel(chair.page).getByLabel('Reason for rejecting (optional)').fill('The group chose to keep both options.');
    await panel(chair.page).getByRole('button', { name: 'Reject proposal' }).click();
    await caretAtEndOfClause(kenya.page, 0);
    await caretAtEndOfClause(brazil.page, 0);
    for (const page of [brazil.page, kenya.page]) {
      await until(async () => {
        const t = await deepText(panel(page));
        return t.includes('Proposals (0 pending)') && t.includes('Decided or withdrawn (2)');
      }, 'the decisions on every page');
    }
    const states = (await proposals()).map((p) => [p.text, p.state, p.decision?.reason ?? null]);
    expect(states).toEqual([
      ['shall', 'alternative', null],
      ['may', 'rejected', 'The group chose to keep both options.'],
    ]);
  });

  it('the compilation the chair downloads in Word shows both proposals, the support and the decisions', async () => {
    await chair.page
      .getByRole('navigation', { name: 'Draft tools' })
      .getByRole('button', { name: 'Revisions & export' })
      .click();
    const dialog = chair.page.locator('dialog[open]');
    await dialog.getByLabel('Document').selectOption({ label: 'Compilation of proposals (Word)' });
    const [file] = await Promise.all([
      chair.page.waitForEvent('download', { timeout: 20_000 }),
      dialog.getByRole('button', { name: 'Download document' }).click(),
    ]);
    const path = await file.path();
    const { value } = await mammoth.extractRawText({ path });
    expect(value).toContain('MOD (replace text) — Accepted as an alternative');
    expect(value).toMatch(/Proposed by Ana Souza \(\w+\)/);
    expect(value).toMatch(/Supported by Lars Eriksen \(\w+\)/);
    expect(value).toMatch(/Rejected by Carla Chair \(\w*\)?: The group chose to keep both options\./);
  });
});
