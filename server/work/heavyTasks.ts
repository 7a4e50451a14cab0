import { type MessagePort, threadId } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { Language } from '../../shared/i18n/languages.js';
import { type Comparison, compareDrafts } from '../../shared/model/compare.js';
import type { DraftVersion } from '../documents/draftVersions.js';
import { comparisonHtml } from '../export/comparisonHtml.js';
import { type ExportFormat, exportDocument } from '../export/exportDocument.js';
import { exportVocabulary } from '../export/exportVocabulary.js';
import type { ReportInput } from '../export/reportModel.js';
import { type ImportedDraft, importDraft } from '../import/importDraft.js';
import { ImportError } from '../import/importError.js';
import { readResolutionTable } from '../import/readResolutionTable.js';
import type { ResolutionRow } from '../import/resolutionRows.js';
import { type ChainCheck, type ChainCheckStart, checkChain } from '../store/auditChainCheck.js';

/**
 * The worker pool's entry (see heavyWork.ts): CPU-heavy work that must not hold the event
 * loop that relays everyone's keystrokes. Each task is plain data in, plain data out (it
 * crosses a thread boundary by structured clone); the functions it calls are the same pure
 * ones the server used to call inline.
 */
export type HeavyTask =
  | { kind: 'export'; format: ExportFormat; input: ReportInput }
  | {
      kind: 'import';
      file: Uint8Array;
      fileName: string;
      proposer: { by: string; byName: string; at: number };
      /** Told when the parsing starts: the import's time limit does not count the thread's start-up. */
      started: MessagePort;
    }
  | {
      kind: 'resolutionTable';
      file: Uint8Array;
      fileName: string;
      /** As for an import: the time limit counts from here. */
      started: MessagePort;
    }
  | { kind: 'compare'; a: DraftVersion; b: DraftVersion; html: { download: boolean; language: Language } | null }
  | { kind: 'auditChain'; file: string; start: ChainCheckStart };

export type HeavyResult =
  | { kind: 'export'; body: Uint8Array; contentType: string; fileName: string; threadId: number }
  | { kind: 'import'; imported: ImportedDraft }
  | { kind: 'resolutionTable'; rows: ResolutionRow[] }
  | { kind: 'importError'; status: ImportError['status']; message: string; where: Record<string, unknown> | null }
  | { kind: 'compare'; comparison: Comparison; html: string | null }
  | { kind: 'auditChain'; check: ChainCheck };

export default async function runHeavyTask(task: HeavyTask): Promise<HeavyResult> {
  switch (task.kind) {
    case 'export': {
      const file = await exportDocument(task.format, task.input);
      return {
        kind: 'export',
        body: new Uint8Array(file.body.buffer, file.body.byteOffset, file.body.byteLength),
        contentType: file.contentType,
        fileName: file.fileName,
        threadId,
      };
    }
    case 'import':
      return reading(task.started, async () => ({
        kind: 'import',
        imported: await importDraft(task.file, task.fileName, task.proposer),
      }));
    case 'resolutionTable':
      return reading(task.started, async () => ({
        kind: 'resolutionTable',
        rows: await readResolutionTable(task.file, task.fileName),
      }));
    case 'compare': {
      const comparison = compareDrafts(task.a, task.b);
      const html = task.html
        ? comparisonHtml(
            comparison,
            task.a.label,
            task.b.label,
            task.html.download,
            exportVocabulary(task.html.language),
          )
        : null;
      return { kind: 'compare', comparison, html };
    }
    case 'auditChain': {
      // Its own read-only connection: the server's connection belongs to the main thread.
      const db = new Database(task.file, { readonly: true, fileMustExist: true });
      try {
        return { kind: 'auditChain', check: checkChain(db, task.start) };
      } finally {
        db.close();
      }
    }
  }
}

/** Reads an uploaded file: says when it starts (the time limit's clock), and hands an ImportError back as data. */
async function reading(started: MessagePort, read: () => Promise<HeavyResult>): Promise<HeavyResult> {
  started.postMessage('started');
  started.close();
  try {
    return await read();
  } catch (err) {
    // Error classes do not survive the thread boundary: the caller rebuilds an ImportError.
    if (err instanceof ImportError)
      return { kind: 'importError', status: err.status, message: err.message, where: err.where ?? null };
    throw err;
  }
}
