import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { bracketsIn } from '../../../shared/model/brackets.js';
import type { DocumentSetup } from '../../documents/documentSetup.js';
import { ImportError, type ImportedDraft, MAX_IMPORT_BYTES } from '../../import/importDraft.js';
import { importInWorker } from '../../work/heavyWork.js';
import type { AppEnv, Services } from '../context.js';
import { ApiError } from '../httpError.js';
import { secretariat } from '../middleware/requireAccess.js';
import { DocumentSummarySchema } from '../schemas/accountSchemas.js';
import { jsonContent } from '../schemas/content.js';
import { errorResponses } from '../schemas/errorResponses.js';
import { apiRouter, requireMediaType } from '../validate.js';

/** Room for the multipart envelope and the title/symbol fields around the file. */
const MULTIPART_OVERHEAD = 64 * 1024;

const sendAsForm = 'Send the file as multipart/form-data in the field "file".';
const field = (max: number) =>
  z
    .string()
    .optional()
    .transform((v) => (v && v.trim() !== '' ? v.trim().slice(0, max) : null));
const importForm = z.object({
  file: z
    .custom<File>((v) => v instanceof File, sendAsForm)
    .openapi({ type: 'string', format: 'binary', description: 'A .docx or .md file, at most 10 MB' }),
  title: field(300).openapi({ type: 'string', description: "The title; else the document's own, or its file name" }),
  symbol: field(100).openapi({ type: 'string', description: 'The document symbol, e.g. A/AC.292/2026/CRP.1' }),
});

// The upload cap is enforced while the body streams in (and from Content-Length), not after buffering it.
const uploadCap: MiddlewareHandler<AppEnv> = bodyLimit({
  maxSize: MAX_IMPORT_BYTES + MULTIPART_OVERHEAD,
  onError: () => {
    throw new ApiError(413, 'payload_too_large', 'The file is larger than 10 MB.');
  },
});

export function importRoutes(s: Services, setup: DocumentSetup): OpenAPIHono<AppEnv> {
  const app = apiRouter();
  const route = createRoute({
    method: 'post',
    path: '/api/documents/import',
    operationId: 'importDocument',
    tags: ['documents'],
    summary: 'Import a zero draft from DOCX or Markdown (the secretariat)',
    description:
      'Headings become sections, paragraphs and list items paragraphs, [..] structured brackets; at most 10 MB.',
    middleware: [
      uploadCap,
      secretariat('document.import', 'Only the secretariat (admin) creates drafts.'),
      requireMediaType('multipart/form-data', sendAsForm),
    ] as const,
    request: { body: { required: true, content: { 'multipart/form-data': { schema: importForm } } } },
    responses: {
      201: jsonContent(
        DocumentSummarySchema.extend({
          sections: z.number().int(),
          paragraphs: z.number().int(),
          brackets: z.number().int(),
        }).openapi('ImportedDocument'),
        'The draft created from the file, and what it holds',
      ),
      ...errorResponses(400, 401, 403, 413, 415, 422, 503),
    },
  });

  app.openapi(route, async (c) => {
    const who = c.get('who');
    const form = c.req.valid('form');
    const file = form.file;
    let imported: ImportedDraft;
    try {
      // Parsed on a worker thread (mammoth on a large .docx takes a while).
      imported = await importInWorker(
        new Uint8Array(await file.arrayBuffer()),
        file.name,
        {
          by: who.userId,
          byName: who.affiliation ? `${who.name} (${who.affiliation})` : who.name,
          at: Date.now(),
        },
        s.config.IMPORT_TIMEOUT_MS,
      );
    } catch (err) {
      if (err instanceof ImportError) {
        const code = err.status === 413 ? 'payload_too_large' : 'bad_import';
        // Where in the file the problem is (a table's position), for the person fixing it.
        throw new ApiError(err.status, code, err.message, {
          fileName: file.name.slice(0, 200),
          where: err.where ?? null,
        });
      }
      throw err;
    }
    const { draft } = imported;
    const title =
      form.title ?? imported.title?.slice(0, 300) ?? (file.name.replace(/\.[^.]+$/, '') || 'Imported draft');
    const doc = await setup.create(who, title, form.symbol, { draft });
    await s.store.audit.append(doc.id, {
      actor: who.userId,
      action: 'document.import',
      detail: { fileName: file.name.slice(0, 200), bytes: file.size },
    });
    const paragraphs = draft.sections.flatMap((sec) => sec.paragraphs);
    return c.json(
      {
        ...doc,
        role: 'chair' as const,
        sections: draft.sections.length,
        paragraphs: paragraphs.length,
        brackets: paragraphs.reduce((n, p) => n + bracketsIn(p).length, 0),
      },
      201,
    );
  });
  return app;
}
