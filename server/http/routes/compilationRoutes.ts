import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { defaultLanguage, languages } from '../../../shared/i18n/languages.js';
import { draftVersion } from '../../documents/draftVersions.js';
import { compilationDocx, resolutionTableDocx } from '../../export/compilationDocx.js';
import { compilationHtml } from '../../export/compilationHtml.js';
import { buildCompilation } from '../../export/compilationModel.js';
import { exportVocabulary } from '../../export/exportVocabulary.js';
import { resolutionTableCsv } from '../../export/resolutionTable.js';
import type { AppEnv, Services } from '../context.js';
import { member } from '../middleware/requireAccess.js';
import { errorResponses } from '../schemas/errorResponses.js';
import { DocParams } from '../schemas/pathParams.js';
import { apiRouter } from '../validate.js';

const common = {
  revision: z.coerce
    .number()
    .int()
    .min(0)
    .optional()
    .openapi({ type: 'integer', minimum: 0, description: 'A revision number; the live text when left out' }),
  lang: z.enum(languages).optional().openapi({
    description: "Language of the file's words; else the person's interface language, else en",
  }),
};

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const binary = { schema: z.string().openapi({ format: 'binary' }) };

/**
 * The facilitator's documents built from the proposals: the compilation (per paragraph, every
 * proposal with proposer, supporters, opposers, justification and decision) and the
 * comment-resolution table. Anyone who reads the draft reads these; each download is audited.
 */
export function compilationRoutes(s: Services): OpenAPIHono<AppEnv> {
  const app = apiRouter();
  const documents = {
    compilation: {
      path: '/api/documents/{id}/compilation',
      operationId: 'exportCompilation',
      summary: 'The compilation of proposals, per paragraph, as HTML or DOCX',
      formats: ['html', 'docx'] as const,
      variant: 'compilation',
    },
    resolution: {
      path: '/api/documents/{id}/resolution-table',
      operationId: 'exportResolutionTable',
      summary: 'The comment-resolution table (one row per proposal) as CSV or DOCX',
      formats: ['csv', 'docx'] as const,
      variant: 'resolution',
    },
  };
  for (const d of Object.values(documents)) {
    const route = createRoute({
      method: 'get',
      path: d.path,
      operationId: d.operationId,
      tags: ['proposals'],
      summary: d.summary,
      description: 'Members and observers. The file comes as an attachment.',
      middleware: [member(s.store)] as const,
      request: { params: DocParams, query: z.object({ format: z.enum(d.formats), ...common }) },
      responses: {
        200: {
          description: 'The file',
          content: { 'text/html': binary, 'text/csv': binary, [DOCX]: binary },
        },
        ...errorResponses(400, 401, 403, 404),
      },
    });
    app.openapi(route, async (c) => {
      const { id: docId } = c.req.valid('param');
      const { who, role } = c.get('membership');
      const q = c.req.valid('query');
      const language = q.lang ?? (await s.store.users.language(who.userId)) ?? defaultLanguage;
      const version = await draftVersion(s.rooms, s.store.revisions, docId, q.revision ?? 'live');
      const compilation = buildCompilation({
        draft: version.draft,
        governance: version.governance,
        revision: version.label,
        generatedAt: new Date(),
        words: exportVocabulary(language),
        comments: await s.comments.list(docId, who, role),
        ...(version.issuedAt !== null ? { before: version.issuedAt } : {}),
      });
      const format: string = q.format;
      const [body, type] =
        format === 'docx'
          ? [
              d.variant === 'compilation' ? await compilationDocx(compilation) : await resolutionTableDocx(compilation),
              DOCX,
            ]
          : format === 'csv'
            ? [Buffer.from(resolutionTableCsv(compilation)), 'text/csv; charset=utf-8']
            : [Buffer.from(compilationHtml(compilation)), 'text/html; charset=utf-8'];
      const base = [version.governance.meta.symbol || 'draft', version.label, d.variant]
        .join('-')
        .replace(/[^A-Za-z0-9.-]+/g, '-');
      await s.store.audit.append(docId, {
        actor: who.userId,
        action: 'document.export',
        detail: { format, variant: d.variant, revision: version.label, draftMark: false, language },
      });
      return c.body(new Uint8Array(body), 200, {
        'content-type': type,
        'content-disposition': `attachment; filename="${base}.${format}"`,
        'cache-control': 'no-store',
      });
    });
  }
  return app;
}
