import { Hono } from 'hono';
import * as Y from 'yjs';
import { z } from 'zod';
import { compareDrafts } from '../../../shared/model/compare.js';
import { numberDraft } from '../../../shared/model/numbering.js';
import { draftVersion, parseVersionRef } from '../../documents/draftVersions.js';
import { comparisonHtml } from '../../export/comparisonHtml.js';
import { memberOf } from '../access.js';
import type { AppEnv, Services } from '../context.js';
import { ApiError, forbidden } from '../httpError.js';
import { jsonBody } from '../validate.js';

const issue = z.object({ note: z.string().trim().max(2000).default('') });

export function revisionRoutes(s: Services): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const base = '/api/documents/:id';

  app.post(`${base}/revisions`, async (c) => {
    const docId = c.req.param('id');
    const { who, role } = memberOf(c, s.accounts, docId);
    if (role !== 'chair') throw forbidden('Only the chair issues revisions.');
    // The body is optional: a bare POST issues a revision without a note.
    const { note } = (c.req.header('content-length') ?? '0') === '0' ? { note: '' } : await jsonBody(c, issue);
    const room = await s.rooms.get(docId);
    await room.flushed();
    const info = s.revisions.issue(docId, who.userId, note, Y.encodeStateAsUpdate(room.doc));
    s.audit.append(docId, who.userId, 'revision.issue', { number: info.number, label: info.label, note });
    return c.json(info, 201);
  });
  s.openapi.add({
    method: 'post',
    path: `${base}/revisions`,
    summary: 'Issue a revision (Zero draft, Rev.1, …): an immutable snapshot of text, statuses and objections',
    access: 'chair',
    body: issue,
  });

  app.get(`${base}/revisions`, (c) => {
    const docId = c.req.param('id');
    memberOf(c, s.accounts, docId);
    const names = new Map(s.accounts.members(docId).map((m) => [m.userId, m.name]));
    return c.json({
      revisions: s.revisions.list(docId).map((r) => ({ ...r, issuedByName: names.get(r.issuedBy) ?? r.issuedBy })),
    });
  });
  s.openapi.add({ method: 'get', path: `${base}/revisions`, summary: 'Issued revisions', access: 'member' });

  app.get(`${base}/revisions/:n`, async (c) => {
    const docId = c.req.param('id');
    memberOf(c, s.accounts, docId);
    const n = parseVersionRef(c.req.param('n'), 'live');
    if (n === null || n === 'live') throw new ApiError(400, 'bad_request', 'A revision number is expected.');
    const info = s.revisions.list(docId).find((r) => r.number === n);
    const version = await draftVersion(s.rooms, s.revisions, docId, n);
    return c.json({
      ...info,
      draft: version.draft,
      governance: version.governance,
      labels: Object.fromEntries(numberDraft(version.draft)),
    });
  });
  s.openapi.add({
    method: 'get',
    path: `${base}/revisions/:n`,
    summary: 'One revision, read-only: text, statuses, objections and paragraph numbers',
    access: 'member',
  });

  app.get(`${base}/compare`, async (c) => {
    const docId = c.req.param('id');
    memberOf(c, s.accounts, docId);
    const format = c.req.query('format') ?? 'json';
    if (format !== 'json' && format !== 'html') throw new ApiError(400, 'bad_request', 'format is json or html.');
    const from = parseVersionRef(c.req.query('from'), 'live');
    const to = parseVersionRef(c.req.query('to'), 'live');
    if (from === null || to === null)
      throw new ApiError(400, 'bad_request', 'from and to are a revision number or "live".');
    const [a, b] = await Promise.all([
      draftVersion(s.rooms, s.revisions, docId, from),
      draftVersion(s.rooms, s.revisions, docId, to),
    ]);
    const comparison = compareDrafts(a, b);
    if (format === 'html') {
      const html = comparisonHtml(comparison, a.label, b.label, c.req.query('download') === '1');
      if (c.req.query('download') === '1') {
        const name = `compare-${a.label}-${b.label}`.replace(/[^A-Za-z0-9.-]+/g, '-');
        c.header('content-disposition', `attachment; filename="${name}.html"`);
      }
      return c.html(html);
    }
    return c.json({ from: a.label, to: b.label, ...comparison });
  });
  s.openapi.add({
    method: 'get',
    path: `${base}/compare`,
    summary: 'Compare two revisions or a revision with the live text (?from=n|live&to=n|live&format=json|html)',
    access: 'member',
  });
  return app;
}
