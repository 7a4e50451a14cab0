import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { roles } from '../../../shared/governance/roles.js';
import { delegationKinds } from '../../../shared/model/delegation.js';
import { DELEGATION_CODE_PATTERN } from '../../../shared/model/delegationCode.js';
import type { DocumentSetup } from '../../documents/documentSetup.js';
import { type FlagWithdrawal, withdrawFlagsOf } from '../../governance/withdrawFlagsOf.js';
import type { Member } from '../../store/accountRecords.js';
import { DelegationTaken } from '../../store/delegations.js';
import type { AppEnv, Services } from '../context.js';
import { ApiError, notFound } from '../httpError.js';
import { member, secretariat, signedIn } from '../middleware/requireAccess.js';
import {
  DelegationMembersSchema,
  DelegationSchema,
  DocumentDetailSchema,
  DocumentSummarySchema,
  MemberSchema,
  Ok,
  RoleSchema,
} from '../schemas/accountSchemas.js';
import { jsonContent, jsonRequest } from '../schemas/content.js';
import { errorResponses } from '../schemas/errorResponses.js';
import { DocParams, MemberParams } from '../schemas/pathParams.js';
import { apiRouter, requireJson } from '../validate.js';

const createDocument = z.object({
  title: z.string().trim().min(1).max(300),
  symbol: z.string().trim().max(100).optional(),
});
const createInvite = z.object({
  role: z.enum(roles),
  ttlHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(168)
    .openapi({ description: 'How long the link works; one week unless given' }),
  delegationId: z
    .string()
    .min(1)
    .max(100)
    .optional()
    .openapi({ description: 'The delegation the invitee will speak for; else the one their affiliation names' }),
});
const changeRole = z.object({ role: z.enum(roles), delegationId: z.string().min(1).max(100).optional() });
const createDelegation = z.object({
  name: z.string().trim().min(1).max(200),
  code: z.string().trim().regex(DELEGATION_CODE_PATTERN, 'A code is 1–12 letters, digits or hyphens'),
  kind: z.enum(delegationKinds),
});

export function documentRoutes(s: Services, setup: DocumentSetup): OpenAPIHono<AppEnv> {
  const app = apiRouter();
  const chairOnly = (refusal: string) => member(s.store, { action: 'members.manage', refusal });

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/documents',
      operationId: 'listDocuments',
      tags: ['documents'],
      summary: 'Drafts I can open, with my role',
      middleware: [signedIn] as const,
      responses: {
        200: jsonContent(z.object({ documents: z.array(DocumentSummarySchema) }), 'My drafts'),
        ...errorResponses(401),
      },
    }),
    async (c) => c.json({ documents: await s.store.documents.listFor(c.get('who')) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/documents',
      operationId: 'createDocument',
      tags: ['documents'],
      summary: 'Create a draft (the secretariat)',
      middleware: [
        secretariat('document.create', 'Only the secretariat (admin) creates drafts.'),
        requireJson,
      ] as const,
      request: { body: jsonRequest(createDocument) },
      responses: {
        201: jsonContent(DocumentSummarySchema, 'Created; the creator chairs it'),
        ...errorResponses(400, 401, 403, 413, 415, 503),
      },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const doc = await setup.create(c.get('who'), body.title, body.symbol ?? null);
      return c.json({ ...doc, role: 'chair' as const }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/documents/{id}',
      operationId: 'getDocument',
      tags: ['documents'],
      summary: 'A draft, my role and my delegation on it',
      middleware: [member(s.store)] as const,
      request: { params: DocParams },
      responses: { 200: jsonContent(DocumentDetailSchema, 'The draft'), ...errorResponses(401, 404) },
    }),
    async (c) => {
      const { who, role } = c.get('membership');
      const { id } = c.req.valid('param');
      const doc = await s.store.documents.get(id);
      if (!doc) throw notFound();
      const delegation = await s.store.delegations.ofMember(id, who.userId);
      // What the collaboration socket accepts: the editor splits larger backlogs to fit.
      const collab = {
        maxMessageBytes: s.config.MAX_MESSAGE_BYTES,
        maxBytesPerSecond: s.config.MAX_BYTES_PER_SECOND_PER_USER,
      };
      return c.json({ ...doc, role, delegation, collab }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/documents/{id}/members',
      operationId: 'listMembers',
      tags: ['members'],
      summary: 'Members and roles, and the same people grouped by delegation',
      middleware: [member(s.store)] as const,
      request: { params: DocParams },
      responses: {
        200: jsonContent(
          z.object({ members: z.array(MemberSchema), delegations: z.array(DelegationMembersSchema) }),
          'The members',
        ),
        ...errorResponses(401, 404),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const members = await s.store.memberships.members(id);
      // Grouped as the room sees it: each delegation with its people (head of delegation and advisers).
      const delegations = (await s.store.delegations.list(id)).map((d) => ({
        ...d,
        members: members.filter((m) => m.delegation?.id === d.id).map(({ delegation: _d, ...m }) => m),
      }));
      return c.json({ members, delegations }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/documents/{id}/delegations',
      operationId: 'listDelegations',
      tags: ['members'],
      summary: 'The delegations of the group (name, short code, kind)',
      middleware: [member(s.store)] as const,
      request: { params: DocParams },
      responses: {
        200: jsonContent(z.object({ delegations: z.array(DelegationSchema) }), 'The delegations'),
        ...errorResponses(401, 404),
      },
    }),
    async (c) => c.json({ delegations: await s.store.delegations.list(c.req.valid('param').id) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/documents/{id}/delegations',
      operationId: 'createDelegation',
      tags: ['members'],
      summary: 'Add a delegation (a member State, an organisation, an observer); 409 if the name or code is taken',
      middleware: [chairOnly('Only chairs and the secretariat add delegations.'), requireJson] as const,
      request: { params: DocParams, body: jsonRequest(createDelegation) },
      responses: {
        201: jsonContent(DelegationSchema, 'The delegation added'),
        ...errorResponses(400, 401, 403, 404, 409, 413, 415),
      },
    }),
    async (c) => {
      const { id: docId } = c.req.valid('param');
      const { who } = c.get('membership');
      const body = c.req.valid('json');
      try {
        const d = await s.store.transaction(async (tx) => {
          const d = await tx.delegations.create(docId, body.name, body.code, body.kind);
          await tx.audit.append(docId, {
            actor: who.userId,
            action: 'delegation.create',
            detail: { delegationId: d.id, name: d.name, code: d.code },
          });
          return d;
        });
        return c.json(d, 201);
      } catch (err) {
        if (err instanceof DelegationTaken)
          throw new ApiError(409, 'conflict', err.message, { rule: 'delegation_taken' });
        throw err;
      }
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/documents/{id}/invites',
      operationId: 'createInvite',
      tags: ['members'],
      summary: 'Create a single-use, expiring, role-bound invitation link',
      middleware: [chairOnly('Only chairs and the secretariat invite people.'), requireJson] as const,
      request: { params: DocParams, body: jsonRequest(createInvite) },
      responses: {
        201: jsonContent(
          z
            .object({
              url: z.string(),
              token: z.string(),
              role: RoleSchema,
              delegation: z.union([DelegationSchema, z.null()]),
            })
            .openapi('InviteCreated'),
          'The invitation link',
        ),
        ...errorResponses(400, 401, 403, 404, 413, 415),
      },
    }),
    async (c) => {
      const { id: docId } = c.req.valid('param');
      const { who } = c.get('membership');
      const body = c.req.valid('json');
      const ttl = body.ttlHours * 3600_000;
      const invited = await s.store.transaction(async (tx) => {
        const delegation = body.delegationId ? await tx.delegations.get(docId, body.delegationId) : null;
        if (body.delegationId && !delegation) return null;
        const token = await tx.invites.create(docId, body.role, who.userId, ttl, delegation?.id ?? null);
        await tx.audit.append(docId, {
          actor: who.userId,
          action: 'member.invite',
          detail: {
            role: body.role,
            ttlHours: body.ttlHours,
            ...(delegation ? { invitedDelegation: delegation.code } : {}),
          },
        });
        return { token, delegation };
      });
      if (!invited) throw notFound('No such delegation in this draft.');
      const { token, delegation } = invited;
      return c.json({ url: `${s.config.PUBLIC_URL}/invite/${token}`, token, role: body.role, delegation }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/api/documents/{id}/members/{userId}',
      operationId: 'changeMemberRole',
      tags: ['members'],
      summary: "Change a member's role and/or delegation (takes effect on open connections at once)",
      middleware: [chairOnly('Only chairs and the secretariat change roles.'), requireJson] as const,
      request: { params: MemberParams, body: jsonRequest(changeRole) },
      responses: {
        200: jsonContent(
          z.object({ userId: z.string(), role: RoleSchema, delegation: z.union([DelegationSchema, z.null()]) }),
          'The new role and delegation',
        ),
        ...errorResponses(400, 401, 403, 404, 413, 415),
      },
    }),
    async (c) => {
      const { id: docId, userId } = c.req.valid('param');
      const { who } = c.get('membership');
      const body = c.req.valid('json');
      let before: Member | undefined;
      const now = await s.store.transaction(async (tx) => {
        before = (await tx.memberships.members(docId)).find((m) => m.userId === userId);
        if (!before) throw notFound('No such member.');
        const delegation = body.delegationId ? await tx.delegations.get(docId, body.delegationId) : null;
        if (body.delegationId && !delegation) throw notFound('No such delegation in this draft.');
        await tx.memberships.setRole(docId, userId, body.role, delegation?.id ?? null);
        await tx.audit.append(docId, {
          actor: who.userId,
          action: 'member.role',
          detail: { userId, role: body.role, ...(delegation ? { memberDelegation: delegation.code } : {}) },
        });
        return tx.delegations.ofMember(docId, userId);
      });
      // Committed: their open sockets close with 4409 and reconnect with the new role (and label).
      s.access.membershipChanged(docId, userId, body.role, now?.id ?? null);
      // A flag they raised no longer speaks for them: it leaves the speaker queue.
      const reason =
        body.role === 'observer'
          ? 'became_observer'
          : (before?.delegation?.id ?? null) !== (now?.id ?? null)
            ? 'delegation_changed'
            : null;
      if (reason) await withdrawFlags(s, docId, userId, who.userId, reason);
      return c.json({ userId, role: body.role, delegation: now }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/documents/{id}/members/{userId}',
      operationId: 'removeMember',
      tags: ['members'],
      summary: 'Remove a member (their open connections close at once)',
      middleware: [chairOnly('Only chairs and the secretariat remove members.')] as const,
      request: { params: MemberParams },
      responses: { 200: jsonContent(Ok, 'Removed'), ...errorResponses(401, 403, 404) },
    }),
    async (c) => {
      const { id: docId, userId } = c.req.valid('param');
      const actor = c.get('membership').who.userId;
      const removed = await s.store.transaction(async (tx) => {
        if (!(await tx.memberships.remove(docId, userId))) return false;
        await tx.audit.append(docId, { actor, action: 'member.remove', detail: { userId } });
        return true;
      });
      if (!removed) throw notFound('No such member.');
      // Committed: their open sockets on this draft close with 4403 at once.
      s.access.membershipChanged(docId, userId, null, null);
      await withdrawFlags(s, docId, userId, actor, 'member_removed');
      return c.json({ ok: true as const }, 200);
    },
  );

  return app;
}

/**
 * After the membership change is committed: a failure here (the room could not be stored) must
 * not turn a done change into an error; the flag stays up for the chair to remove, and is logged.
 */
async function withdrawFlags(s: Services, docId: string, userId: string, by: string, reason: FlagWithdrawal) {
  try {
    await withdrawFlagsOf(await s.rooms.get(docId), userId, by, reason);
  } catch (err) {
    s.log.warn({ err, docId, userId }, 'flag of a changed membership left in the queue');
  }
}
