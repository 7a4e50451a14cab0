import { chmodSync, existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { AUDIT_TABLE } from '../store/auditLog.js';

export interface BackupSummary {
  file: string;
  bytes: number;
  documents: number;
  revisions: number;
  auditEntries: number;
}

/** All pages in one step: one read snapshot, so writes during the copy cannot make it restart. */
const ALL_PAGES = 0x7fffffff;

/**
 * A consistent copy of a live SQLite store through SQLite's online backup API (better-sqlite3's
 * `backup`). The server may keep writing: in WAL mode the copy reads one snapshot and blocks no
 * writer. The copy is written next to the target and renamed into place once it passed
 * `integrity_check`, so a file at `target` is always a whole, checked backup. Drafts are
 * confidential: the file is readable by its owner only.
 */
export async function backupSqlite(source: string, target: string): Promise<BackupSummary> {
  if (!existsSync(source)) throw new Error(`No Accord store at ${source} (check DATA_DIR).`);
  if (existsSync(target)) throw new Error(`${target} exists already; choose a new file name.`);
  const partial = join(dirname(target), `.${basename(target)}.partial`);
  rmSync(partial, { force: true });
  const db = new Database(source, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    await db.backup(partial, { progress: () => ALL_PAGES });
  } finally {
    db.close();
  }
  try {
    chmodSync(partial, 0o600);
    const copy = new Database(partial, { readonly: true });
    let summary: Omit<BackupSummary, 'file' | 'bytes'>;
    try {
      const check = copy.pragma('integrity_check', { simple: true });
      if (check !== 'ok') throw new Error(`The copy failed SQLite's integrity check: ${String(check)}`);
      const count = (table: string) => (copy.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
      summary = { documents: count('documents'), revisions: count('revisions'), auditEntries: count(AUDIT_TABLE) };
    } finally {
      copy.close();
    }
    renameSync(partial, target);
    return { file: target, bytes: statSync(target).size, ...summary };
  } catch (err) {
    rmSync(partial, { force: true });
    throw err;
  }
}
