import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EDITOR_ROOT } from '../../shared/model/schemaNames.js';
import { converged, placeCaret, seedDraft } from '../support/coediting.js';
import { draftProblems } from '../support/schemaCheck.js';
import type { TestServer } from '../support/testServer.js';
import { openDraft } from './support/draftPage.js';
import { startServerAndBrowser } from './support/serverAndBrowser.js';

/** 60 s in CI; FUZZ_SECONDS runs longer. FUZZ_SEED replays a run (each page draws from seed + its number). */
const SECONDS = Number(process.env.FUZZ_SECONDS ?? 60);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);
/** The pages work in the first few paragraphs only, so their edits keep overlapping. */
const HOT_PARAGRAPHS = 4;

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ['States', 'shall', 'cooperate', 'data', 'promptly', 'capacity', 'review', 'annual', 'and', 'of'];

type Action = (page: Page, rnd: () => number) => Promise<string>;

/** Caret at a random place of one of the hot paragraphs (through the DOM selection, as a click). */
async function randomCaret(page: Page, rnd: () => number, opts: { atStart?: boolean; notFirst?: boolean } = {}) {
  const pick = rnd();
  const at = rnd();
  const ids = await page.$$eval(
    '.accord-editor .accord-clause:not(.is-locked)',
    (clauses, hot) => clauses.slice(0, hot).map((c) => c.getAttribute('data-id') ?? ''),
    HOT_PARAGRAPHS,
  );
  const candidates = opts.notFirst ? ids.slice(1) : ids;
  const id = candidates[Math.floor(pick * candidates.length)];
  if (!id) return 'nowhere';
  const used = await placeCaret(page, id, opts.atStart ? 0 : { fraction: at }, { settleMs: 60, ifPresent: true });
  return used === null ? 'nowhere' : `${id}@${used}`;
}

const word = (rnd: () => number) => WORDS[Math.floor(rnd() * WORDS.length)] ?? 'data';
const keyDelay = (rnd: () => number) => 30 + Math.floor(rnd() * 50);

async function selectRight(page: Page, n: number): Promise<void> {
  for (let i = 0; i < n; i++) await page.keyboard.press('Shift+ArrowRight');
}

const actions: Array<[weight: number, name: string, run: Action]> = [
  [
    30,
    'type',
    async (page, rnd) => {
      const at = await randomCaret(page, rnd);
      const text = ` ${word(rnd)}`;
      await page.keyboard.type(text, { delay: keyDelay(rnd) });
      return `type "${text}" at ${at}`;
    },
  ],
  [
    10,
    'delete',
    async (page, rnd) => {
      const at = await randomCaret(page, rnd);
      const n = 1 + Math.floor(rnd() * 6);
      await selectRight(page, n);
      await page.keyboard.press(rnd() < 0.5 ? 'Backspace' : 'Delete');
      return `delete ${n} at ${at}`;
    },
  ],
  [
    8,
    'enter',
    async (page, rnd) => {
      const at = await randomCaret(page, rnd);
      await page.keyboard.press('Enter');
      const text = word(rnd);
      await page.keyboard.type(text, { delay: keyDelay(rnd) });
      return `Enter + "${text}" at ${at}`;
    },
  ],
  [
    6,
    'join',
    async (page, rnd) => {
      const at = await randomCaret(page, rnd, { atStart: true, notFirst: true });
      await page.keyboard.press('Backspace');
      return `Backspace at the start of ${at}`;
    },
  ],
  [
    8,
    'bracket',
    async (page, rnd) => {
      const at = await randomCaret(page, rnd);
      const n = 2 + Math.floor(rnd() * 7);
      await selectRight(page, n);
      await page.keyboard.press('Control+Alt+b');
      return `bracket ${n} at ${at}`;
    },
  ],
  [
    5,
    'alternative',
    async (page, rnd) => {
      const at = await randomCaret(page, rnd);
      const n = 2 + Math.floor(rnd() * 7);
      await selectRight(page, n);
      await page.keyboard.press('Control+Alt+o');
      const text = word(rnd);
      await page.keyboard.type(text, { delay: keyDelay(rnd) });
      return `alternative of ${n} at ${at} + "${text}"`;
    },
  ],
  [
    6,
    'paste',
    async (page, rnd) => {
      const at = await randomCaret(page, rnd);
      const html = rnd() < 0.5;
      const w = word(rnd);
      await page.evaluate(
        ({ html, w }) => {
          const data = new DataTransfer();
          data.setData('text/plain', `${w} pasted`);
          if (html) data.setData('text/html', `<p>${w} <b>pasted</b></p><p>and <i>more</i></p>`);
          document
            .querySelector('.accord-editor')
            ?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
        },
        { html, w },
      );
      return `paste ${html ? 'html' : 'text'} "${w}" at ${at}`;
    },
  ],
  [
    8,
    'undo',
    async (page) => {
      await page.keyboard.press('Control+z');
      return 'undo';
    },
  ],
  [
    3,
    'redo',
    async (page) => {
      await page.keyboard.press('Control+Shift+z');
      return 'redo';
    },
  ],
];

function pickAction(rnd: () => number): (typeof actions)[number] {
  const total = actions.reduce((s, [w]) => s + w, 0);
  let r = rnd() * total;
  for (const a of actions) {
    r -= a[0];
    if (r < 0) return a;
  }
  return actions[0] as (typeof actions)[number];
}

/** The editor's own Yjs tree, read in the page: what this browser holds. */
function pageXml(page: Page): Promise<string> {
  return page.evaluate((root) => {
    const dom = document.querySelector('.accord-editor') as
      | (HTMLElement & { editor?: { state: Record<string, unknown> } })
      | null;
    const state = dom?.editor?.state;
    const key = state && Object.keys(state).find((k) => k.startsWith('y-sync$'));
    const sync = key ? (state[key] as { doc?: { getXmlFragment(name: string): { toString(): string } } }) : null;
    return sync?.doc?.getXmlFragment(root).toString() ?? '';
  }, EDITOR_ROOT);
}

/** ProseMirror's own schema check of the page's document; the error message, or null. */
function pageSchemaError(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const dom = document.querySelector('.accord-editor') as
      | (HTMLElement & { editor?: { state: { doc: { check(): void } } } })
      | null;
    try {
      dom?.editor?.state.doc.check();
      return null;
    } catch (err) {
      return err instanceof Error ? err.message : String(err);
    }
  });
}

/**
 * Three people editing the same few paragraphs at once, at random — typing, deleting,
 * splitting and joining paragraphs, bracketing, proposing alternatives, pasting, undoing —
 * for a minute. However their edits interleave, every page must end with the server's
 * document, every id must stay unique, the document must fit the schema, and no page may
 * throw.
 */
describe('randomised co-editing in three browsers', () => {
  let server: TestServer;
  let browser: Browser;
  let stop: (() => Promise<void>) | undefined;
  let docId: string;
  const pages: Page[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    ({ server, browser, stop } = await startServerAndBrowser());
    docId = await seedDraft(server, 'Fuzz', [
      'States shall cooperate on data.',
      'Each State designates a contact point.',
      'Capacity building is reviewed annually.',
      'The group reports to the plenary.',
      'This paragraph is left alone.',
    ]);
    for (const name of ['Ana Alvarez', 'Ben Brandt', 'Chen Cho']) {
      const person = await server.addPerson(docId, 'member', name);
      const { page } = await openDraft(browser, server, person.userId, docId);
      page.on('pageerror', (e) => pageErrors.push(`${name}: ${e.message}`));
      pages.push(page);
    }
  });

  afterAll(() => stop?.());

  it(
    `converges, keeps ids unique and the schema valid (seed ${SEED}, ${SECONDS} s)`,
    async () => {
      console.info(`co-editing fuzz: seed ${SEED}, ${SECONDS} s (replay: FUZZ_SEED=${SEED} FUZZ_SECONDS=${SECONDS})`);
      const deadline = Date.now() + SECONDS * 1000;
      const logs: string[][] = pages.map(() => []);
      let refusals = 0;
      await Promise.all(
        pages.map(async (page, i) => {
          const rnd = mulberry32(SEED + i);
          const log = logs[i] as string[];
          while (Date.now() < deadline) {
            const [, , run] = pickAction(rnd);
            try {
              log.push(await run(page, rnd));
            } catch (err) {
              // The page reloaded under the action (after a refused edit): the run goes on.
              log.push(`(action interrupted: ${err instanceof Error ? err.message.split('\n')[0] : err})`);
            }
            const alert = ((await page.locator('.alerts').textContent()) ?? '').replace('Dismiss', '').trim();
            if (alert.includes('not accepted')) {
              refusals++;
              log.push(`(refused: ${alert})`);
              console.info(`page ${i + 1} after "${log.at(-2)}": ${alert}`);
              await page
                .getByRole('button', { name: 'Dismiss' })
                .click({ timeout: 2000 })
                .catch(() => {});
            }
          }
        }),
      );
      const done = Date.now();
      const report = () =>
        logs
          .map((l, i) => `page ${i + 1} (${l.length} actions), last ones:\n  ${l.slice(-15).join('\n  ')}`)
          .join('\n');

      try {
        await converged(server, docId, pages, 30_000);
        const room = await server.accord.services.rooms.get(docId);
        await room.flushed();
        const serverXml = room.doc.getXmlFragment(EDITOR_ROOT).toString();
        for (const page of pages) expect(await pageXml(page)).toBe(serverXml);
        for (const page of pages) expect(await pageSchemaError(page)).toBeNull();
        expect(draftProblems(room.doc)).toEqual([]);
        expect(pageErrors).toEqual([]);
      } catch (err) {
        console.error(`co-editing fuzz failed with seed ${SEED}\n${report()}`);
        throw err;
      }
      const total = logs.reduce((s, l) => s + l.length, 0);
      console.info(
        `co-editing fuzz: ${total} actions in ${Math.round((done - deadline) / 1000 + SECONDS)} s, ` +
          `${refusals} refused edit(s), converged`,
      );
    },
    (SECONDS + 120) * 1000,
  );
});
