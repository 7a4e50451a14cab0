import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.js';
import { signIn } from '../support/signIn.js';
import { removeDir, startTestServer, type TestServer } from '../support/testServer.js';
import { until, waitForEditor } from './support/draftPage.js';

const PHONE = { width: 390, height: 844 };

/** Widest element's right edge and the page's scroll width: neither may exceed the screen. */
function overflow(page: Page): Promise<{ scrollWidth: number; widest: string }> {
  return page.evaluate(() => {
    let widest = '';
    let right = 0;
    for (const el of document.querySelectorAll('body *')) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.right > right) {
        right = r.right;
        widest = `${el.tagName.toLowerCase()}.${el.className} (${Math.round(r.right)} px)`;
      }
    }
    return { scrollWidth: document.documentElement.scrollWidth, widest };
  });
}

async function inViewport(page: Page, selector: string): Promise<boolean> {
  return page
    .locator(selector)
    .first()
    .evaluate((el) => {
      const r = el.getBoundingClientRect();
      // Its top on screen (scrollIntoView may leave it a fraction of a pixel above).
      return r.height > 0 && r.top > -2 && r.top < window.innerHeight;
    });
}

describe('the home page: the secretariat imports drafts; phones', () => {
  let server: TestServer;
  let browser: Browser;
  let files: string;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    files = mkdtempSync(join(tmpdir(), 'accord-import-'));
    writeFileSync(
      join(files, 'cyber.md'),
      '# Recommendations on cybersecurity\n\n## I. Legal measures\n\nStates should [adopt][consider] legislation.\n\nA second paragraph.\n',
    );
    writeFileSync(join(files, 'agenda.pdf'), '%PDF-1.4 not a draft');
    writeFileSync(join(files, 'broken.docx'), 'PK\u0003\u0004 this is not really a zip archive');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (server) removeDir(server.dataDir);
    if (files) removeDir(files);
  });

  it('imports several files with progress, and shows each file its own result or error', async () => {
    const context = await browser.newContext();
    await signIn(context, server, 'admin');
    const page = await context.newPage();
    await page.goto(server.url);
    const card = page.getByRole('region', { name: 'Import a zero draft' });
    await card.waitFor();
    // Record every state each file goes through (uploading → importing → done, or failed).
    await page.evaluate(() => {
      const seen: Record<string, string[]> = {};
      (window as unknown as { importStates: typeof seen }).importStates = seen;
      new MutationObserver(() => {
        for (const li of document.querySelectorAll('.import-list li')) {
          const name = li.querySelector('.import-name')?.textContent ?? '';
          const state = li.getAttribute('data-state') ?? '';
          const list = (seen[name] ??= []);
          if (list[list.length - 1] !== state) list.push(state);
        }
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    await card
      .getByLabel('Files')
      .setInputFiles([join(files, 'cyber.md'), join(files, 'agenda.pdf'), join(files, 'broken.docx')]);
    await card.getByRole('button', { name: 'Import' }).click();
    const rows = card.getByRole('list', { name: 'Imported files' }).locator('li');
    await until(
      async () =>
        (await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-state')))).every(
          (s) => s === 'done' || s === 'failed',
        ),
      'every file to be handled',
      20_000,
    );
    const texts = await rows.allTextContents();
    expect(texts[0]).toMatch(/^cyber\.mdImported as “[^”]+”: 1 section, 2 paragraphs, 2 brackets\. Open$/);
    expect(texts[1]).toBe('agenda.pdfImport a Word document (.docx) or a Markdown file (.md).');
    expect(texts[2]).toMatch(/^broken\.docxThis is not a Word document \(\.docx\)/);
    const states = await page.evaluate(
      () => (window as unknown as { importStates: Record<string, string[]> }).importStates,
    );
    expect(states['cyber.md']?.at(-1)).toBe('done');
    expect(states['cyber.md']?.some((s) => s === 'uploading' || s === 'importing')).toBe(true);
    // The new draft is in the list at once, and "Open" goes there.
    const imported = (texts[0] ?? '').match(/“([^”]+)”/)?.[1] ?? '';
    await page.locator('.doc-list li', { hasText: imported }).waitFor();
    await rows.first().getByRole('link', { name: 'Open' }).click();
    await waitForEditor(page);
    expect(await page.locator('.accord-editor').textContent()).toContain('A second paragraph.');
    await context.close();
  });

  it('fits the list of drafts into a 390 px phone', async () => {
    const person = await server.accord.store.users.create('Pat Phone', 'Delegation of the Republic of Somewhere');
    for (const [title, symbol] of [
      [
        'Draft recommendations of the Expert Group on global cybersecurity cooperation and capacity building',
        'EG/2026/1/Add.1/Corr.2',
      ],
      ['Compilation of proposals on international cooperation', 'EG/2026/INF/3'],
    ] as const) {
      const doc = await server.accord.setup.create((await server.accord.store.users.get('admin'))!, title, symbol);
      await server.accord.store.memberships.setRole(doc.id, person.userId, 'observer');
    }
    const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
    await signIn(context, server, person.userId);
    const page = await context.newPage();
    await page.goto(server.url);
    await page.getByRole('heading', { name: 'My drafts' }).waitFor();
    await page.locator('.doc-list li').nth(1).waitFor();
    const { scrollWidth, widest } = await overflow(page);
    expect(scrollWidth, widest).toBeLessThanOrEqual(PHONE.width);
    await context.close();
  });

  it('lets a phone reach the paragraph panel from the paragraph, and come back', async () => {
    const docId = await server.createDoc('Phone draft');
    const member = await server.addPerson(docId, 'member', 'Maria Member');
    const room = await server.accord.services.rooms.get(docId);
    // Enough text that the panel is far below the paragraph in one column.
    const { writeDraft } = await import('../../shared/model/writeDraft.js');
    await room.execute((step) =>
      step.apply(() => {
        const doc = step.doc;
        const root = doc.getXmlFragment('default');
        root.delete(0, root.length);
        writeDraft(root, {
          sections: [
            {
              id: 's1',
              heading: 'I. Legal measures',
              paragraphs: Array.from({ length: 25 }, (_, i) => ({
                id: `p${i + 1}`,
                kind: 'operative' as const,
                bis: false,
                altGroup: null,
                bracket: null,
                blocks: [
                  {
                    type: 'text' as const,
                    runs: [
                      {
                        text: `Paragraph ${i + 1}: States should cooperate on incident response and share information on threats.`,
                        brackets: [],
                      },
                    ],
                  },
                ],
              })),
            },
          ],
        });
      }),
    );
    const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
    await signIn(context, server, member.userId);
    const page = await context.newPage();
    await page.goto(`${server.url}/d/${docId}`);
    await waitForEditor(page);
    const { scrollWidth, widest } = await overflow(page);
    expect(scrollWidth, widest).toBeLessThanOrEqual(PHONE.width);

    const toPanel = page.getByRole('button', { name: /^Paragraph 3: Draft — status and objections/ });
    // A tap while the page is still settling (fonts, first layout under a loaded CI machine) can
    // land before the editor listens; a person taps again, and so does the test, at most 3 times.
    for (let attempt = 1; ; attempt++) {
      await page.locator('.accord-editor .accord-clause').nth(2).locator('p').tap();
      const shown = await toPanel.waitFor({ timeout: 5_000 }).then(
        () => true,
        () => false,
      );
      if (shown) break;
      if (attempt === 3) throw new Error('three taps on paragraph 3 never showed its panel button');
    }
    expect(await inViewport(page, '.panel-jump')).toBe(true);
    expect(await inViewport(page, '#paragraph-panel')).toBe(false);
    await toPanel.tap();
    await until(() => inViewport(page, '#paragraph-panel'), 'the panel in view');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('paragraph-panel');
    const back = page.getByRole('button', { name: 'Back to paragraph 3' });
    await back.waitFor();
    await back.tap();
    await until(() => inViewport(page, '.accord-editor .accord-clause:nth-child(4)'), 'the paragraph in view');
    await context.close();
  });
});
