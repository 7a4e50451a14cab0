import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { can } from '../../../shared/governance/permissions.js';
import { defaultLanguage, languages } from '../../../shared/i18n/languages.js';
import { draftVersion } from '../../documents/draftVersions.js';
import { exportFormats, exportTypes } from '../../export/exportDocument.js';
import { notAgreed } from '../../export/reportModel.js';
import { exportInWorker } from '../../work/heavyWork.js';
import type { AppEnv, Services } from '../context.js';
import { ApiError, forbidden } from '../httpError.js';
import { member } from '../middleware/requireAccess.js';
import { errorResponses } from '../schemas/errorResponses.js';
import { DocParams } from '../schemas/pathParams.js';
import { apiRouter } from '../validate.js';

const query = z.object({
  format: z.enum(exportFormats),
  variant: z
    .enum(['negotiating', 'clean'])
    .default('negotiating')
    .openapi({ description: 'clean: the report as adopted (every paragraph agreed), without brackets' }),
  revision: z.coerce
    .number()
    .int()
    .min(0)
    .optional()
    .openapi({ type: 'integer', minimum: 0, description: 'A revision number; the live text when left out' }),
  markDraft: z
    .enum(['0', '1'])
    .default('0')
    .openapi({ description: '1: a clean report of an unagreed text, marked "DRAFT — not agreed" (chair)' }),
  lang: z.enum(languages).optional().openapi({
    description:
      "Language of the file's vocabulary and declared language; else the person's interface language, else en",
  }),
});

const file = { schema: z.string().openapi({ format: 'binary' }) };
type Essence<T extends string> = T extends `${infer Type}; ${string}` ? Type : T;
type ExportMediaType = Essence<(typeof exportTypes)[keyof typeof exportTypes]['contentType']>;
/** One binary response content per export format, under its media type (without parameters). */
const fileContent = Object.fromEntries(
  Object.values(exportTypes).map((t) => [t.contentType.split(';')[0], file]),
) as Record<ExportMediaType, typeof file>;
export function exportRoutes(s: Services): OpenAPIHono<AppEnv> {
  const app = apiRouter();
  const route = createRoute({
    method: 'get',
    path: '/api/documents/{id}/export',
    operationId: 'exportDocument',
    tags: ['export'],
    summary: 'Export the live text or a revision as DOCX, PDF, HTML, Markdown or Akoma Ntoso',
    description: 'Members and observers; markDraft: chair. The file comes as an attachment.',
    middleware: [member(s.store)] as const,
    request: { params: DocParams, query },
    responses: {
      200: {
        description: 'The file, in the content type of its format',
        content: fileContent,
      },
      ...errorResponses(400, 401, 403, 404, 409),
    },
  });

  app.openapi(route, async (c) => {
    const { id: docId } = c.req.valid('param');
    const { who, role } = c.get('membership');
    const q = c.req.valid('query');
    // The language asked for, else the one the person chose for the interface, else English.
    const language = q.lang ?? (await s.store.users.language(who.userId)) ?? defaultLanguage;
    const version = await draftVersion(s.rooms, s.store.revisions, docId, q.revision ?? 'live');
    let draftMark = false;
    if (q.variant === 'clean') {
      const open = notAgreed(version.draft, version.governance);
      if (open.length > 0) {
        if (q.markDraft !== '1') {
          throw new ApiError(
            409,
            'not_agreed',
            `The clean report needs every paragraph agreed; ${open.length} are not. A chair can export it marked "DRAFT — not agreed".`,
            { notAgreed: open },
          );
        }
        if (!can(role, 'export.markDraft'))
          throw forbidden('Only the chair exports an unagreed clean report marked DRAFT.');
        draftMark = true;
      }
    }
    // Rendered on a worker thread: a long PDF must not hold up everyone's keystrokes.
    const file = await exportInWorker(q.format, {
      draft: version.draft,
      governance: version.governance,
      variant: q.variant,
      revision: version.label,
      generatedAt: new Date(),
      draftMark,
      language,
    });
    // Drafts are confidential negotiating positions: who took a copy of which text is on record.
    await s.store.audit.append(docId, {
      actor: who.userId,
      action: 'document.export',
      detail: { format: q.format, variant: q.variant, revision: version.label, draftMark, language },
    });
    return c.body(new Uint8Array(file.body), 200, {
      'content-type': file.contentType,
      'content-disposition': `attachment; filename="${file.fileName}"`,
      'cache-control': 'no-store',
    });
  });
  return app;
}
