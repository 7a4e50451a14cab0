import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import {
  type ImportRowOutcome,
  importRowReasons,
  MAX_RESOLUTION_BYTES,
  MAX_RESOLUTION_DOCX_BYTES,
  MAX_RESOLUTION_ROWS,
} from '../../../shared/model/resolutionImport.js';
import { importReport, importResolutionTable } from '../../governance/commands/importResolutionTable.js';
import { ImportError } from '../../import/importError.js';
import type { ResolutionRow } from '../../import/resolutionRows.js';
import { resolutionTableInWorker } from '../../work/heavyWork.js';
import type { AppEnv, Services } from '../context.js';
import { ApiError } from '../httpError.js';
import { member } from '../middleware/requireAccess.js';
import { jsonContent } from '../schemas/content.js';
import { errorResponses } from '../schemas/errorResponses.js';
import { DocParams } from '../schemas/pathParams.js';
import { apiRouter, requireMediaType } from '../validate.js';

const sendAsForm = 'Send the table as multipart/form-data in the field "file".';
const form = z.object({
  file: z
    .custom<File>((v) => v instanceof File, sendAsForm)
    .openapi({
      type: 'string',
      format: 'binary',
      description:
        'The table as CSV (UTF-8 or UTF-16 with BOM), at most 1 MB, or as a Word document (.docx), at most 5 MB',
    }),
});

const OutcomeSchema = z
  .object({
    row: z.number().int().openapi({ description: 'The row as a spreadsheet numbers it (the header is row 1)' }),
    status: z.enum(['created', 'refused']),
    proposalId: z.string().optional(),
    commentId: z
      .string()
      .optional()
      .openapi({ description: 'A row with a comment and no proposed change: the group comment made' }),
    paragraphId: z.string().optional(),
    delegation: z.string().optional(),
    reason: z.enum(importRowReasons).optional(),
    message: z.string().optional(),
  })
  .openapi('ImportRowOutcome');
const ReportSchema = z
  .object({
    rows: z.number().int(),
    created: z.number().int(),
    refused: z.number().int(),
    outcomes: z.array(OutcomeSchema),
  })
  .openapi('ImportReport');

// The larger (Word) cap while the body streams in; the CSV's own 1 MB is checked when it is read.
const uploadCap: MiddlewareHandler<AppEnv> = bodyLimit({
  maxSize: Math.max(MAX_RESOLUTION_BYTES, MAX_RESOLUTION_DOCX_BYTES) + 64 * 1024,
  onError: () => {
    throw new ApiError(413, 'payload_too_large', 'The table is larger than 5 MB.');
  },
});

/** Importing a filled-in comment-resolution table (chair): proposals in the named delegations' names. */
export function resolutionImportRoutes(s: Services): OpenAPIHono<AppEnv> {
  const app = apiRouter();
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/documents/{id}/resolution-table/import',
      operationId: 'importResolutionTable',
      tags: ['proposals'],
      summary:
        "Import a filled-in comment-resolution table (CSV or Word): a proposal (or a group comment) per row, in the named delegation's name (chair)",
      description: `Rows are matched to this draft's delegations (code or name) and paragraph numbers; a row that cannot be matched is refused with a reason and creates nothing. A row repeating a pending proposal of the same delegation is refused as duplicate, so importing the same file twice creates nothing the second time. A Word document is read from its first table whose header row names the columns. At most 1 MB as CSV, 5 MB as Word, and ${MAX_RESOLUTION_ROWS} rows.`,
      middleware: [
        member(s.store, { action: 'proposal.import', refusal: 'Only the chair imports a resolution table.' }),
        uploadCap,
        requireMediaType('multipart/form-data', sendAsForm),
      ] as const,
      request: { params: DocParams, body: { required: true, content: { 'multipart/form-data': { schema: form } } } },
      responses: {
        200: jsonContent(ReportSchema, 'What became of each row'),
        ...errorResponses(400, 401, 403, 404, 413, 415, 422, 503),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { who, role } = c.get('membership');
      const file = c.req.valid('form').file;
      let rows: ResolutionRow[];
      try {
        // On a worker thread, bounded in time: mammoth on a crafted Word file can run for long.
        rows = await resolutionTableInWorker(
          new Uint8Array(await file.arrayBuffer()),
          file.name,
          s.config.IMPORT_TIMEOUT_MS,
        );
      } catch (err) {
        if (err instanceof ImportError) {
          throw new ApiError(err.status, err.status === 413 ? 'payload_too_large' : 'bad_import', err.message, {
            fileName: file.name.slice(0, 200),
            where: err.where ?? null,
          });
        }
        throw err;
      }
      const delegations = await s.store.delegations.list(id);
      const { report, comments } = await s.governance.run(id, who, role, importResolutionTable, {
        rows,
        delegations,
        fileName: file.name,
      });
      // Comment rows: stored by the comment service (comments live in the store, not in the room).
      const made = new Map((await s.comments.importRows(id, who, comments)).map((m, i) => [comments[i]?.row, m]));
      const outcomes = report.outcomes.map((o): ImportRowOutcome => {
        if (o.status !== 'created' || !made.has(o.row)) return o;
        const comment = made.get(o.row);
        return comment
          ? { ...o, commentId: comment.id }
          : {
              row: o.row,
              status: 'refused',
              reason: 'duplicate',
              message: `Row ${o.row} repeats a comment ${o.delegation} already has on this paragraph.`,
            };
      });
      return c.json(importReport(outcomes), 200);
    },
  );
  return app;
}
