import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Principal } from '../../../shared/governance/roles.js';
import { languages } from '../../../shared/i18n/languages.js';
import { acceptInvitation } from '../acceptInvitation.js';
import { checkAddress } from '../authenticate.js';
import { type AppEnv, SESSION_COOKIE, type Services } from '../context.js';
import { ApiError, notFound } from '../httpError.js';
import { signedIn } from '../middleware/requireAccess.js';
import { ApiTokenSchema, DelegationSchema, Ok, RoleSchema, UserSchema } from '../schemas/accountSchemas.js';
import { jsonContent, jsonRequest, optionalJsonRequest } from '../schemas/content.js';
import { errorResponses } from '../schemas/errorResponses.js';
import { apiRouter, optionalJsonBody, requireJson } from '../validate.js';

const mePatch = z.object({ language: z.enum(languages) });
const signinBody = z.object({ token: z.string().min(1).max(200) });
const issueTokenBody = z.object({ label: z.string().trim().max(100).default('') });
const acceptInvite = z.object({
  name: z.string().trim().min(1, 'Please give your name').max(120),
  affiliation: z.string().trim().min(1, 'Please give your delegation or organisation').max(200),
});
const Me = z.object({ user: UserSchema }).openapi('Me');

const signIn = createRoute({
  method: 'post',
  path: '/api/signin',
  operationId: 'signIn',
  tags: ['session'],
  summary: 'Sign in with a one-time sign-in link (the token from /signin/<token>); sets the session cookie',
  security: [],
  middleware: [requireJson] as const,
  request: { body: jsonRequest(signinBody) },
  responses: { 200: jsonContent(Me, 'Signed in; the session cookie is set'), ...errorResponses(400, 403, 413, 415) },
});

const signOut = createRoute({
  method: 'post',
  path: '/api/signout',
  operationId: 'signOut',
  tags: ['session'],
  summary: 'End the browser session (harmless without one)',
  security: [],
  responses: { 200: jsonContent(Ok, 'Signed out; the session cookie is cleared'), ...errorResponses(403) },
});

const getMe = createRoute({
  method: 'get',
  path: '/api/me',
  operationId: 'getMe',
  tags: ['session'],
  summary: 'Who am I, with my interface language (null until chosen)',
  middleware: [signedIn] as const,
  responses: { 200: jsonContent(Me, 'The signed-in person'), ...errorResponses(401) },
});

// The interface language is remembered per person, so it follows them to another browser.
const patchMe = createRoute({
  method: 'patch',
  path: '/api/me',
  operationId: 'updateMe',
  tags: ['session'],
  summary: 'Set my interface language (ar, zh, en, fr, ru, es)',
  middleware: [signedIn, requireJson] as const,
  request: { body: jsonRequest(mePatch) },
  responses: { 200: jsonContent(Me, 'The signed-in person'), ...errorResponses(400, 401, 403, 404, 413, 415) },
});

const listTokens = createRoute({
  method: 'get',
  path: '/api/tokens',
  operationId: 'listApiTokens',
  tags: ['tokens'],
  summary: 'My API tokens (ids and labels, never secrets)',
  middleware: [signedIn] as const,
  responses: { 200: jsonContent(z.object({ tokens: z.array(ApiTokenSchema) }), 'My tokens'), ...errorResponses(401) },
});

const revokeToken = createRoute({
  method: 'delete',
  path: '/api/tokens/{tokenId}',
  operationId: 'revokeApiToken',
  tags: ['tokens'],
  summary: 'Revoke one of my API tokens; the sockets it opened close at once',
  middleware: [signedIn] as const,
  request: { params: z.object({ tokenId: z.string() }) },
  responses: { 200: jsonContent(Ok, 'Revoked'), ...errorResponses(401, 403, 404) },
});

const inviteParams = z.object({ token: z.string().openapi({ description: 'The secret of the invitation link' }) });
const getInvite = createRoute({
  method: 'get',
  path: '/api/invites/{token}',
  operationId: 'getInvite',
  tags: ['invites'],
  summary: 'What an invitation offers',
  security: [],
  request: { params: inviteParams },
  responses: {
    200: jsonContent(
      z
        .object({ title: z.string(), role: RoleSchema, delegation: z.union([DelegationSchema, z.null()]) })
        .openapi('InviteOffer'),
      'The draft and the role',
    ),
    ...errorResponses(404),
  },
});

const acceptInviteRoute = createRoute({
  method: 'post',
  path: '/api/invites/{token}/accept',
  operationId: 'acceptInvite',
  tags: ['invites'],
  summary: 'Accept an invitation (creates the person, signs them in)',
  security: [],
  middleware: [requireJson] as const,
  request: { params: inviteParams, body: jsonRequest(acceptInvite) },
  responses: {
    200: jsonContent(
      z
        .object({ documentId: z.string(), role: RoleSchema, user: z.object({ id: z.string() }) })
        .openapi('AcceptedInvite'),
      'Joined; the session cookie is set',
    ),
    ...errorResponses(400, 403, 404, 413, 415),
  },
});

export function authRoutes(s: Services): OpenAPIHono<AppEnv> {
  const app = apiRouter();
  const issueToken = createRoute({
    method: 'post',
    path: '/api/tokens',
    operationId: 'issueApiToken',
    tags: ['tokens'],
    summary: 'Issue an API token for scripts (the secret is shown once); the body is optional',
    middleware: [signedIn] as const,
    request: { body: optionalJsonRequest(app, 'IssueApiTokenBody', issueTokenBody) },
    responses: {
      200: jsonContent(
        z.object({ id: z.string(), label: z.string(), token: z.string(), note: z.string() }).openapi('IssuedApiToken'),
        'The new token; its secret is never shown again',
      ),
      ...errorResponses(400, 401, 403, 413, 415),
    },
  });

  const secure = s.config.PUBLIC_URL.startsWith('https:');
  const startSession = (c: Parameters<typeof setCookie>[0], session: string) =>
    setCookie(c, SESSION_COOKIE, session, {
      httpOnly: true,
      sameSite: 'Lax',
      secure,
      path: '/',
      maxAge: 14 * 24 * 3600,
    });

  // One-time sign-in links (first start, `npm run admin-link`, a chair's new link for a member, the demo).
  // GET /signin/:token is the app's sign-in page (served like every client route): opening it, or a mail
  // scanner or link preview fetching it, uses nothing up. Its button POSTs the token here.
  app.openapi(signIn, async (c) => {
    const { token } = c.req.valid('json');
    const ip = c.get('clientIp');
    await checkAddress(s.limits, ip);
    // The link is consumed and the session issued in one transaction: a link works once.
    const redeemed = await s.store.transaction(async (tx) => {
      const link = await tx.credentials.consume(token, ['signin_link']);
      if (!link) return null;
      const session = await tx.credentials.issue(link.principal.userId, 'session');
      await tx.audit.append(null, { actor: link.principal.userId, action: 'session.signin', detail: { via: 'link' } });
      return { principal: link.principal, session };
    });
    if (!redeemed) {
      await s.limits.recordFailure(ip);
      throw new ApiError(
        400,
        'signin_invalid',
        'This sign-in link is no longer valid: links work once and expire after 24 hours. Ask for a new one.',
      );
    }
    startSession(c, redeemed.session);
    const who = redeemed.principal;
    return c.json(
      { user: { id: who.userId, name: who.name, affiliation: who.affiliation, isAdmin: who.isAdmin } },
      200,
    );
  });

  app.openapi(signOut, async (c) => {
    const secret = getCookie(c, SESSION_COOKIE);
    const who = c.get('principal');
    const revoked = await s.store.transaction(async (tx) => {
      const id = secret ? await tx.credentials.revoke(secret) : null;
      if (who) await tx.audit.append(null, { actor: who.userId, action: 'session.signout', detail: {} });
      return id;
    });
    // Once committed: the sockets the session opened close (LiveSockets listens to AccessChanges).
    if (revoked) s.access.credentialRevoked(revoked);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.json({ ok: true as const }, 200);
  });

  const me = async (who: Principal) => ({
    id: who.userId,
    name: who.name,
    affiliation: who.affiliation,
    isAdmin: who.isAdmin,
    language: await s.store.users.language(who.userId),
  });
  app.openapi(getMe, async (c) => c.json({ user: await me(c.get('who')) }, 200));

  app.openapi(patchMe, async (c) => {
    const who = c.get('who');
    if (!(await s.store.users.setLanguage(who.userId, c.req.valid('json').language))) {
      throw notFound('This account has no stored profile.');
    }
    return c.json({ user: await me(who) }, 200);
  });

  app.openapi(issueToken, async (c) => {
    const who = c.get('who');
    const { label } = await optionalJsonBody(c, issueTokenBody);
    const { id, token } = await s.store.transaction(async (tx) => {
      const token = await tx.credentials.issue(who.userId, 'api_token', undefined, label);
      const issued = await tx.credentials.check(token, ['api_token']);
      if (!issued) throw new Error('the API token just issued cannot be read back');
      await tx.audit.append(null, {
        actor: who.userId,
        action: 'token.issue',
        detail: { tokenId: issued.credentialId, label },
      });
      return { id: issued.credentialId, token };
    });
    return c.json(
      { id, label, token, note: 'Shown once. Send it as Authorization: Bearer <token>, or ?token= on /collab.' },
      200,
    );
  });

  app.openapi(listTokens, async (c) =>
    c.json({ tokens: await s.store.credentials.apiTokens(c.get('who').userId) }, 200),
  );

  app.openapi(revokeToken, async (c) => {
    const who = c.get('who');
    const { tokenId } = c.req.valid('param');
    const revoked = await s.store.transaction(async (tx) => {
      if (!(await tx.credentials.revokeApiToken(who.userId, tokenId))) return false;
      await tx.audit.append(null, { actor: who.userId, action: 'token.revoke', detail: { tokenId } });
      return true;
    });
    if (!revoked) throw notFound('You have no API token with this id.');
    s.access.credentialRevoked(tokenId);
    return c.json({ ok: true as const }, 200);
  });

  app.openapi(getInvite, async (c) => {
    const ip = c.get('clientIp');
    await checkAddress(s.limits, ip);
    const offer = await s.store.invites.offer(c.req.valid('param').token);
    if (!offer) {
      await s.limits.recordFailure(ip);
      throw new ApiError(404, 'invite_invalid', 'This invitation is invalid, already used or expired.');
    }
    const delegation = offer.delegationId ? await s.store.delegations.get(offer.docId, offer.delegationId) : null;
    return c.json({ title: offer.title, role: offer.role, delegation }, 200);
  });

  app.openapi(acceptInviteRoute, async (c) => {
    const body = c.req.valid('json');
    const ip = c.get('clientIp');
    await checkAddress(s.limits, ip);
    const { token } = c.req.valid('param');
    const accepted = await acceptInvitation(s.store, token, body.name, body.affiliation, c.get('principal'));
    if (!accepted) {
      await s.limits.recordFailure(ip);
      throw new ApiError(404, 'invite_invalid', 'This invitation is invalid, already used or expired.');
    }
    if (accepted.delegationId !== undefined) {
      s.access.membershipChanged(accepted.docId, accepted.principal.userId, accepted.role, accepted.delegationId);
    }
    startSession(c, accepted.session);
    return c.json({ documentId: accepted.docId, role: accepted.role, user: { id: accepted.principal.userId } }, 200);
  });
  return app;
}
