import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ensureDemo } from '../server/demo.js';
import { startServer } from '../server/startServer.js';
import { launchBrowser } from '../tests/support/browser.js';

/**
 * What a browser downloads for the sign-in page and for the demo draft, with a cold cache:
 * bytes on the wire (compressed, headers excluded) and decoded, per resource type.
 * `npx tsx scripts/measurePages.ts` after `npm run build`; prints a Markdown table.
 */
const dataDir = mkdtempSync(join(tmpdir(), 'accord-measure-'));
const server = await startServer({ PORT: 0, DATA_DIR: dataDir, LOG_LEVEL: 'silent', SQLITE_SYNCHRONOUS: 'NORMAL' });
const browser = await launchBrowser();
try {
  await ensureDemo(server.accord);
  const rows: string[] = [];
  const measure = async (label: string, path: string, userId: string | null, ready: (p: Page) => Promise<void>) => {
    const context = await browser.newContext();
    if (userId) {
      const session = await server.accord.store.credentials.issue(userId, 'session');
      await context.addCookies([{ name: 'accord_session', value: session, url: server.url }]);
    }
    const page = await context.newPage();
    const byType = new Map<string, { wire: number; decoded: number; count: number }>();
    const done: Array<Promise<void>> = [];
    page.on('requestfinished', (req) => {
      done.push(
        (async () => {
          const res = await req.response();
          if (!res) return;
          const sizes = await req.sizes();
          const decoded = (await res.body().catch(() => Buffer.alloc(0))).byteLength;
          const type = req.resourceType() === 'fetch' ? 'api (fetch)' : req.resourceType();
          const t = byType.get(type) ?? { wire: 0, decoded: 0, count: 0 };
          t.wire += sizes.responseBodySize;
          t.decoded += decoded;
          t.count++;
          byType.set(type, t);
        })(),
      );
    });
    await page.goto(`${server.url}${path}`);
    await ready(page);
    await page.waitForLoadState('networkidle');
    await Promise.all(done);
    let wire = 0;
    let decoded = 0;
    for (const [type, t] of [...byType].sort()) {
      rows.push(
        `| ${label} | ${type} (${t.count}) | ${(t.wire / 1024).toFixed(1)} | ${(t.decoded / 1024).toFixed(1)} |`,
      );
      wire += t.wire;
      decoded += t.decoded;
    }
    rows.push(`| ${label} | **total** | **${(wire / 1024).toFixed(1)}** | **${(decoded / 1024).toFixed(1)}** |`);
    await context.close();
  };
  await measure('sign-in page (/)', '/', null, (p) => p.getByRole('heading', { name: 'Sign in to Accord' }).waitFor());
  await measure('draft page (/d/demo, chair)', '/d/demo', 'demo-chair', (p) =>
    p.locator('.accord-editor .accord-clause').first().waitFor({ timeout: 20_000 }),
  );
  process.stdout.write(
    `| page | resources | KiB on the wire | KiB decoded |\n| --- | --- | ---: | ---: |\n${rows.join('\n')}\n`,
  );
} finally {
  await browser.close();
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
}
