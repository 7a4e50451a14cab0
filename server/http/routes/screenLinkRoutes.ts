import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { checkAddress } from '../authenticate.js';
import type { AppEnv, Services } from '../context.js';
import { ApiError, notFound } from '../httpError.js';
import { member } from '../middleware/requireAccess.js';
import { jsonContent, jsonRequest } from '../schemas/content.js';
import { errorResponses } from '../schemas/errorResponses.js';
import { ScreenLinkSchema } from '../schemas/meetingRoomSchema.js';
import { DocParams } from '../schemas/pathParams.js';
import { apiRouter, requireJson } from '../validate.js';

const createBody = z.object({ label: z.string().trim().min(1, 'Name the screen').max(100) });
const openBody = z.object({ token: z.string().min(1).max(200) });
const LinkParams = DocParams.extend({ lid: z.string().openapi({ description: 'Screen link id' }) });

/**
 * Screen links (server/store/repos/screenLinkRepo.ts): the chair makes one for the meeting room's screen
 * and revokes it when the meeting ends. The link is `/screen#<secret>`: in the fragment, so the
 * secret never reaches a server log or a Referer; the page hands it over in a POST body.
 */
export function screenLinkRoutes(s: Services): OpenAPIHono<AppEnv> {
  const app = apiRouter();
  const asChair = member(s.store, { action: 'screen.manage', refusal: 'Only the chair manages screen links.' });

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/documents/{id}/screen-links',
      operationId: 'createScreenLink',
      tags: ['meeting room'],
      summary: "Create a screen link: read-only, this draft only, for the meeting room's screen (chair)",
      middleware: [asChair, requireJson] as const,
      request: { params: DocParams, body: jsonRequest(createBody) },
      responses: {
        201: jsonContent(
          ScreenLinkSchema.extend({ url: z.string() }).openapi('ScreenLinkCreated'),
          'The link; its secret is shown once',
        ),
        ...errorResponses(400, 401, 403, 404, 413, 415),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { who } = c.get('membership');
      const { link, secret } = await s.store.transaction(async (tx) => {
        const made = await tx.screenLinks.create(id, c.req.valid('json').label, who.userId);
        await tx.audit.append(id, {
          actor: who.userId,
          action: 'screen.link',
          detail: { linkId: made.link.id, label: made.link.label },
        });
        return made;
      });
      const { docId: _docId, ...shown } = link;
      return c.json({ ...shown, url: `${s.config.PUBLIC_URL}/screen#${secret}` }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/documents/{id}/screen-links',
      operationId: 'listScreenLinks',
      tags: ['meeting room'],
      summary: "The draft's screen links (never their secrets) (chair)",
      middleware: [asChair] as const,
      request: { params: DocParams },
      responses: {
        200: jsonContent(z.object({ links: z.array(ScreenLinkSchema) }), 'The links'),
        ...errorResponses(401, 403, 404),
      },
    }),
    async (c) => {
      const links = (await s.store.screenLinks.list(c.req.valid('param').id)).map(
        ({ docId: _docId, ...shown }) => shown,
      );
      return c.json({ links }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/documents/{id}/screen-links/{lid}',
      operationId: 'revokeScreenLink',
      tags: ['meeting room'],
      summary: 'Revoke a screen link: the screens it opened are closed at once (chair)',
      middleware: [asChair] as const,
      request: { params: LinkParams },
      responses: {
        200: jsonContent(z.object({ revoked: z.literal(true) }), 'Revoked'),
        ...errorResponses(401, 403, 404),
      },
    }),
    async (c) => {
      const { id, lid } = c.req.valid('param');
      const { who } = c.get('membership');
      const revoked = await s.store.transaction(async (tx) => {
        if (!(await tx.screenLinks.revoke(id, lid))) return false;
        await tx.audit.append(id, { actor: who.userId, action: 'screen.revoke', detail: { linkId: lid } });
        return true;
      });
      if (!revoked) throw notFound('No such screen link.');
      // Committed: the screens it opened close at once.
      s.access.screenLinkRevoked(lid);
      return c.json({ revoked: true as const }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/screen',
      operationId: 'openScreen',
      tags: ['meeting room'],
      security: [],
      summary: 'What a screen link shows: its draft (the projection page asks before it connects)',
      description:
        'Anonymous; the token is the secret from the link. A wrong token counts against the address like a wrong password.',
      middleware: [requireJson] as const,
      request: { body: jsonRequest(openBody) },
      responses: {
        200: jsonContent(
          z.object({ docId: z.string(), label: z.string(), title: z.string() }).openapi('ScreenOpened'),
          'The draft the screen shows',
        ),
        ...errorResponses(400, 404, 413, 415, 429),
      },
    }),
    async (c) => {
      const ip = c.get('clientIp');
      await checkAddress(s.limits, ip);
      const link = await s.store.screenLinks.check(c.req.valid('json').token);
      const doc = link ? await s.store.documents.get(link.docId) : null;
      if (!link || !doc) {
        await s.limits.recordFailure(ip);
        throw new ApiError(404, 'not_found', 'This screen link is invalid or was revoked.');
      }
      return c.json({ docId: link.docId, label: link.label, title: doc.title }, 200);
    },
  );
  return app;
}
