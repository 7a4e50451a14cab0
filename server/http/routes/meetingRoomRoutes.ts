import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { actor } from '../../governance/command.js';
import { clearQueue } from '../../governance/commands/clearQueue.js';
import { designateScreenDriver } from '../../governance/commands/designateScreenDriver.js';
import { giveFloor } from '../../governance/commands/giveFloor.js';
import { lowerFlag } from '../../governance/commands/lowerFlag.js';
import { projectParagraph } from '../../governance/commands/projectParagraph.js';
import { raiseFlag } from '../../governance/commands/raiseFlag.js';
import { removeFlag } from '../../governance/commands/removeFlag.js';
import { onDocument } from '../access.js';
import type { AppEnv, Services } from '../context.js';
import { ApiError } from '../httpError.js';
import { member } from '../middleware/requireAccess.js';
import { ActorSchema } from '../schemas/actorSchema.js';
import { jsonContent, jsonRequest, optionalJsonRequest } from '../schemas/content.js';
import { commandErrors } from '../schemas/errorResponses.js';
import { FlagSchema, FloorSchema, ScreenPositionSchema } from '../schemas/meetingRoomSchema.js';
import { DocParams } from '../schemas/pathParams.js';
import { apiRouter, optionalJsonBody, requireJson } from '../validate.js';

const paragraphId = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9_-]+$/, 'A paragraph id');
const raiseBody = z.object({
  paragraphId: paragraphId.nullable().default(null).openapi({ description: 'The paragraph to speak on, if any' }),
});
const giveBody = z.object({
  flagId: z.string().min(1).max(64).optional().openapi({ description: 'A chosen flag; absent: the next in the queue' }),
});
const driverBody = z.object({
  userId: z
    .string()
    .min(1)
    .max(128)
    .nullable()
    .openapi({ description: 'A chair or member of the draft; null: any chair' }),
});
const projectBody = z.object({ paragraphId });
const FlagParams = DocParams.extend({ fid: z.string().openapi({ description: 'Flag id' }) });

/**
 * The meeting room: the speaker queue and the room's screen. Each route parses its input and
 * runs one governance command (server/governance/commands); the state reaches every client
 * live through the server-owned `gov` root (shared/model/meetingRoom.ts).
 */
export function meetingRoomRoutes(s: Services): OpenAPIHono<AppEnv> {
  const app = apiRouter();
  const g = s.governance;
  const asMember = member(s.store);

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/documents/{id}/floor/flags',
      operationId: 'raiseFlag',
      tags: ['meeting room'],
      summary: "Raise your delegation's flag (one per delegation) at the end of the speaker queue",
      description: 'Chair or member; the delegation is always your own. 409 already_raised if it is up.',
      middleware: [asMember] as const,
      request: { params: DocParams, body: optionalJsonRequest(app, 'RaiseFlagBody', raiseBody) },
      responses: { 201: jsonContent(FlagSchema, 'The flag raised'), ...commandErrors(400, 413, 415) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { who, role } = c.get('membership');
      const body = await optionalJsonBody(c, raiseBody);
      return c.json(await g.run(id, who, role, raiseFlag, body), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/documents/{id}/floor/lower',
      operationId: 'lowerFlag',
      tags: ['meeting room'],
      summary: "Lower your delegation's flag (nothing happens if it is not up)",
      middleware: [asMember] as const,
      request: { params: DocParams },
      responses: {
        200: jsonContent(z.object({ lowered: FlagSchema.nullable() }), 'The flag lowered, or null'),
        ...commandErrors(),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { who, role } = c.get('membership');
      return c.json({ lowered: await g.run(id, who, role, lowerFlag, {}) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/documents/{id}/floor/give',
      operationId: 'giveFloor',
      tags: ['meeting room'],
      summary: 'Give the floor to the next flag in the queue, or to a chosen one (chair)',
      middleware: [asMember] as const,
      request: { params: DocParams, body: optionalJsonRequest(app, 'GiveFloorBody', giveBody) },
      responses: { 200: jsonContent(FloorSchema, 'Who has the floor now'), ...commandErrors(400, 413, 415) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { who, role } = c.get('membership');
      return c.json(await g.run(id, who, role, giveFloor, await optionalJsonBody(c, giveBody)), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/documents/{id}/floor/flags/{fid}',
      operationId: 'removeFlag',
      tags: ['meeting room'],
      summary: 'Remove a flag from the speaker queue (chair)',
      middleware: [asMember] as const,
      request: { params: FlagParams },
      responses: { 200: jsonContent(z.object({ removed: FlagSchema }), 'The flag removed'), ...commandErrors() },
    }),
    async (c) => {
      const { id, fid } = c.req.valid('param');
      const { who, role } = c.get('membership');
      return c.json({ removed: await g.run(id, who, role, removeFlag, { flagId: fid }) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/documents/{id}/floor/clear',
      operationId: 'clearQueue',
      tags: ['meeting room'],
      summary: 'Clear the speaker queue and end the floor (chair)',
      middleware: [asMember] as const,
      request: { params: DocParams },
      responses: { 200: jsonContent(z.object({ cleared: z.literal(true) }), 'Cleared'), ...commandErrors() },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { who, role } = c.get('membership');
      await g.run(id, who, role, clearQueue, {});
      return c.json({ cleared: true as const }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/documents/{id}/screen/driver',
      operationId: 'designateScreenDriver',
      tags: ['meeting room'],
      summary: "Decide whom the room's screen follows: a chair or a secretary (member) of the draft; null: any chair",
      middleware: [asMember, requireJson] as const,
      request: { params: DocParams, body: jsonRequest(driverBody) },
      responses: {
        200: jsonContent(z.object({ driver: ActorSchema.nullable() }), 'Whom the screen follows'),
        ...commandErrors(400, 413, 415),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { who, role } = c.get('membership');
      const { userId } = c.req.valid('json');
      let driver = null;
      // The caller designating themselves needs no roster (the secretariat is no member).
      if (userId === who.userId) driver = actor(who);
      else if (userId !== null) {
        // Resolved here, where the roster is: the command sees the draft's state, not its members.
        const target = (await s.store.memberships.members(id)).find((m) => m.userId === userId);
        if (!target || target.role === 'observer') {
          throw new ApiError(404, 'not_found', 'No chair or member of this draft with this id.');
        }
        const person = await s.store.users.get(userId);
        if (!person) throw new ApiError(404, 'not_found', 'No chair or member of this draft with this id.');
        driver = actor(await onDocument(s.store, id, person));
      }
      return c.json({ driver: await g.run(id, who, role, designateScreenDriver, { driver }) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/documents/{id}/screen/paragraph',
      operationId: 'projectParagraph',
      tags: ['meeting room'],
      summary: "Move the room's screen to a paragraph (the designated driver, or any chair while none is)",
      middleware: [asMember, requireJson] as const,
      request: { params: DocParams, body: jsonRequest(projectBody) },
      responses: { 200: jsonContent(ScreenPositionSchema, 'What the screen shows'), ...commandErrors(400, 413, 415) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { who, role } = c.get('membership');
      return c.json(await g.run(id, who, role, projectParagraph, c.req.valid('json')), 200);
    },
  );
  return app;
}
