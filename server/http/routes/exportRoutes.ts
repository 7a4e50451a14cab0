import { Hono } from 'hono';
import { z } from 'zod';
import { draftVersion } from '../../documents/draftVersions.js';
import { exportDocument, exportFormats } from '../../export/exportDocument.js';
import { notAgreed } from '../../export/reportModel.js';
import { memberOf } from '../access.js';
import type { AppEnv, Services } from '../context.js';
import { ApiError, forbidden } from '../httpError.js';
import { parse } from '../validate.js';

const query = z.object({
  format: z.enum(exportFormats),
  variant: z.enum(['negotiating', 'clean']).default('negotiating'),
  revision: z.coerce.number().int().min(0).optional(),
  markDraft: z.enum(['0', '1']).default('0'),
});

export function exportRoutes(s: Services): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const path = '/api/documents/:id/export';

  app.get(path, async (c) => {
    const docId = c.req.param('id');
    const { who, role } = memberOf(c, s.accounts, docId);
    const q = parse(query, c.req.query());
    const version = await draftVersion(s.rooms, s.revisions, docId, q.revision ?? 'live');
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
        if (role !== 'chair') throw forbidden('Only the chair exports an unagreed clean report marked DRAFT.');
        draftMark = true;
      }
    }
    const file = await exportDocument(q.format, {
      draft: version.draft,
      governance: version.governance,
      variant: q.variant,
      revision: version.label,
      generatedAt: new Date(),
      draftMark,
    });
    // Drafts are confidential negotiating positions: who took a copy of which text is on record.
    s.audit.append(docId, who.userId, 'document.export', {
      format: q.format,
      variant: q.variant,
      revision: version.label,
      draftMark,
    });
    return c.body(new Uint8Array(file.body), 200, {
      'content-type': file.contentType,
      'content-disposition': `attachment; filename="${file.fileName}"`,
      'cache-control': 'no-store',
    });
  });
  s.openapi.add({
    method: 'get',
    path,
    summary:
      'Export the live text or a revision (?format=docx|pdf|html|md|akn&variant=negotiating|clean&revision=n&markDraft=1)',
    access: 'member (observers included); markDraft: chair',
    query,
    produces: 'application/octet-stream',
  });
  return app;
}
