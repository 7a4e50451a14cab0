import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { stream } from 'hono/streaming';
import type { AppEnv, Services } from '../context.js';
import { member, secretariat } from '../middleware/requireAccess.js';
import { AuditPageSchema, AuditQuery } from '../schemas/auditSchema.js';
import { errorResponses } from '../schemas/errorResponses.js';
import { DocParams } from '../schemas/pathParams.js';
import { apiRouter } from '../validate.js';

/** Entries read per page while streaming a whole chain. */
const JSONL_PAGE = 1000;

const auditResponses = {
  200: {
    description: 'A page of entries (json), or the whole chain as JSON Lines, one entry a line (jsonl)',
    content: {
      'application/json': { schema: AuditPageSchema },
      'application/x-ndjson': { schema: z.string() },
    },
  },
};

/**
 * The audit chains: one per document (chairs), one for installation events (the
 * secretariat). JSON pages (`after`, `limit`, `next`), or the whole chain as JSON Lines,
 * streamed a page at a time. Every read verifies the chain from its stored checkpoint
 * (`verify=full`: from the first entry) and says whether it is intact.
 */
export function auditRoutes(s: Services): OpenAPIHono<AppEnv> {
  const app = apiRouter();

  /** The whole chain as JSON Lines, streamed a page at a time. */
  const jsonLines = (c: Context, docId: string | null, fileName: string): Response => {
    c.header('content-type', 'application/x-ndjson');
    c.header('content-disposition', `attachment; filename="${fileName}.jsonl"`);
    return stream(c, async (out) => {
      for (let after = 0; ; ) {
        const page = await s.store.audit.list(docId, JSONL_PAGE, after);
        if (page.length === 0) break;
        await out.write(`${page.map((e) => JSON.stringify(e)).join('\n')}\n`);
        after = page[page.length - 1]?.seq ?? after;
        if (page.length < JSONL_PAGE) break;
      }
    });
  };
  const page = async (q: z.infer<typeof AuditQuery>, docId: string | null) => {
    const entries = await s.store.audit.list(docId, q.limit, q.after);
    const v = await s.audit.verify(docId, { full: q.verify === 'full' });
    return {
      entries,
      next: entries.length === q.limit ? (entries[entries.length - 1]?.seq ?? null) : null,
      chainIntact: v.intact,
      firstBrokenEntry: v.firstBroken,
      verification: { from: v.from, checked: v.checked, full: q.verify === 'full' },
    };
  };

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/documents/{id}/audit',
      operationId: 'getDocumentAudit',
      tags: ['audit'],
      summary: "The draft's hash-chained audit log, verified on every read (chairs)",
      middleware: [member(s.store, { action: 'audit.read', refusal: 'Only chairs view the audit log.' })] as const,
      request: { params: DocParams, query: AuditQuery },
      responses: { ...auditResponses, ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const q = c.req.valid('query');
      // The library types every application/*json* media type as a c.json() answer; the stream is a plain Response.
      if (q.format === 'jsonl') return jsonLines(c, id, `audit-${id}`) as never;
      return c.json(await page(q, id), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/audit',
      operationId: 'getInstallationAudit',
      tags: ['audit'],
      summary: 'The installation audit log: sign-ins, sign-outs, API tokens (the secretariat)',
      middleware: [
        secretariat('audit.readInstallation', 'Only the secretariat reads the installation audit log.'),
      ] as const,
      request: { query: AuditQuery },
      responses: { ...auditResponses, ...errorResponses(400, 401, 403) },
    }),
    async (c) => {
      const q = c.req.valid('query');
      if (q.format === 'jsonl') return jsonLines(c, null, 'audit-installation') as never;
      return c.json(await page(q, null), 200);
    },
  );
  return app;
}
