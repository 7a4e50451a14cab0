import type { Browser } from 'playwright-core';
import { launchBrowser } from '../../support/browser.js';
import { removeDir, startTestServer, type TestServer } from '../../support/testServer.js';

type ServerOptions = Parameters<typeof startTestServer>[0];

/**
 * What every browser test starts with: a server of its own on a fresh data directory and a
 * Chromium; `stop` closes both and removes the directory (safe to call if starting failed half-way).
 */
export async function startServerAndBrowser(
  options?: ServerOptions,
): Promise<{ server: TestServer; browser: Browser; stop: () => Promise<void> }> {
  const server = await startTestServer(options);
  let browser: Browser | undefined;
  const stop = async () => {
    await browser?.close();
    await server.stop();
    removeDir(server.dataDir);
  };
  try {
    browser = await launchBrowser();
  } catch (err) {
    await stop();
    throw err;
  }
  return { server, browser, stop };
}
