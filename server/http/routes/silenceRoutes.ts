import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { breakSilence } from '../../governance/commands/breakSilence.js';
import { endSilence } from '../../governance/commands/endSilence.js';
import { extendSilence } from '../../governance/commands/extendSilence.js';
import { startSilence } from '../../governance/commands/startSilence.js';
import type { AppEnv, Services } from '../context.js';
import { member } from '../middleware/requireAccess.js';
import { jsonContent, jsonRequest, optionalJsonRequest } from '../schemas/content.js';
import { commandErrors } from '../schemas/errorResponses.js';
import { ObjectionSchema } from '../schemas/governanceSchema.js';
import { DocParams, ParagraphParams } from '../schemas/pathParams.js';
import { SilenceSchema, SilenceScopeSchema } from '../schemas/silenceSchema.js';
import { apiRouter, optionalJsonBody, requireJson } from '../validate.js';

/** A date and time with its time zone (offset or Z): a deadline means the same instant for everyone. */
const deadline = z.iso
  .datetime({ offset: true })
  .openapi({ description: 'ISO 8601 date and time with offset, e.g. 2026-11-26T18:00:00+01:00', format: 'date-time' });
const startBody = z.object({
  scope: SilenceScopeSchema,
  deadline,
  timeZone: z
    .string()
    .max(64)
    .default('UTC')
    .openapi({ description: 'The time zone the chair chose the deadline in (IANA name), for display' }),
  lockOnExpiry: z.boolean().default(false).openapi({ description: 'Also lock the paragraphs agreed at expiry' }),
  note: z.string().trim().max(4000).default(''),
});
const extendBody = z.object({ deadline });
const endBody = z.object({ reason: z.string().trim().max(1000).optional() });
const breakBody = z.object({ reason: z.string().trim().min(1, 'Breaking silence needs a reason').max(4000) });
const SilenceParams = DocParams.extend({ sid: z.string().openapi({ description: 'Silence procedure id' }) });

/** The silence procedure: the chair starts, extends and ends it; members break it on a paragraph. */
export function silenceRoutes(s: Services): OpenAPIHono<AppEnv> {
  const app = apiRouter();
  const g = s.governance;
  const asMember = member(s.store);
  const start = startSilence(s.deadlines);
  const extend = extendSilence(s.deadlines);
  const end = endSilence(s.deadlines);

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/documents/{id}/silences',
      operationId: 'startSilence',
      tags: ['silence'],
      summary:
        'Place the whole draft, a section or chosen paragraphs under silence until a deadline (chair); they are frozen until then',
      description:
        'At the deadline every paragraph whose silence was not broken becomes agreed (and locked if lockOnExpiry), once, by the server. 409 not_clean names paragraphs with open brackets or standing objections.',
      middleware: [asMember, requireJson] as const,
      request: { params: DocParams, body: jsonRequest(startBody) },
      responses: { 201: jsonContent(SilenceSchema, 'The silence procedure, running'), ...commandErrors(400, 413, 415) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { who, role } = c.get('membership');
      const body = c.req.valid('json');
      return c.json(await g.run(id, who, role, start, { ...body, deadline: Date.parse(body.deadline) }), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/documents/{id}/silences/{sid}/extend',
      operationId: 'extendSilence',
      tags: ['silence'],
      summary: 'Move the deadline of a running silence later (chair)',
      middleware: [asMember, requireJson] as const,
      request: { params: SilenceParams, body: jsonRequest(extendBody) },
      responses: { 200: jsonContent(SilenceSchema, 'The silence procedure'), ...commandErrors(400, 413, 415) },
    }),
    async (c) => {
      const { id, sid } = c.req.valid('param');
      const { who, role } = c.get('membership');
      const { deadline: at } = c.req.valid('json');
      return c.json(await g.run(id, who, role, extend, { silenceId: sid, deadline: Date.parse(at) }), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/documents/{id}/silences/{sid}/end',
      operationId: 'endSilence',
      tags: ['silence'],
      summary: 'End a running silence before its deadline (chair): its paragraphs are released, nothing is agreed',
      middleware: [asMember] as const,
      request: { params: SilenceParams, body: optionalJsonRequest(app, 'EndSilenceBody', endBody) },
      responses: { 200: jsonContent(SilenceSchema, 'The silence procedure, ended'), ...commandErrors(400, 413, 415) },
    }),
    async (c) => {
      const { id, sid } = c.req.valid('param');
      const { who, role } = c.get('membership');
      const { reason } = await optionalJsonBody(c, endBody);
      return c.json(await g.run(id, who, role, end, { silenceId: sid, reason: reason ?? '' }), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/documents/{id}/paragraphs/{pid}/break-silence',
      operationId: 'breakSilence',
      tags: ['silence'],
      summary:
        'Break silence on a paragraph with a reason (members): recorded as your delegation’s objection; the paragraph is under negotiation again',
      description: '409 silence_over from the deadline on, even before the server has applied the expiry.',
      middleware: [asMember, requireJson] as const,
      request: { params: ParagraphParams, body: jsonRequest(breakBody) },
      responses: {
        201: jsonContent(ObjectionSchema, 'The objection that broke silence'),
        ...commandErrors(400, 413, 415),
      },
    }),
    async (c) => {
      const { id, pid } = c.req.valid('param');
      const { who, role } = c.get('membership');
      return c.json(await g.run(id, who, role, breakSilence, { paragraphId: pid, ...c.req.valid('json') }), 201);
    },
  );
  return app;
}
