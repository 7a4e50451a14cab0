import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../support/testServer.js';
import { openDraft } from './support/draftPage.js';
import { startServerAndBrowser } from './support/serverAndBrowser.js';

describe('a signed-out member gets back in with a new sign-in link from the chair', () => {
  let server: TestServer;
  let browser: Browser;
  let stop: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    ({ server, browser, stop } = await startServerAndBrowser());
  });
  afterAll(() => stop?.());

  it('signs out, reads how to get back in, and returns as the same person with the link the chair issued', async () => {
    const docId = await server.createDoc('Recommendations on incident response');
    const chair = await server.addPerson(docId, 'chair', 'Carla Chair');
    const member = await server.addPerson(docId, 'member', 'Maria Member');

    const m = await openDraft(browser, server, member.userId, docId);
    await m.page.getByRole('button', { name: 'Sign out' }).click();
    await m.page.getByRole('heading', { name: 'Sign in to Accord' }).waitFor();
    const help = await m.page.locator('main').textContent();
    expect(help).toContain('Ask the chair of your group');
    expect(help).toContain('New sign-in link');

    const c = await openDraft(browser, server, chair.userId, docId);
    await c.page
      .getByRole('navigation', { name: 'Draft tools' })
      .getByRole('button', { name: 'Members & invitations' })
      .click();
    const dialog = c.page.locator('dialog[open]');
    await dialog.getByRole('button', { name: 'New sign-in link for Maria Member' }).click();
    const field = dialog.getByLabel(/Sign-in link for Maria Member/);
    await field.waitFor();
    const url = await field.inputValue();
    expect(url).toMatch(/\/signin\/[\w-]+$/);

    // The link opens the sign-in page; its button signs in (a GET consumes nothing).
    await m.page.goto(url);
    await m.page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await m.page.getByRole('heading', { name: 'My drafts' }).waitFor();
    expect(await m.page.locator('.whoami').textContent()).toContain('Maria Member');
    const me = await m.page.evaluate(
      async () => ((await (await fetch('/api/me')).json()) as { user: { id: string } }).user.id,
    );
    expect(me).toBe(member.userId);
    expect(await m.page.locator('.doc-list').textContent()).toContain('Recommendations on incident response');
    // Still one Maria: no second person was created.
    const members = await server.api<{ members: Array<{ name: string }> }>('GET', `/api/documents/${docId}/members`);
    expect(members.body.members.filter((x) => x.name === 'Maria Member')).toHaveLength(1);
    await m.context.close();
    await c.context.close();
  });
});
