import { Hono } from 'hono';
import { z } from 'zod';
import { paragraphStatuses } from '../../../shared/model/governance.js';
import { memberOf } from '../access.js';
import type { AppEnv, Services } from '../context.js';
import { jsonBody } from '../validate.js';

const setStatus = z.object({ status: z.enum(paragraphStatuses) });
const unlock = z.object({ reason: z.string().trim().min(1, 'Give a reason for reopening').max(1000) });
const lodge = z.object({ reason: z.string().trim().min(1, 'An objection needs a reason').max(4000) });
const answer = z.object({ text: z.string().trim().min(1).max(4000) });

export function governanceRoutes(s: Services): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const g = s.governance;
  const base = '/api/documents/:id';

  app.post(`${base}/paragraphs/:pid/status`, async (c) => {
    const docId = c.req.param('id');
    const { who, role } = memberOf(c, s.accounts, docId);
    const { status } = await jsonBody(c, setStatus);
    await g.setStatus(docId, who, role, c.req.param('pid'), status);
    return c.json({ paragraphId: c.req.param('pid'), status });
  });
  s.openapi.add({
    method: 'post',
    path: `${base}/paragraphs/:pid/status`,
    summary: "Set a paragraph's consensus status (rules in shared/model/statusRules.ts)",
    access: 'chair; members only draft ↔ under negotiation',
    body: setStatus,
  });

  app.post(`${base}/paragraphs/:pid/lock`, async (c) => {
    const docId = c.req.param('id');
    const { who, role } = memberOf(c, s.accounts, docId);
    await g.lock(docId, who, role, c.req.param('pid'));
    return c.json({ paragraphId: c.req.param('pid'), locked: true });
  });
  s.openapi.add({
    method: 'post',
    path: `${base}/paragraphs/:pid/lock`,
    summary: 'Lock an agreed paragraph (no open brackets, no standing objection)',
    access: 'chair',
  });

  app.post(`${base}/paragraphs/:pid/unlock`, async (c) => {
    const docId = c.req.param('id');
    const { who, role } = memberOf(c, s.accounts, docId);
    const { reason } = await jsonBody(c, unlock);
    await g.unlock(docId, who, role, c.req.param('pid'), reason);
    return c.json({ paragraphId: c.req.param('pid'), locked: false });
  });
  s.openapi.add({
    method: 'post',
    path: `${base}/paragraphs/:pid/unlock`,
    summary: 'Reopen a locked paragraph, with a recorded reason',
    access: 'chair',
    body: unlock,
  });

  app.post(`${base}/paragraphs/:pid/objections`, async (c) => {
    const docId = c.req.param('id');
    const { who, role } = memberOf(c, s.accounts, docId);
    const { reason } = await jsonBody(c, lodge);
    return c.json(await g.lodgeObjection(docId, who, role, c.req.param('pid'), reason), 201);
  });
  s.openapi.add({
    method: 'post',
    path: `${base}/paragraphs/:pid/objections`,
    summary: 'Lodge an objection (the author is always the caller)',
    access: 'chair, member',
    body: lodge,
  });

  app.post(`${base}/objections/:oid/withdraw`, async (c) => {
    const docId = c.req.param('id');
    const { who } = memberOf(c, s.accounts, docId);
    return c.json(await g.withdrawObjection(docId, who, c.req.param('oid')));
  });
  s.openapi.add({
    method: 'post',
    path: `${base}/objections/:oid/withdraw`,
    summary: 'Withdraw your own objection',
    access: 'its author',
  });

  app.post(`${base}/objections/:oid/answer`, async (c) => {
    const docId = c.req.param('id');
    const { who, role } = memberOf(c, s.accounts, docId);
    const { text } = await jsonBody(c, answer);
    return c.json(await g.answerObjection(docId, who, role, c.req.param('oid'), text));
  });
  s.openapi.add({
    method: 'post',
    path: `${base}/objections/:oid/answer`,
    summary: 'Answer an objection',
    access: 'chair',
    body: answer,
  });
  return app;
}
