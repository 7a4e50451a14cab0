import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { signIn } from '../../support/signIn.js';
import type { TestServer } from '../../support/testServer.js';

/** Polls `check` in Node until it holds (for assertions across two pages). */
export async function until(check: () => Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A signed-in browser context with the draft page open and the editor ready. */
export async function openDraft(
  browser: Browser,
  server: TestServer,
  userId: string,
  docId: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1300, height: 900 } });
  await signIn(context, server, userId);
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error(`[page error] ${e.message}`));
  await page.goto(`${server.url}/d/${docId}`);
  await waitForEditor(page);
  return { context, page };
}

export async function waitForEditor(page: Page): Promise<void> {
  await page.locator('.accord-editor .accord-clause').first().waitFor({ timeout: 15_000 });
  await page.locator('[data-testid=connection]', { hasText: 'Connected' }).waitFor({ timeout: 15_000 });
}

/** The text of the editor, without widgets (brackets, option labels are decorations). */
export function editorText(page: Page): Promise<string> {
  return page.locator('.accord-editor').evaluate((root) => {
    const clone = root.cloneNode(true) as HTMLElement;
    for (const el of clone.querySelectorAll('[contenteditable=false], .collaboration-carets__caret')) el.remove();
    return clone.textContent ?? '';
  });
}

/** Places the caret at the end of the n-th clause (0-based). */
export async function caretAtEndOfClause(page: Page, index: number): Promise<void> {
  const para = page.locator('.accord-editor .accord-clause').nth(index).locator('p').last();
  await para.click();
  await page.keyboard.press('End');
  await settle(page);
}

/**
 * Lets ProseMirror read a selection the browser moved (clicks, Home/End): it picks it up
 * on the async selectionchange event, and a key pressed before that only flushes it.
 */
export function settle(page: Page): Promise<void> {
  return page.waitForTimeout(150);
}

/**
 * Selects the first occurrence of `text` in the editor through the DOM selection (ProseMirror
 * follows it). The text may span several text nodes: another person's caret, drawn as a widget
 * where their awareness last put it, splits the words it stands in.
 */
export async function selectText(page: Page, text: string): Promise<void> {
  await page.locator('.accord-editor').focus();
  await page.evaluate((t) => {
    const root = document.querySelector('.accord-editor');
    if (!root) throw new Error('no editor');
    const nodes: Text[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
      // The carets' name labels are not the document's text.
      acceptNode: (n) =>
        n.parentElement?.closest('.collaboration-carets__caret') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
    });
    for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
    const whole = nodes.map((n) => n.data).join('');
    const at = whole.indexOf(t);
    if (at < 0) throw new Error(`text not found: ${t}`);
    /** The text node and offset of character `i` of the concatenated text (`end`: the end of the one before). */
    const locate = (i: number, end: boolean): [Text, number] => {
      let start = 0;
      for (const n of nodes) {
        const after = start + n.data.length;
        if (end ? i <= after : i < after) return [n, i - start];
        start = after;
      }
      const last = nodes[nodes.length - 1] as Text;
      return [last, last.data.length];
    };
    const range = document.createRange();
    range.setStart(...locate(at, false));
    range.setEnd(...locate(at + t.length, true));
    const sel = getSelection();
    sel?.removeAllRanges();
    sel?.addRange(range);
  }, text);
  // ProseMirror reads the DOM selection on selectionchange.
  await page.waitForTimeout(100);
}

/** Text of an element including (nested) open shadow roots: what the user reads in a Lit component. */
export function deepText(locator: Locator): Promise<string> {
  return locator.evaluate((el) => {
    const walk = (node: Node): string => {
      if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
      let out = '';
      const root = (node as Element).shadowRoot;
      for (const child of (root ?? node).childNodes) out += walk(child);
      return out;
    };
    return walk(el).replace(/\s+/g, ' ');
  });
}
