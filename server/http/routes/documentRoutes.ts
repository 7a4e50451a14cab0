import { Hono } from 'hono';
import { z } from 'zod';
import { roles } from '../../../shared/governance/roles.js';
import { CloseCode } from '../../../shared/protocol/closeCodes.js';
import type { DocumentSetup } from '../../documents/documentSetup.js';
import { memberOf } from '../access.js';
import { requirePrincipal } from '../authenticate.js';
import type { AppEnv, Services } from '../context.js';
import { ApiError, forbidden, notFound } from '../httpError.js';
import { jsonBody } from '../validate.js';

const createDocument = z.object({
  title: z.string().trim().min(1).max(300),
  symbol: z.string().trim().max(100).optional(),
});
const createInvite = z.object({
  role: z.enum(roles),
  /** @default 168 (one week) */
  ttlHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(168),
});
const changeRole = z.object({ role: z.enum(roles) });

export function documentRoutes(s: Services, setup: DocumentSetup): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/api/documents', (c) => {
    const who = requirePrincipal(c);
    return c.json({ documents: s.accounts.documentsOf(who) });
  });
  s.openapi.add({
    method: 'get',
    path: '/api/documents',
    summary: 'Drafts I can open, with my role',
    access: 'signed in',
  });

  app.post('/api/documents', async (c) => {
    const who = requirePrincipal(c);
    if (!who.isAdmin) throw forbidden('Only the secretariat (admin) creates drafts.');
    const body = await jsonBody(c, createDocument);
    const doc = await setup.create(who, body.title, body.symbol ?? null);
    return c.json({ ...doc, role: 'chair' }, 201);
  });
  s.openapi.add({
    method: 'post',
    path: '/api/documents',
    summary: 'Create a draft',
    access: 'admin',
    body: createDocument,
  });

  app.get('/api/documents/:id', (c) => {
    const docId = c.req.param('id');
    const { role } = memberOf(c, s.accounts, docId);
    const doc = s.accounts.document(docId);
    if (!doc) throw notFound();
    return c.json({ ...doc, role });
  });
  s.openapi.add({ method: 'get', path: '/api/documents/:id', summary: 'A draft and my role on it', access: 'member' });

  app.get('/api/documents/:id/members', (c) => {
    const docId = c.req.param('id');
    memberOf(c, s.accounts, docId);
    return c.json({ members: s.accounts.members(docId) });
  });
  s.openapi.add({ method: 'get', path: '/api/documents/:id/members', summary: 'Members and roles', access: 'member' });

  app.post('/api/documents/:id/invites', async (c) => {
    const docId = c.req.param('id');
    const { who, role } = memberOf(c, s.accounts, docId);
    if (role !== 'chair') throw forbidden('Only chairs and the secretariat invite people.');
    const body = await jsonBody(c, createInvite);
    const token = s.accounts.createInvite(docId, body.role, who.userId, body.ttlHours * 3600_000);
    s.audit.append(docId, who.userId, 'member.invite', { role: body.role, ttlHours: body.ttlHours });
    return c.json({ url: `${s.config.PUBLIC_URL}/invite/${token}`, token, role: body.role }, 201);
  });
  s.openapi.add({
    method: 'post',
    path: '/api/documents/:id/invites',
    summary: 'Create a single-use, expiring, role-bound invitation link',
    access: 'chair',
    body: createInvite,
  });

  app.patch('/api/documents/:id/members/:userId', async (c) => {
    const docId = c.req.param('id');
    const userId = c.req.param('userId');
    const { who, role } = memberOf(c, s.accounts, docId);
    if (role !== 'chair') throw forbidden('Only chairs and the secretariat change roles.');
    const body = await jsonBody(c, changeRole);
    if (!s.accounts.members(docId).some((m) => m.userId === userId)) throw notFound('No such member.');
    s.accounts.setRole(docId, userId, body.role);
    await closeConnections(s, docId, userId, CloseCode.roleChanged, 'your role changed; reconnecting');
    s.audit.append(docId, who.userId, 'member.role', { userId, role: body.role });
    return c.json({ userId, role: body.role });
  });
  s.openapi.add({
    method: 'patch',
    path: '/api/documents/:id/members/:userId',
    summary: "Change a member's role (takes effect on open connections at once)",
    access: 'chair',
    body: changeRole,
  });

  app.delete('/api/documents/:id/members/:userId', async (c) => {
    const docId = c.req.param('id');
    const userId = c.req.param('userId');
    const { who, role } = memberOf(c, s.accounts, docId);
    if (role !== 'chair') throw forbidden('Only chairs and the secretariat remove members.');
    if (!s.accounts.removeMember(docId, userId)) throw notFound('No such member.');
    await closeConnections(s, docId, userId, CloseCode.forbidden, 'you are no longer a member of this draft');
    s.audit.append(docId, who.userId, 'member.remove', { userId });
    return c.json({ ok: true });
  });
  s.openapi.add({
    method: 'delete',
    path: '/api/documents/:id/members/:userId',
    summary: 'Remove a member (their open connections close at once)',
    access: 'chair',
  });

  app.get('/api/documents/:id/audit', (c) => {
    const docId = c.req.param('id');
    const { role } = memberOf(c, s.accounts, docId);
    if (role !== 'chair') throw forbidden('Only chairs view the audit log.');
    const after = Number(c.req.query('after') ?? 0);
    if (!Number.isInteger(after) || after < 0)
      throw new ApiError(400, 'bad_request', 'after must be a sequence number');
    const entries = s.audit.list(docId, 1000, after);
    const broken = s.audit.verify();
    if (c.req.query('format') === 'jsonl') {
      c.header('content-disposition', `attachment; filename="audit-${docId}.jsonl"`);
      return c.body(entries.map((e) => JSON.stringify(e)).join('\n'), 200, { 'content-type': 'application/x-ndjson' });
    }
    return c.json({ entries, chainIntact: broken === null, firstBrokenEntry: broken });
  });
  s.openapi.add({
    method: 'get',
    path: '/api/documents/:id/audit',
    summary: 'The hash-chained audit log (?after=seq, ?format=jsonl to export)',
    access: 'chair',
  });

  return app;
}

async function closeConnections(s: Services, docId: string, userId: string, code: number, reason: string) {
  const room = await s.rooms.peek(docId);
  room?.closeConnectionsOf(userId, code, reason);
}
