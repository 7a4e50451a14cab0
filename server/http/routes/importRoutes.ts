import { Hono } from 'hono';
import type { DocumentSetup } from '../../documents/documentSetup.js';
import { ImportError, importDraft } from '../../import/importDraft.js';
import { requirePrincipal } from '../authenticate.js';
import type { AppEnv, Services } from '../context.js';
import { ApiError, forbidden } from '../httpError.js';

export function importRoutes(s: Services, setup: DocumentSetup): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.post('/api/documents/import', async (c) => {
    const who = requirePrincipal(c);
    if (!who.isAdmin) throw forbidden('Only the secretariat (admin) creates drafts.');
    let form: Record<string, unknown>;
    try {
      form = await c.req.parseBody();
    } catch {
      throw new ApiError(400, 'bad_request', 'Send the file as multipart/form-data in the field "file".');
    }
    const file = form.file;
    if (!(file instanceof File))
      throw new ApiError(400, 'bad_request', 'Send the file as multipart/form-data in the field "file".');
    const title =
      typeof form.title === 'string' && form.title.trim() !== ''
        ? form.title.trim()
        : file.name.replace(/\.[^.]+$/, '');
    const symbol = typeof form.symbol === 'string' && form.symbol.trim() !== '' ? form.symbol.trim() : null;
    let draft: Awaited<ReturnType<typeof importDraft>>;
    try {
      draft = await importDraft(new Uint8Array(await file.arrayBuffer()), file.name, {
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
    const doc = await setup.create(who, title.slice(0, 200), symbol, { draft });
    return c.json(
      { ...doc, role: 'chair', paragraphs: draft.sections.reduce((n, sec) => n + sec.paragraphs.length, 0) },
      201,
    );
  });
  s.openapi.add({
    method: 'post',
    path: '/api/documents/import',
    summary: 'Import a zero draft from DOCX or Markdown (multipart: file, title?, symbol?); [..] become brackets',
    access: 'admin',
  });
  return app;
}
