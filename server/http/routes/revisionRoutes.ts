import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { defaultLanguage, languages } from '../../../shared/i18n/languages.js';
import { numberDraft } from '../../../shared/model/numbering.js';
import { draftVersion, parseVersionRef } from '../../documents/draftVersions.js';
import { issueRevision } from '../../governance/commands/issueRevision.js';
import { compareInWorker } from '../../work/heavyWork.js';
import type { AppEnv, Services } from '../context.js';
import { ApiError, notFound } from '../httpError.js';
import { member } from '../middleware/requireAccess.js';
import { ComparisonSchema } from '../schemas/comparisonSchema.js';
import { jsonContent, optionalJsonRequest } from '../schemas/content.js';
import { DraftSchema } from '../schemas/draftSchema.js';
import { errorResponses } from '../schemas/errorResponses.js';
import { GovernanceSchema } from '../schemas/governanceSchema.js';
import { DocParams } from '../schemas/pathParams.js';
import { RevisionInfoSchema } from '../schemas/revisionSchema.js';
import { apiRouter, optionalJsonBody } from '../validate.js';

const issue = z.object({ note: z.string().trim().max(2000).default('') });
const versionRef = (which: string) =>
  z
    .string()
    .regex(/^(live|\d{1,6})$/, 'a revision number or "live"')
    .default('live')
    .openapi({ description: `${which}: a revision number, or "live" for the text as it is now` });
const compareQuery = z.object({
  from: versionRef('The older version'),
  to: versionRef('The newer version'),
  format: z.enum(['json', 'html']).default('json'),
  download: z.string().optional().openapi({ description: '1: the html page as an attachment' }),
  lang: z.enum(languages).optional().openapi({
    description: "Language of the html page's words; else the person's interface language, else en",
  }),
});

export function revisionRoutes(s: Services): OpenAPIHono<AppEnv> {
  const app = apiRouter();

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/documents/{id}/revisions',
      operationId: 'issueRevision',
      tags: ['revisions'],
      summary: 'Issue a revision (Zero draft, Rev.1, …): an immutable snapshot of text, statuses and objections',
      description: 'Chair. The body is optional: a bare POST issues a revision without a note.',
      middleware: [member(s.store, { action: 'revision.issue', refusal: 'Only the chair issues revisions.' })] as const,
      request: { params: DocParams, body: optionalJsonRequest(app, 'IssueRevisionBody', issue) },
      responses: {
        201: jsonContent(RevisionInfoSchema, 'The revision issued'),
        ...errorResponses(400, 401, 403, 404, 413, 415, 503),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { who, role } = c.get('membership');
      const room = await s.rooms.get(id);
      return c.json(await issueRevision(room, who, role, (await optionalJsonBody(c, issue)).note), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/documents/{id}/revisions',
      operationId: 'listRevisions',
      tags: ['revisions'],
      summary: 'Issued revisions',
      middleware: [member(s.store)] as const,
      request: { params: DocParams },
      responses: {
        200: jsonContent(
          z.object({
            revisions: z.array(RevisionInfoSchema.extend({ issuedByName: z.string() }).openapi('IssuedRevision')),
          }),
          'Every revision, oldest first',
        ),
        ...errorResponses(401, 404),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const names = new Map((await s.store.memberships.members(id)).map((m) => [m.userId, m.name]));
      const revisions = (await s.store.revisions.list(id)).map((r) => ({
        ...r,
        issuedByName: names.get(r.issuedBy) ?? r.issuedBy,
      }));
      return c.json({ revisions }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/documents/{id}/revisions/{n}',
      operationId: 'getRevision',
      tags: ['revisions'],
      summary: 'One revision, read-only: text, statuses, objections and paragraph numbers',
      middleware: [member(s.store)] as const,
      request: {
        params: DocParams.extend({ n: z.string().openapi({ pattern: '^\\d{1,6}$', description: 'Revision number' }) }),
      },
      responses: {
        200: jsonContent(
          RevisionInfoSchema.extend({
            draft: DraftSchema,
            governance: GovernanceSchema,
            labels: z
              .record(z.string(), z.object({ number: z.string(), option: z.number().int().nullable() }))
              .openapi({ description: 'Paragraph id → its number (and option within an alternative)' }),
          }).openapi('RevisionSnapshot'),
          'The revision',
        ),
        ...errorResponses(400, 401, 404),
      },
    }),
    async (c) => {
      const { id, n: raw } = c.req.valid('param');
      const n = parseVersionRef(raw, 'live');
      if (n === null || n === 'live') throw new ApiError(400, 'bad_request', 'A revision number is expected.');
      const version = await draftVersion(s.rooms, s.store.revisions, id, n);
      const info = (await s.store.revisions.list(id)).find((r) => r.number === n);
      if (!info) throw notFound(`No revision ${n} of this draft.`);
      return c.json(
        {
          ...info,
          draft: version.draft,
          governance: version.governance,
          labels: Object.fromEntries(numberDraft(version.draft)),
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/documents/{id}/compare',
      operationId: 'compareVersions',
      tags: ['revisions'],
      summary: 'Compare two revisions, or a revision with the live text',
      middleware: [member(s.store)] as const,
      request: { params: DocParams, query: compareQuery },
      responses: {
        200: {
          description: 'The comparison: JSON, or a printable HTML page (format=html)',
          content: {
            'application/json': { schema: ComparisonSchema },
            'text/html': { schema: z.string() },
          },
        },
        ...errorResponses(400, 401, 404),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const q = c.req.valid('query');
      const from = parseVersionRef(q.from, 'live');
      const to = parseVersionRef(q.to, 'live');
      if (from === null || to === null)
        throw new ApiError(400, 'bad_request', 'from and to are a revision number or "live".');
      const [a, b] = await Promise.all([
        draftVersion(s.rooms, s.store.revisions, id, from),
        draftVersion(s.rooms, s.store.revisions, id, to),
      ]);
      // Compared (and rendered) on a worker thread: two large revisions take a while.
      const download = q.download === '1';
      const { who } = c.get('membership');
      const language = q.lang ?? (await s.store.users.language(who.userId)) ?? defaultLanguage;
      const { comparison, html } = await compareInWorker(a, b, q.format === 'html' ? { download, language } : null);
      if (html !== null) {
        if (download) {
          const name = `compare-${a.label}-${b.label}`.replace(/[^A-Za-z0-9.-]+/g, '-');
          c.header('content-disposition', `attachment; filename="${name}.html"`);
        }
        return c.html(html, 200);
      }
      return c.json({ from: a.label, to: b.label, ...comparison }, 200);
    },
  );
  return app;
}
