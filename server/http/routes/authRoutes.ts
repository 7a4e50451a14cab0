import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import { requirePrincipal } from '../authenticate.js';
import { type AppEnv, SESSION_COOKIE, type Services } from '../context.js';
import { ApiError } from '../httpError.js';
import { jsonBody } from '../validate.js';

const acceptInvite = z.object({
  name: z.string().trim().min(1, 'Please give your name').max(120),
  affiliation: z.string().trim().min(1, 'Please give your delegation or organisation').max(200),
});

export function authRoutes(s: Services): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const secure = s.config.PUBLIC_URL.startsWith('https:');
  const startSession = (c: Parameters<typeof setCookie>[0], session: string) =>
    setCookie(c, SESSION_COOKIE, session, {
      httpOnly: true,
      sameSite: 'Lax',
      secure,
      path: '/',
      maxAge: 14 * 24 * 3600,
    });

  // One-time sign-in links (admin's first start, demo users): consume, set the cookie, go to the app.
  app.get('/signin/:token', (c) => {
    const redeemed = s.accounts.redeemSigninLink(c.req.param('token'));
    if (!redeemed) return c.html(signinFailedPage(), 400);
    startSession(c, redeemed.session);
    s.audit.append(null, redeemed.principal.userId, 'session.signin', { via: 'link' });
    return c.redirect('/');
  });
  s.openapi.add({
    method: 'get',
    path: '/signin/:token',
    summary: 'Redeem a one-time sign-in link',
    access: 'anyone with the link',
  });

  app.post('/api/signout', (c) => {
    const secret = getCookie(c, SESSION_COOKIE);
    if (secret) s.accounts.revoke(secret);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.json({ ok: true });
  });
  s.openapi.add({ method: 'post', path: '/api/signout', summary: 'End the browser session', access: 'signed in' });

  app.get('/api/me', (c) => {
    const who = requirePrincipal(c);
    return c.json({ user: { id: who.userId, name: who.name, affiliation: who.affiliation, isAdmin: who.isAdmin } });
  });
  s.openapi.add({ method: 'get', path: '/api/me', summary: 'Who am I', access: 'signed in' });

  app.post('/api/tokens', (c) => {
    const who = requirePrincipal(c);
    const token = s.accounts.issue(who.userId, 'api_token');
    s.audit.append(null, who.userId, 'token.issue', {});
    return c.json({ token, note: 'Shown once. Send it as Authorization: Bearer <token>, or ?token= on /collab.' });
  });
  s.openapi.add({
    method: 'post',
    path: '/api/tokens',
    summary: 'Issue an API token for scripts',
    access: 'signed in',
  });

  app.get('/api/invites/:token', (c) => {
    const offer = s.accounts.invite(c.req.param('token'));
    if (!offer) throw new ApiError(404, 'invite_invalid', 'This invitation is invalid, already used or expired.');
    return c.json({ title: offer.title, role: offer.role });
  });
  s.openapi.add({
    method: 'get',
    path: '/api/invites/:token',
    summary: 'What an invitation offers',
    access: 'anyone with the link',
  });

  app.post('/api/invites/:token/accept', async (c) => {
    const body = await jsonBody(c, acceptInvite);
    const accepted = s.accounts.acceptInvite(c.req.param('token'), body.name, body.affiliation, c.get('principal'));
    if (!accepted) throw new ApiError(404, 'invite_invalid', 'This invitation is invalid, already used or expired.');
    startSession(c, accepted.session);
    s.audit.append(accepted.docId, accepted.principal.userId, 'member.join', { role: accepted.role, via: 'invite' });
    return c.json({ documentId: accepted.docId, role: accepted.role, user: { id: accepted.principal.userId } });
  });
  s.openapi.add({
    method: 'post',
    path: '/api/invites/:token/accept',
    summary: 'Accept an invitation (creates the person, signs them in)',
    access: 'anyone with the link',
    body: acceptInvite,
  });
  return app;
}

function signinFailedPage(): string {
  return `<!doctype html><html lang="en"><meta charset="utf-8"><title>Sign-in link not valid</title>
<body style="font-family:system-ui;max-width:40rem;margin:4rem auto"><h1>This sign-in link is no longer valid</h1>
<p>Sign-in links work once and expire after 24 hours. Ask the secretariat for a new one.</p></body></html>`;
}
