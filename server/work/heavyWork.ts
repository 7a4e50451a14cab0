import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { Piscina } from 'piscina';
import type { Language } from '../../shared/i18n/languages.js';
import type { Comparison } from '../../shared/model/compare.js';
import type { DraftVersion } from '../documents/draftVersions.js';
import type { ExportedFile, ExportFormat } from '../export/exportDocument.js';
import type { ReportInput } from '../export/reportModel.js';
import type { ImportedDraft } from '../import/importDraft.js';
import { ImportError } from '../import/importError.js';
import type { ResolutionRow } from '../import/resolutionRows.js';
import type { ChainCheck, ChainCheckStart } from '../store/auditChainCheck.js';
import type { HeavyResult, HeavyTask } from './heavyTasks.js';

/**
 * Where the worker entry is. Built (`npm run build:server`), heavyTasks.js is an esbuild entry
 * point of its own next to main.js, which this module is bundled into; from the TypeScript
 * sources (tsx, vitest) it is heavyTasks.ts beside this file, and the worker thread needs tsx's
 * loader to run it — vitest's module runner does not reach into worker threads.
 */
function workerEntry(): { filename: string; execArgv: string[] } {
  const fromSource = import.meta.url.endsWith('.ts');
  const filename = fileURLToPath(new URL(fromSource ? './heavyTasks.ts' : './heavyTasks.js', import.meta.url));
  return { filename, execArgv: fromSource ? ['--import', 'tsx'] : [] };
}

let pool: Piscina<HeavyTask, HeavyResult> | null = null;

/** @see importInWorker — an honest 1,000-paragraph file is read in well under a second. */
export const DEFAULT_IMPORT_TIMEOUT_MS = 10_000;

/**
 * The worker pool for what would otherwise hold the event loop for hundreds of milliseconds
 * (a PDF of 500 paragraphs takes ~230 ms): exports, imports, comparisons, audit chain checks. One thread less than
 * the cores, at least one — the main thread keeps a core for the rooms. Threads are started on
 * first use and stopped when idle; an idle pool does not keep the process alive.
 */
function heavyPool(): Piscina<HeavyTask, HeavyResult> {
  if (!pool) {
    const { filename, execArgv } = workerEntry();
    pool = new Piscina<HeavyTask, HeavyResult>({
      filename,
      execArgv,
      minThreads: 0,
      maxThreads: Math.max(1, availableParallelism() - 1),
      idleTimeout: 30_000,
    });
  }
  return pool;
}

/** Tasks the pool has completed since the process started (what tests and metrics look at). */
export function heavyTasksCompleted(): number {
  return pool?.completed ?? 0;
}

/** Renders an export on a worker thread; `threadId` says which (never the main thread's 0). */
export async function exportInWorker(
  format: ExportFormat,
  input: ReportInput,
): Promise<ExportedFile & { threadId: number }> {
  const r = await heavyPool().run({ kind: 'export', format, input });
  if (r.kind !== 'export') throw new Error(`the export worker answered ${r.kind}`);
  return {
    body: Buffer.from(r.body.buffer, r.body.byteOffset, r.body.byteLength),
    contentType: r.contentType,
    fileName: r.fileName,
    threadId: r.threadId,
  };
}

/**
 * Reads an imported file into a draft on a worker thread; throws ImportError as importDraft does.
 * A file the parsers cannot finish within `timeoutMs` is refused (422) and its thread terminated:
 * a few kilobytes of crafted Markdown emphasis or 20,000 nested quotes make micromark and mammoth
 * run for many seconds, and the pool's threads are shared with everyone's exports.
 */
export async function importInWorker(
  file: Uint8Array,
  fileName: string,
  proposer: { by: string; byName: string; at: number },
  timeoutMs: number = DEFAULT_IMPORT_TIMEOUT_MS,
): Promise<ImportedDraft> {
  const r = await readInWorker((started) => ({ kind: 'import', file, fileName, proposer, started }), timeoutMs);
  if (r.kind !== 'import') throw new Error(`the import worker answered ${r.kind}`);
  return r.imported;
}

/** Reads a filled-in comment-resolution table (CSV or Word) on a worker thread, bounded like an import. */
export async function resolutionTableInWorker(
  file: Uint8Array,
  fileName: string,
  timeoutMs: number = DEFAULT_IMPORT_TIMEOUT_MS,
): Promise<ResolutionRow[]> {
  const r = await readInWorker((started) => ({ kind: 'resolutionTable', file, fileName, started }), timeoutMs);
  if (r.kind !== 'resolutionTable') throw new Error(`the table worker answered ${r.kind}`);
  return r.rows;
}

/** Runs a task that reads an uploaded file, refusing it (422) when its parsing outlasts `timeoutMs`. */
async function readInWorker(task: (started: MessagePort) => HeavyTask, timeoutMs: number): Promise<HeavyResult> {
  // The clock starts when a thread begins parsing, not when the task is queued: a thread that
  // replaces a terminated one spends seconds loading the parsers first.
  const { port1, port2 } = new MessageChannel();
  const abort = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  port1.once('message', () => {
    timer = setTimeout(() => abort.abort(), timeoutMs);
  });
  let r: HeavyResult;
  try {
    r = await heavyPool().run(task(port2), { signal: abort.signal, transferList: [port2] });
  } catch (err) {
    if (abort.signal.aborted) {
      throw new ImportError(
        422,
        `The file could not be read within ${Math.round(timeoutMs / 1000)} s: its structure is too deeply nested or too complex. Simplify it (e.g. save it again from Word) and try again.`,
      );
    }
    throw err;
  } finally {
    clearTimeout(timer);
    port1.close();
  }
  if (r.kind === 'importError') throw new ImportError(r.status, r.message, r.where ?? undefined);
  return r;
}

/** Compares two versions (and renders the HTML view when asked) on a worker thread. */
export async function compareInWorker(
  a: DraftVersion,
  b: DraftVersion,
  html: { download: boolean; language: Language } | null,
): Promise<{ comparison: Comparison; html: string | null }> {
  const r = await heavyPool().run({ kind: 'compare', a, b, html });
  if (r.kind !== 'compare') throw new Error(`the compare worker answered ${r.kind}`);
  return { comparison: r.comparison, html: r.html };
}

/** Checks an audit chain over the worker's own read-only connection to the store file (AuditLog's ChainChecker). */
export async function checkChainInWorker(file: string, start: ChainCheckStart): Promise<ChainCheck> {
  const r = await heavyPool().run({ kind: 'auditChain', file, start });
  if (r.kind !== 'auditChain') throw new Error(`the audit worker answered ${r.kind}`);
  return r.check;
}
