import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { bracketsIn } from '../../../shared/model/brackets.js';
import type { DocumentSetup } from '../../documents/documentSetup.js';
import { ImportError, type ImportedDraft, importDraft, MAX_IMPORT_BYTES } from '../../import/importDraft.js';
import { requirePrincipal } from '../authenticate.js';
import type { AppEnv, Services } from '../context.js';
import { ApiError, forbidden } from '../httpError.js';

/** Room for the multipart envelope and the title/symbol fields around the file. */
const MULTIPART_OVERHEAD = 64 * 1024;

const field = (v: unknown, max: number): string | null =>
  typeof v === 'string' && v.trim() !== '' ? v.trim().slice(0, max) : null;

export function importRoutes(s: Services, setup: DocumentSetup): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const path = '/api/documents/import';
  app.post(
    path,
    // The upload cap is enforced while the body streams in (and from Content-Length), not after buffering it.
    bodyLimit({
      maxSize: MAX_IMPORT_BYTES + MULTIPART_OVERHEAD,
      onError: () => {
        throw new ApiError(413, 'payload_too_large', 'The file is larger than 10 MB.');
      },
    }),
    async (c) => {
      const who = requirePrincipal(c);
      if (!who.isAdmin) throw forbidden('Only the secretariat (admin) creates drafts.');
      if (!(c.req.header('content-type') ?? '').toLowerCase().startsWith('multipart/form-data')) {
        throw new ApiError(415, 'unsupported_media_type', 'Send the file as multipart/form-data in the field "file".');
      }
      let form: Record<string, unknown>;
      try {
        form = await c.req.parseBody();
      } catch {
        throw new ApiError(400, 'bad_request', 'Send the file as multipart/form-data in the field "file".');
      }
      const file = form.file;
      if (!(file instanceof File)) {
        throw new ApiError(400, 'bad_request', 'Send the file as multipart/form-data in the field "file".');
      }
      let imported: ImportedDraft;
      try {
        imported = await importDraft(new Uint8Array(await file.arrayBuffer()), file.name, {
          by: who.userId,
          byName: who.affiliation ? `${who.name} (${who.affiliation})` : who.name,
          at: Date.now(),
        });
      } catch (err) {
        if (err instanceof ImportError) {
          throw new ApiError(err.status, err.status === 413 ? 'payload_too_large' : 'bad_import', err.message);
        }
        throw err;
      }
      const { draft } = imported;
      const title =
        field(form.title, 300) ??
        imported.title?.slice(0, 300) ??
        (file.name.replace(/\.[^.]+$/, '') || 'Imported draft');
      const symbol = field(form.symbol, 100);
      const doc = await setup.create(who, title, symbol, { draft });
      s.audit.append(doc.id, who.userId, 'document.import', { fileName: file.name.slice(0, 200), bytes: file.size });
      const paragraphs = draft.sections.flatMap((sec) => sec.paragraphs);
      return c.json(
        {
          ...doc,
          role: 'chair',
          sections: draft.sections.length,
          paragraphs: paragraphs.length,
          brackets: paragraphs.reduce((n, p) => n + bracketsIn(p).length, 0),
        },
        201,
      );
    },
  );
  s.openapi.add({
    method: 'post',
    path,
    summary:
      'Import a zero draft from DOCX or Markdown (multipart/form-data: file, title?, symbol?): headings become ' +
      'sections, paragraphs and list items paragraphs, [..] structured brackets; at most 10 MB',
    access: 'admin',
    produces: 'application/json',
  });
  return app;
}
