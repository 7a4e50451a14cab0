import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { NOTIFICATION_KINDS } from '../../../shared/model/notifications.js';
import { isTimeZone } from '../../../shared/model/zonedTime.js';
import { hashSecret, newSecret } from '../../auth/secrets.js';
import { digestKey, nextDigestAt, scheduleDigest } from '../../notifications/dailyDigest.js';
import type { NotificationMailer } from '../../notifications/notificationMailer.js';
import { verificationMessage } from '../../notifications/verificationMessage.js';
import type { Clock } from '../../ops/clock.js';
import type { AccordStore } from '../../store/accordStore.js';
import { deliveries, type NotificationRepo } from '../../store/repos/notificationRepo.js';
import type { AppEnv } from '../context.js';
import { ApiError, notFound, rateLimited } from '../httpError.js';
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

const SettingsBody = z
  .object({
    email: z.email().max(254).nullable().openapi({
      description:
        'Where to mail notifications; null: no mail (the default). A new address gets a confirmation link and no other mail until it is opened.',
    }),
    delivery: z
      .enum(deliveries)
      .optional()
      .openapi({ description: 'Each notification at once (the default) or one digest a day; unchanged when absent' }),
    timeZone: z
      .string()
      .max(64)
      .nullable()
      .optional()
      .openapi({ description: 'IANA time zone: the digest goes out at DIGEST_HOUR there (UTC when unknown or null)' }),
  })
  .openapi('NotificationSettingsChange');

const Settings = z
  .object({
    email: z.string().nullable(),
    verified: z.boolean().openapi({ description: 'The address was confirmed: mail goes there' }),
    delivery: z.enum(deliveries),
    timeZone: z.string().nullable(),
    mailEnabled: z.boolean().openapi({ description: 'This installation sends mail (SMTP_URL is set)' }),
  })
  .openapi('NotificationSettings');

const ConfirmBody = z.object({ token: z.string().min(10).max(200) }).openapi('EmailConfirmation');

/** A confirmation link is valid this long. */
const VERIFY_HOURS = 24;
/** One confirmation mail per person per minute: setting an address cannot be used to flood a mailbox. */
const VERIFY_SPACING_MS = 60_000;

export interface NotificationRouteDeps {
  notifications: NotificationRepo;
  store: AccordStore;
  /** Null: this installation sends no mail (SMTP_URL unset). */
  mailer: NotificationMailer | null;
  now: Clock;
  /** DIGEST_HOUR */
  digestHour: number;
}

/**
 * The signed-in person's own notifications (server/notifications). There is no parameter
 * naming a person: every query is scoped to the caller, and a notification id that is not
 * theirs is answered like one that does not exist (404), so ids of others' notifications
 * cannot even be confirmed.
 */
export function notificationRoutes(deps: NotificationRouteDeps): OpenAPIHono<AppEnv> {
  const { notifications, store, mailer, now } = deps;
  const app = apiRouter();
  const current = async (userId: string) => ({
    ...(await notifications.settings(userId)),
    mailEnabled: mailer !== null,
  });

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
    async (c) => {
      const { limit, before } = c.req.valid('query');
      return c.json(await notifications.list(c.get('who').userId, limit, before ?? null), 200);
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
    async (c) => {
      if (!(await notifications.markRead(c.get('who').userId, c.req.valid('param').nid, now()))) {
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
    async (c) => c.json({ marked: await notifications.markAllRead(c.get('who').userId, now()) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/notification-settings',
      operationId: 'getNotificationSettings',
      tags: ['notifications'],
      summary: 'Whether, where and how often I get notifications by e-mail',
      middleware: [signedIn] as const,
      responses: { 200: jsonContent(Settings, 'My settings'), ...errorResponses(401) },
    }),
    async (c) => c.json(await current(c.get('who').userId), 200),
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/notification-settings',
      operationId: 'setNotificationSettings',
      tags: ['notifications'],
      summary: 'Set my notification address (a new one is confirmed by a link first), at once or a daily digest',
      description:
        '409 mail_disabled when this installation sends no mail; 429 when a confirmation link was sent less than a minute ago.',
      middleware: [signedIn, requireJson] as const,
      request: { body: jsonRequest(SettingsBody) },
      responses: { 200: jsonContent(Settings, 'My settings'), ...errorResponses(400, 401, 403, 409, 413, 415, 429) },
    }),
    async (c) => {
      const who = c.get('who');
      const body = c.req.valid('json');
      if (body.email !== null && !mailer) {
        throw new ApiError(409, 'conflict', 'This installation sends no e-mail.', { reason: 'mail_disabled' });
      }
      const before = await notifications.settings(who.userId);
      const needsLink = body.email !== null && !(before.verified && before.email === body.email);
      const at = now();
      if (needsLink && before.email === body.email) {
        const last = await notifications.lastVerificationAt(who.userId);
        if (last !== null && at - last < VERIFY_SPACING_MS) {
          throw rateLimited(VERIFY_SPACING_MS - (at - last), 'A confirmation link was just sent; wait a minute.');
        }
      }
      const secret = needsLink ? newSecret() : null;
      const delivery = body.delivery ?? before.delivery;
      const timeZone =
        body.timeZone === undefined
          ? before.timeZone
          : body.timeZone && isTimeZone(body.timeZone)
            ? body.timeZone
            : null;
      await store.transaction(async (tx) => {
        await tx.notifications.setEmail(who.userId, body.email);
        await tx.notifications.setDelivery(who.userId, delivery, timeZone);
        if (secret && body.email) {
          await tx.notifications.addVerification({
            userId: who.userId,
            email: body.email,
            hash: hashSecret(secret),
            expiresAt: at + VERIFY_HOURS * 3_600_000,
          });
        }
        // The digest is a keyed job: chosen, it is (re)scheduled for the next morning; otherwise it ends.
        if (delivery === 'digest' && body.email !== null) {
          await scheduleDigest(tx, who.userId, nextDigestAt(at, timeZone, deps.digestHour));
        } else await tx.jobs.finish(digestKey(who.userId));
      });
      if (secret && body.email && mailer) {
        const message = verificationMessage(await store.users.language(who.userId), mailer.url(), secret, VERIFY_HOURS);
        // After the commit, and awaited: the person is told the link is on its way only when it is.
        await mailer.sendMessage(body.email, message);
      }
      return c.json(await current(who.userId), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/notification-settings/confirm',
      operationId: 'confirmNotificationEmail',
      tags: ['notifications'],
      summary: 'Confirm my notification address with the secret of the link mailed to it',
      description:
        'Only the account that asked for the address can confirm it, once, within 24 hours, and only while it is still the address set. Anything else is 400 link_invalid and changes nothing.',
      middleware: [signedIn, requireJson] as const,
      request: { body: jsonRequest(ConfirmBody) },
      responses: { 200: jsonContent(Settings, 'Confirmed'), ...errorResponses(400, 401, 403, 413, 415) },
    }),
    async (c) => {
      const who = c.get('who');
      const confirmed = await notifications.confirm(who.userId, hashSecret(c.req.valid('json').token));
      if (!confirmed) {
        throw new ApiError(400, 'bad_request', 'This confirmation link cannot be used.', { reason: 'link_invalid' });
      }
      return c.json(await current(who.userId), 200);
    },
  );

  return app;
}
