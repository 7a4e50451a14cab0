import { randomUUID } from 'node:crypto';
import type { SqliteDatabase } from './sqliteDatabase.js';

export interface RevisionInfo {
  id: string;
  docId: string;
  /** 0 for the zero draft, then 1, 2, ... */
  number: number;
  /** 'Zero draft', 'Rev.1', ... */
  label: string;
  note: string;
  issuedBy: string;
  issuedAt: number;
}

/** Immutable snapshots of a draft (text + server-owned state) issued by a chair. */
export class RevisionStore {
  constructor(private readonly db: SqliteDatabase) {}

  issue(docId: string, issuedBy: string, note: string, state: Uint8Array): RevisionInfo {
    return this.db.transaction(() => {
      const row = this.db.prepare('SELECT max(number) AS n FROM revisions WHERE doc_id = ?').get(docId) as {
        n: number | null;
      };
      const number = row.n === null ? 0 : row.n + 1;
      const info: RevisionInfo = {
        id: randomUUID(),
        docId,
        number,
        label: number === 0 ? 'Zero draft' : `Rev.${number}`,
        note,
        issuedBy,
        issuedAt: Date.now(),
      };
      this.db
        .prepare(
          'INSERT INTO revisions (id, doc_id, number, label, note, issued_by, issued_at, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
        )
        .run(info.id, docId, number, info.label, note, issuedBy, info.issuedAt, state);
      return info;
    })();
  }

  list(docId: string): RevisionInfo[] {
    return (this.db.prepare('SELECT * FROM revisions WHERE doc_id = ? ORDER BY number').all(docId) as Row[]).map(info);
  }

  get(docId: string, number: number): { info: RevisionInfo; state: Uint8Array } | null {
    const row = this.db.prepare('SELECT * FROM revisions WHERE doc_id = ? AND number = ?').get(docId, number) as
      | (Row & { state: Buffer })
      | undefined;
    return row ? { info: info(row), state: new Uint8Array(row.state) } : null;
  }
}

interface Row {
  id: string;
  doc_id: string;
  number: number;
  label: string;
  note: string;
  issued_by: string;
  issued_at: number;
}

function info(r: Row): RevisionInfo {
  return {
    id: r.id,
    docId: r.doc_id,
    number: r.number,
    label: r.label,
    note: r.note,
    issuedBy: r.issued_by,
    issuedAt: r.issued_at,
  };
}
