import type { BrowserContext } from 'playwright-core';
import type { RunningServer } from '../../server/startServer.js';

/** Signs a browser context in as `userId` the way the app does: an HttpOnly session cookie. */
export async function signIn(context: BrowserContext, server: RunningServer, userId: string): Promise<void> {
  const session = await server.accord.store.credentials.issue(userId, 'session');
  await context.addCookies([{ name: 'accord_session', value: session, url: server.url, httpOnly: true }]);
}
