import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { paragraphStatuses } from '../../../shared/model/governance.js';
import { answerObjection } from '../../governance/commands/answerObjection.js';
import { lockParagraph } from '../../governance/commands/lockParagraph.js';
import { lodgeObjection } from '../../governance/commands/lodgeObjection.js';
import { setStatus } from '../../governance/commands/setStatus.js';
import { unlockParagraph } from '../../governance/commands/unlockParagraph.js';
import { withdrawObjection } from '../../governance/commands/withdrawObjection.js';
import type { AppEnv, Services } from '../context.js';
import { member } from '../middleware/requireAccess.js';
import { jsonContent, jsonRequest, optionalJsonRequest } from '../schemas/content.js';
import { commandErrors } from '../schemas/errorResponses.js';
import { ObjectionSchema, ParagraphStatusSchema } from '../schemas/governanceSchema.js';
import { ObjectionParams, ParagraphParams } from '../schemas/pathParams.js';
import { apiRouter, optionalJsonBody, requireJson } from '../validate.js';

/** The content hash of the paragraph text the caller saw (shared/governance/paragraphHash.ts). */
const textHash = z
  .string()
  .regex(/^[0-9a-f]{64}$/, 'textHash is the hex SHA-256 content hash of the paragraph')
  .optional()
  .openapi({ description: 'Content hash of the paragraph as the caller saw it; 409 text_changed if it changed since' });
const setStatusBody = z.object({ status: z.enum(paragraphStatuses), textHash });
const lockBody = z.object({ textHash });
const unlockBody = z.object({ reason: z.string().trim().min(1, 'Give a reason for reopening').max(1000) });
const lodgeBody = z.object({ reason: z.string().trim().min(1, 'An objection needs a reason').max(4000) });
const answerBody = z.object({ text: z.string().trim().min(1).max(4000) });

export function governanceRoutes(s: Services): OpenAPIHono<AppEnv> {
  const app = apiRouter();
  const g = s.governance;
  const asMember = member(s.store);

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/documents/{id}/paragraphs/{pid}/status',
      operationId: 'setParagraphStatus',
      tags: ['governance'],
      summary:
        "Set a paragraph's consensus status (rules in shared/model/statusRules.ts); an agreement records the text's hash",
      description: 'Chair; members only draft ↔ under negotiation.',
      middleware: [asMember, requireJson] as const,
      request: { params: ParagraphParams, body: jsonRequest(setStatusBody) },
      responses: {
        200: jsonContent(z.object({ paragraphId: z.string(), status: ParagraphStatusSchema }), 'The status set'),
        ...commandErrors(400, 413, 415),
      },
    }),
    async (c) => {
      const { id, pid } = c.req.valid('param');
      const { who, role } = c.get('membership');
      return c.json(await g.run(id, who, role, setStatus, { paragraphId: pid, ...c.req.valid('json') }), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/documents/{id}/paragraphs/{pid}/lock',
      operationId: 'lockParagraph',
      tags: ['governance'],
      summary: 'Lock an agreed paragraph (no open brackets, no standing objection); the body is optional',
      middleware: [asMember] as const,
      request: { params: ParagraphParams, body: optionalJsonRequest(app, 'LockParagraphBody', lockBody) },
      responses: {
        200: jsonContent(
          z.object({ paragraphId: z.string(), textHash: z.string(), locked: z.literal(true) }),
          'Locked; the hash of the text locked',
        ),
        ...commandErrors(400, 413, 415),
      },
    }),
    async (c) => {
      const { id, pid } = c.req.valid('param');
      const { who, role } = c.get('membership');
      const locked = await g.run(id, who, role, lockParagraph, {
        paragraphId: pid,
        ...(await optionalJsonBody(c, lockBody)),
      });
      return c.json({ ...locked, locked: true as const }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/documents/{id}/paragraphs/{pid}/unlock',
      operationId: 'unlockParagraph',
      tags: ['governance'],
      summary: 'Reopen a locked paragraph, with a recorded reason',
      middleware: [asMember, requireJson] as const,
      request: { params: ParagraphParams, body: jsonRequest(unlockBody) },
      responses: {
        200: jsonContent(z.object({ paragraphId: z.string(), locked: z.literal(false) }), 'Unlocked'),
        ...commandErrors(400, 413, 415),
      },
    }),
    async (c) => {
      const { id, pid } = c.req.valid('param');
      const { who, role } = c.get('membership');
      await g.run(id, who, role, unlockParagraph, { paragraphId: pid, reason: c.req.valid('json').reason });
      return c.json({ paragraphId: pid, locked: false as const }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/documents/{id}/paragraphs/{pid}/objections',
      operationId: 'lodgeObjection',
      tags: ['governance'],
      summary: 'Lodge an objection (the author is always the caller)',
      middleware: [asMember, requireJson] as const,
      request: { params: ParagraphParams, body: jsonRequest(lodgeBody) },
      responses: { 201: jsonContent(ObjectionSchema, 'The objection lodged'), ...commandErrors(400, 413, 415) },
    }),
    async (c) => {
      const { id, pid } = c.req.valid('param');
      const { who, role } = c.get('membership');
      const { reason } = c.req.valid('json');
      return c.json(await g.run(id, who, role, lodgeObjection, { paragraphId: pid, reason }), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/documents/{id}/objections/{oid}/withdraw',
      operationId: 'withdrawObjection',
      tags: ['governance'],
      summary: 'Withdraw your own objection',
      middleware: [asMember] as const,
      request: { params: ObjectionParams },
      responses: { 200: jsonContent(ObjectionSchema, 'The objection, withdrawn'), ...commandErrors() },
    }),
    async (c) => {
      const { id, oid } = c.req.valid('param');
      const { who, role } = c.get('membership');
      return c.json(await g.run(id, who, role, withdrawObjection, { objectionId: oid }), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/documents/{id}/objections/{oid}/answer',
      operationId: 'answerObjection',
      tags: ['governance'],
      summary: 'Answer an objection',
      middleware: [asMember, requireJson] as const,
      request: { params: ObjectionParams, body: jsonRequest(answerBody) },
      responses: { 200: jsonContent(ObjectionSchema, 'The objection, answered'), ...commandErrors(400, 413, 415) },
    }),
    async (c) => {
      const { id, oid } = c.req.valid('param');
      const { who, role } = c.get('membership');
      return c.json(
        await g.run(id, who, role, answerObjection, { objectionId: oid, text: c.req.valid('json').text }),
        200,
      );
    },
  );
  return app;
}
