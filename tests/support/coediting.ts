import type { Page } from 'playwright-core';
import type { Draft, InlineRun, Paragraph } from '../../shared/model/draft.js';
import { readDraft } from '../../shared/model/readDraft.js';
import { EDITOR_ROOT } from '../../shared/model/schemaNames.js';
import type { TestServer } from './testServer.js';

/** A draft with one section holding these paragraphs (ids p1, p2, …), created by the admin. */
export async function seedDraft(server: TestServer, title: string, paragraphs: Array<string | InlineRun[]>) {
  const admin = await server.accord.store.users.get('admin');
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

/** Where in a paragraph's text: a character offset (negative: from the end) or a fraction of its length. */
export type CaretOffset = number | { fraction: number };

/**
 * Puts the caret at a character offset of a paragraph's text, through the DOM selection as a
 * click would, then waits for ProseMirror to read it. Returns the offset it used, or null when the
 * paragraph is not on the page (only with `ifPresent`: a fuzz run's paragraph may have just been
 * merged away by another page).
 */
export async function placeCaret(
  page: Page,
  paragraphId: string,
  offset: CaretOffset,
  { settleMs = 150, ifPresent = false }: { settleMs?: number; ifPresent?: boolean } = {},
): Promise<number | null> {
  await page.locator('.accord-editor').focus();
  const used = await page.evaluate(
    ({ id, offset }) => {
      const para = document.querySelector(`.accord-editor .accord-clause[data-id="${id}"] p`);
      if (!para) return null;
      const texts: Text[] = [];
      const walker = document.createTreeWalker(para, NodeFilter.SHOW_TEXT, {
        acceptNode: (n) =>
          n.parentElement?.closest('[contenteditable=false], .collaboration-carets__caret')
            ? NodeFilter.FILTER_REJECT
            : NodeFilter.FILTER_ACCEPT,
      });
      for (let n = walker.nextNode(); n; n = walker.nextNode()) texts.push(n as Text);
      const total = texts.reduce((s, t) => s + t.length, 0);
      const at =
        typeof offset === 'number'
          ? offset < 0
            ? total + offset + 1
            : offset
          : Math.floor(offset.fraction * (total + 1));
      let rest = at;
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
      if (!placed) range.setStart(para, at === 0 ? 0 : para.childNodes.length);
      range.collapse(true);
      const sel = getSelection();
      sel?.removeAllRanges();
      sel?.addRange(range);
      return at;
    },
    { id: paragraphId, offset },
  );
  if (used === null && !ifPresent) throw new Error(`no paragraph ${paragraphId}`);
  await page.waitForTimeout(settleMs);
  return used;
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
