import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { NOTIFICATION_KINDS } from '../../../shared/model/notifications.js';
import type { NotificationStore } from '../../notifications/notificationStore.js';
import type { AppEnv } from '../context.js';
import { notFound } from '../httpError.js';
import { signedIn } from '../middleware/requireAccess.js';
import { jsonContent, jsonRequest } from '../schemas/content.js';
import { errorResponses } from '../schemas/errorResponses.js';
import { apiRouter, requireJson } from '../validate.js';

const NotificationSchema = z
  .object({
    id: z.string(),
    kind: z.enum(NOTIFICATION_KINDS),
    docId: z.string(),
    docTitle: z.string(),
    paragraphId: z.string().nullable(),
    paragraphNumber: z.string().nullable(),
    label: z.string().nullable(),
    actorName: z.string().nullable(),
    createdAt: z.number().int(),
    readAt: z.number().int().nullable(),
  })
  .openapi('Notification');

const NotificationPageSchema = z
  .object({ items: z.array(NotificationSchema), unread: z.number().int(), next: z.string().nullable() })
  .openapi('NotificationPage');

const listQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  before: z.string().max(200).optional().openapi({ description: 'The `next` of the previous page' }),
});

const NotificationParams = z.object({ nid: z.string().max(100).openapi({ description: 'Notification id' }) });

const Settings = z
  .object({
    email: z
      .email()
      .max(254)
      .nullable()
      .openapi({ description: 'Where to mail each notification at once; null: no mail (the default)' }),
  })
  .openapi('NotificationSettings');

/**
 * The signed-in person's own notifications (server/notifications). There is no parameter
 * naming a person: every query is scoped to the caller, and a notification id that is not
 * theirs is answered like one that does not exist (404), so ids of others' notifications
 * cannot even be confirmed.
 */
export function notificationRoutes(notifications: NotificationStore): OpenAPIHono<AppEnv> {
  const app = apiRouter();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/notifications',
      operationId: 'listNotifications',
      tags: ['notifications'],
      summary: 'My notifications, newest first, a page at a time, with the unread count',
      middleware: [signedIn] as const,
      request: { query: listQuery },
      responses: { 200: jsonContent(NotificationPageSchema, 'A page'), ...errorResponses(400, 401) },
    }),
    (c) => {
      const { limit, before } = c.req.valid('query');
      return c.json(notifications.list(c.get('who').userId, limit, before ?? null), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/notifications/{nid}/read',
      operationId: 'markNotificationRead',
      tags: ['notifications'],
      summary: 'Mark one of my notifications read',
      middleware: [signedIn] as const,
      request: { params: NotificationParams },
      responses: { 200: jsonContent(z.object({ ok: z.literal(true) }), 'Read'), ...errorResponses(401, 403, 404) },
    }),
    (c) => {
      if (!notifications.markRead(c.get('who').userId, c.req.valid('param').nid, Date.now())) {
        throw notFound('No such notification.');
      }
      return c.json({ ok: true as const }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/notifications/read-all',
      operationId: 'markAllNotificationsRead',
      tags: ['notifications'],
      summary: 'Mark all my notifications read',
      middleware: [signedIn] as const,
      responses: {
        200: jsonContent(z.object({ marked: z.number().int() }), 'How many were unread'),
        ...errorResponses(401, 403),
      },
    }),
    (c) => c.json({ marked: notifications.markAllRead(c.get('who').userId, Date.now()) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/notification-settings',
      operationId: 'getNotificationSettings',
      tags: ['notifications'],
      summary: 'Whether (and where) I get notifications by e-mail',
      middleware: [signedIn] as const,
      responses: { 200: jsonContent(Settings, 'My settings'), ...errorResponses(401) },
    }),
    (c) => c.json({ email: notifications.email(c.get('who').userId) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/notification-settings',
      operationId: 'setNotificationSettings',
      tags: ['notifications'],
      summary: 'Get each notification by e-mail at an address, or no mail (null)',
      middleware: [signedIn, requireJson] as const,
      request: { body: jsonRequest(Settings) },
      responses: { 200: jsonContent(Settings, 'My settings'), ...errorResponses(400, 401, 403, 413, 415) },
    }),
    (c) => {
      const { email } = c.req.valid('json');
      notifications.setEmail(c.get('who').userId, email);
      return c.json({ email }, 200);
    },
  );

  return app;
}
