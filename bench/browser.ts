import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../server/startServer.js';
import { countOpenBrackets } from '../shared/model/brackets.js';
import { CHROMIUM, launchBrowser } from '../tests/support/browser.js';
import { signIn } from '../tests/support/signIn.js';
import { benchDraft } from './export.js';
import { type BenchSection, fmt, renderSection } from './section.js';

export interface BrowserBench {
  paragraphs: number;
  brackets: number;
  firstEditableMs: number;
  keystrokeP50: number;
  keystrokeP95: number;
  keystrokes: number;
}

/**
 * Issue 3: a 500-paragraph draft with about 300 brackets in Debian's Chromium. Time to first
 * editable render = from navigation to the last paragraph being in an editable editor;
 * keystroke-to-paint = from keydown to the first frame after the browser handled it
 * (requestAnimationFrame, then a task, so the frame has been produced).
 */
export async function runBrowserBench(keystrokes = 100): Promise<BrowserBench> {
  const dataDir = mkdtempSync(join(tmpdir(), 'accord-browser-bench-'));
  const server = await startServer({
    PORT: 0,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    ADMIN_TOKEN: 'bench-admin-token-0123456789abcdef',
  });
  const browser = await launchBrowser();
  try {
    const admin = (await server.accord.store.users.get('admin'))!;
    const { draft, governance } = benchDraft(500);
    const brackets = countOpenBrackets(draft);
    const doc = await server.accord.setup.create(admin, 'Browser bench', 'EG/2026/B', { draft, governance });
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    await signIn(context, server, 'admin');
    const page = await context.newPage();
    const t0 = Date.now();
    await page.goto(`${server.url}/d/${doc.id}`);
    await page.locator('.ProseMirror[contenteditable=true] [data-id="p499"]').waitFor({ timeout: 60_000 });
    const firstEditableMs = Date.now() - t0;
    await page.locator('.accord-clause').nth(250).click();
    await page.keyboard.press('End');
    await page.waitForTimeout(300);
    await page.evaluate(() => {
      const w = window as unknown as { __lat: number[] };
      w.__lat = [];
      document.addEventListener(
        'keydown',
        () => {
          const t = performance.now();
          requestAnimationFrame(() => setTimeout(() => w.__lat.push(performance.now() - t), 0));
        },
        true,
      );
    });
    for (let i = 0; i < keystrokes; i++) {
      await page.keyboard.type(i % 8 === 7 ? ' ' : 'x');
      await page.waitForTimeout(40);
    }
    await page.waitForTimeout(300);
    const lat = (await page.evaluate(() => (window as unknown as { __lat: number[] }).__lat)).sort((a, b) => a - b);
    const pct = (p: number) => lat[Math.min(lat.length - 1, Math.floor((p / 100) * lat.length))] ?? Number.NaN;
    await context.close();
    return {
      paragraphs: 500,
      brackets,
      firstEditableMs,
      keystrokeP50: pct(50),
      keystrokeP95: pct(95),
      keystrokes: lat.length,
    };
  } finally {
    await browser.close();
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The `npm run bench` section; skipped (with a note) where Chromium is not installed. */
export async function benchSection(): Promise<BenchSection> {
  const title = 'browser: 500-paragraph draft in Chromium';
  if (!existsSync(CHROMIUM))
    return { title, columns: ['value'], rows: [], note: `skipped: no Chromium at ${CHROMIUM}` };
  const b = await runBrowserBench();
  return {
    title: `browser: ${b.paragraphs} paragraphs, ${b.brackets} brackets, Chromium`,
    columns: ['value'],
    rows: [
      { metric: 'time to first editable render, ms', values: [fmt(b.firstEditableMs, 0)] },
      {
        metric: `keystroke to paint p50 / p95, ms (${b.keystrokes} keys)`,
        values: [`${fmt(b.keystrokeP50)} / ${fmt(b.keystrokeP95)}`],
      },
    ],
    data: b,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(renderSection(await benchSection()));
