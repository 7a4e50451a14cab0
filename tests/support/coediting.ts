import type { Page } from 'playwright-core';
import type { Draft, InlineRun, Paragraph } from '../../shared/model/draft.js';
import { readDraft } from '../../shared/model/readDraft.js';
import { EDITOR_ROOT } from '../../shared/model/schemaNames.js';
import type { TestServer } from './testServer.js';

/** A draft with one section holding these paragraphs (ids p1, p2, …), created by the admin. */
export async function seedDraft(server: TestServer, title: string, paragraphs: Array<string | InlineRun[]>) {
  const admin = server.accord.services.accounts.user('admin');
  if (!admin) throw new Error('no admin');
  const draft: Draft = {
    sections: [
      {
        id: 's1',
        heading: 'Section 1',
        paragraphs: paragraphs.map(
          (runs, i): Paragraph => ({
            id: `p${i + 1}`,
            kind: 'operative',
            bis: false,
            altGroup: null,
            bracket: null,
            blocks: [{ type: 'text', runs: typeof runs === 'string' ? [{ text: runs, brackets: [] }] : runs }],
          }),
        ),
      },
    ],
  };
  return (await server.accord.setup.create(admin, title, null, { draft })).id;
}

/** The server's draft, as stored (after everything accepted so far is flushed). */
export async function serverDraft(server: TestServer, docId: string): Promise<Draft> {
  const room = await server.accord.services.rooms.get(docId);
  await room.flushed();
  return readDraft(room.doc.getXmlFragment(EDITOR_ROOT));
}

/** Plain text of a paragraph's blocks, blocks joined by a newline. */
export function paragraphText(p: Paragraph): string {
  return p.blocks.map((b) => (b.type === 'text' ? b.runs.map((r) => r.text).join('') : '')).join('\n');
}

/** Every paragraph of the server's draft as `id: text`, in document order. */
export async function serverTexts(server: TestServer, docId: string): Promise<string[]> {
  const draft = await serverDraft(server, docId);
  return draft.sections.flatMap((s) => s.paragraphs.map((p) => `${p.id}: ${paragraphText(p)}`));
}

/** What a page shows: every clause as `id: text` (widgets, carets and labels left out). */
export function pageTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const clause of document.querySelectorAll('.accord-editor .accord-clause')) {
      const clone = clause.cloneNode(true) as HTMLElement;
      for (const el of clone.querySelectorAll('[contenteditable=false], .collaboration-carets__caret')) el.remove();
      const blocks = [...clone.querySelectorAll('p')].map((p) => p.textContent ?? '');
      out.push(`${clause.getAttribute('data-id')}: ${blocks.join('\n')}`);
    }
    return out;
  });
}

/**
 * Puts the caret at a character offset of a paragraph's text (negative: from the end), through
 * the DOM selection as a click would, then waits for ProseMirror to read it.
 */
export async function placeCaret(page: Page, paragraphId: string, offset: number): Promise<void> {
  await page.locator('.accord-editor').focus();
  await page.evaluate(
    ({ id, offset }) => {
      const para = document.querySelector(`.accord-editor .accord-clause[data-id="${id}"] p`);
      if (!para) throw new Error(`no paragraph ${id}`);
      const texts: Text[] = [];
      const walker = document.createTreeWalker(para, NodeFilter.SHOW_TEXT, {
        acceptNode: (n) =>
          n.parentElement?.closest('[contenteditable=false], .collaboration-carets__caret')
            ? NodeFilter.FILTER_REJECT
            : NodeFilter.FILTER_ACCEPT,
      });
      for (let n = walker.nextNode(); n; n = walker.nextNode()) texts.push(n as Text);
      const total = texts.reduce((s, t) => s + t.length, 0);
      let rest = offset < 0 ? total + offset + 1 : offset;
      const range = document.createRange();
      let placed = false;
      for (const t of texts) {
        if (rest <= t.length) {
          range.setStart(t, rest);
          placed = true;
          break;
        }
        rest -= t.length;
      }
      if (!placed) range.setStart(para, para.childNodes.length);
      range.collapse(true);
      const sel = getSelection();
      sel?.removeAllRanges();
      sel?.addRange(range);
    },
    { id: paragraphId, offset },
  );
  await page.waitForTimeout(150);
}

/** Resolves once every page shows exactly the server's text, or throws with what differed. */
export async function converged(server: TestServer, docId: string, pages: Page[], timeoutMs = 15_000) {
  const start = Date.now();
  for (;;) {
    const expected = await serverTexts(server, docId);
    const seen = await Promise.all(pages.map((p) => pageTexts(p)));
    if (seen.every((s) => JSON.stringify(s) === JSON.stringify(expected))) return expected;
    if (Date.now() - start > timeoutMs) {
      throw new Error(`pages did not converge:\nserver ${JSON.stringify(expected)}\npages ${JSON.stringify(seen)}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Realistic typing: one key every 150 ms. */
export const KEY_DELAY_MS = 150;
