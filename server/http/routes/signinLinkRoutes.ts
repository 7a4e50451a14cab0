import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv, Services } from '../context.js';
import { forbidden, notFound } from '../httpError.js';
import { member } from '../middleware/requireAccess.js';
import { jsonContent } from '../schemas/content.js';
import { errorResponses } from '../schemas/errorResponses.js';
import { MemberParams } from '../schemas/pathParams.js';
import { apiRouter } from '../validate.js';

/** How long a sign-in link works (the credential's expiry in Accounts). */
const SIGNIN_LINK_HOURS = 24;

/**
 * A person who signed out (or lost their session) gets back in with a new one-time sign-in link
 * that a chair of their draft, or the secretariat, issues and hands over — instead of a new
 * invitation, which would create a second person who no longer owns their objections.
 *
 * A chair may do it only for someone whose every draft they chair: a link signs in as that
 * person everywhere, so it must not open a door into a group the chair does not run. Links for
 * the admin come from `npm run admin-link` on the server only.
 */
export function signinLinkRoutes(s: Services): OpenAPIHono<AppEnv> {
  const app = apiRouter();
  const route = createRoute({
    method: 'post',
    path: '/api/documents/{id}/members/{userId}/signin-link',
    operationId: 'issueSigninLink',
    tags: ['members'],
    summary:
      'Issue a new one-time sign-in link (24 hours) for an existing member; their earlier unused links stop working',
    description: 'Chair of every draft the person belongs to, or the admin.',
    middleware: [
      member(s.store, { action: 'members.manage', refusal: 'Only chairs and the secretariat issue sign-in links.' }),
    ] as const,
    request: { params: MemberParams },
    responses: {
      201: jsonContent(
        z.object({ url: z.string(), userId: z.string(), expiresAt: z.number() }).openapi('SigninLink'),
        'The new link, to hand over to the person',
      ),
      ...errorResponses(401, 403, 404),
    },
  });

  app.openapi(route, async (c) => {
    const { id: docId, userId } = c.req.valid('param');
    const { who } = c.get('membership');
    const target = await s.store.users.get(userId);
    if (target?.isAdmin) throw forbidden('The secretariat gets its sign-in links on the server: npm run admin-link.');
    if (!target || !(await s.store.memberships.members(docId)).some((m) => m.userId === userId)) {
      throw notFound('No such member.');
    }
    if (!who.isAdmin) {
      for (const d of await s.store.documents.listFor(target)) {
        if ((await s.store.memberships.roleOn(d.id, who)) === 'chair') continue;
        throw forbidden(
          `${target.name} also belongs to a draft you do not chair; ask the secretariat for their sign-in link.`,
        );
      }
    }
    // Earlier unused links stop working: only the last link handed out is valid.
    const token = await s.store.transaction(async (tx) => {
      await tx.credentials.revokeAll(userId, 'signin_link');
      const token = await tx.credentials.issue(userId, 'signin_link');
      await tx.audit.append(docId, { actor: who.userId, action: 'member.signin_link', detail: { userId } });
      return token;
    });
    return c.json(
      {
        url: `${s.config.PUBLIC_URL}/signin/${token}`,
        userId,
        expiresAt: Date.now() + SIGNIN_LINK_HOURS * 3600_000,
      },
      201,
    );
  });
  return app;
}
