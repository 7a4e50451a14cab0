import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { AuditLog, hashOf } from './auditLog.js';
import { Delegations } from './delegations.js';

export type SqliteDatabase = Database.Database;

/**
 * Schema of the embedded store before the store migrations existed. Frozen: a new table or column
 * goes into `kysely/storeMigrations.ts` (both dialects, run at start); this list is the SQLite
 * side of that list's version 1. `user_version` records how far a file has come.
 */
export type Migration = string | ((db: SqliteDatabase) => void);

/** Exported for the migration tests only. */
export const migrations: Migration[] = [
  `
  CREATE TABLE doc_updates (
    doc_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    data BLOB NOT NULL,
    PRIMARY KEY (doc_id, seq)
  ) WITHOUT ROWID;
  CREATE TABLE doc_snapshots (
    doc_id TEXT PRIMARY KEY,
    seq INTEGER NOT NULL,
    data BLOB NOT NULL
  );
  CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    symbol TEXT,
    created_by TEXT,
    created_at INTEGER NOT NULL
  );
  CREATE TABLE users (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    affiliation TEXT NOT NULL DEFAULT '',
    is_admin INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL
  );
  CREATE TABLE memberships (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('chair', 'member', 'observer')),
    PRIMARY KEY (doc_id, user_id)
  );
  CREATE TABLE credentials (
    hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('session', 'api_token', 'signin_link')),
    expires_at INTEGER,
    created_at INTEGER NOT NULL
  );
  CREATE TABLE invites (
    hash TEXT PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('chair', 'member', 'observer')),
    created_by TEXT NOT NULL,
    expires_at INTEGER NOT NULL,
    used_by TEXT,
    used_at INTEGER
  );
  CREATE TABLE audit_log (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    doc_id TEXT,
    at INTEGER NOT NULL,
    actor TEXT,
    action TEXT NOT NULL,
    detail TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
  );
  CREATE INDEX audit_log_doc ON audit_log(doc_id, seq);
  CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
  CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
  CREATE TABLE revisions (
    id TEXT PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    number INTEGER NOT NULL,
    label TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    issued_by TEXT NOT NULL,
    issued_at INTEGER NOT NULL,
    state BLOB NOT NULL,
    UNIQUE (doc_id, number)
  );
  `,
  // Credentials get a public id (to list and revoke API tokens, and to close the sockets a
  // credential opened) and an optional label naming what a token is for.
  `
  ALTER TABLE credentials ADD COLUMN id TEXT;
  ALTER TABLE credentials ADD COLUMN label TEXT;
  UPDATE credentials SET id = lower(hex(randomblob(8)));
  CREATE UNIQUE INDEX credentials_id ON credentials(id);
  CREATE INDEX credentials_user ON credentials(user_id, kind);
  `,
  // The audit log becomes one hash chain per document plus one for installation events, with a
  // stored verification checkpoint per chain. Existing entries are carried over, in order, into
  // their new chains; the old single chain is kept read-only as audit_log_v1, and the move is
  // itself recorded (with the old chain's tail hash and whether it verified).
  (db) => {
    db.exec(`
      CREATE TABLE audit_entries (
        chain TEXT NOT NULL,
        seq INTEGER NOT NULL,
        doc_id TEXT,
        at INTEGER NOT NULL,
        actor TEXT,
        action TEXT NOT NULL,
        detail TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL,
        PRIMARY KEY (chain, seq)
      ) WITHOUT ROWID;
      CREATE TRIGGER audit_entries_no_update BEFORE UPDATE ON audit_entries
        BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
      CREATE TRIGGER audit_entries_no_delete BEFORE DELETE ON audit_entries
        BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
      CREATE TABLE audit_checkpoints (
        chain TEXT PRIMARY KEY,
        seq INTEGER NOT NULL,
        hash TEXT NOT NULL,
        verified_at INTEGER NOT NULL
      );
    `);
    carryOverLegacyAudit(db);
    db.exec('ALTER TABLE audit_log RENAME TO audit_log_v1');
  },
  // Delegations: each document's members speak for a delegation (a member State, an
  // organisation, an observer). The free-text `affiliation` each person typed becomes, per
  // document, a delegation of that name (one per distinct name), and every existing
  // membership joins it; invitations can name the delegation the invitee joins.
  (db) => {
    db.exec(`
      CREATE TABLE delegations (
        id TEXT PRIMARY KEY,
        doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        code TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('member_state', 'organisation', 'observer')),
        created_at INTEGER NOT NULL,
        UNIQUE (doc_id, code),
        UNIQUE (doc_id, name)
      );
      ALTER TABLE memberships ADD COLUMN delegation_id TEXT REFERENCES delegations(id);
      ALTER TABLE invites ADD COLUMN delegation_id TEXT REFERENCES delegations(id);
    `);
    carryOverAffiliations(db);
  },
  // Each person's interface language (shared/i18n/languages.ts); NULL until they choose one,
  // and then the browser's preference applies.
  `ALTER TABLE users ADD COLUMN language TEXT;`,
  // Screen links: a read-only credential for a meeting room's screen, bound to one draft and to
  // no person; a chair creates and revokes them (screenLinks.ts). Only the secret's hash is kept.
  `
  CREATE TABLE screen_links (
    id TEXT PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    hash TEXT NOT NULL UNIQUE,
    label TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at INTEGER NOT NULL
  );
  CREATE INDEX screen_links_doc ON screen_links(doc_id);
  `,
  // Deadlines the server acts on when they fall due (a silence procedure's expiry): rows, not
  // timers, so that a restart loses none (store/deadlineQueue.ts). Done rows are kept: they say
  // when each deadline was acted on.
  `
  CREATE TABLE deadlines (
    key TEXT PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    due_at INTEGER NOT NULL,
    claimed_until INTEGER,
    done_at INTEGER
  );
  CREATE INDEX deadlines_due ON deadlines(due_at) WHERE done_at IS NULL;
  `,
];

/** The store file exists but cannot be used: the server must not start over it as a new installation. */
export class StoreFileError extends Error {}

export function openSqlite(dataDir: string, synchronous: 'FULL' | 'NORMAL'): SqliteDatabase {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'accord.sqlite');
  // A missing file is a new installation; an empty one is a store that lost its content
  // (a failed copy, a full disk): starting on it would silently present an empty Accord.
  if (existsSync(file) && statSync(file).size === 0) {
    throw new StoreFileError(
      `The store file ${file} exists but is empty. Restore it from a backup, or move it away to start a new installation.`,
    );
  }
  let db: SqliteDatabase | null = null;
  try {
    db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${synchronous}`);
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db);
    return db;
  } catch (err) {
    db?.close();
    throw new StoreFileError(
      `The store file ${file} cannot be read as an Accord store (${err instanceof Error ? err.message : String(err)}). ` +
        'Restore it from a backup, or move it away to start a new installation.',
    );
  }
}

/** Brings a file to the last of the SQLite-only migrations above (the store migrations' version 1 runs it too). */
export function migrate(db: SqliteDatabase): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  for (let v = version; v < migrations.length; v++) {
    db.transaction(() => {
      const m = migrations[v] as Migration;
      if (typeof m === 'string') db.exec(m);
      else m(db);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}

/** Migration 4: every membership joins the delegation named by its person's affiliation. */
function carryOverAffiliations(db: SqliteDatabase): void {
  const delegations = new Delegations(db);
  const rows = db
    .prepare(
      `SELECT m.doc_id, m.user_id, m.role, u.affiliation FROM memberships m JOIN users u ON u.id = m.user_id
       ORDER BY m.doc_id, u.created_at`,
    )
    .all() as Array<{ doc_id: string; user_id: string; role: string; affiliation: string }>;
  const join = db.prepare('UPDATE memberships SET delegation_id = ? WHERE doc_id = ? AND user_id = ?');
  for (const r of rows) {
    const d = delegations.forAffiliation(r.doc_id, r.affiliation, r.role === 'observer');
    join.run(d.id, r.doc_id, r.user_id);
  }
}

interface LegacyAuditRow {
  seq: number;
  doc_id: string | null;
  at: number;
  actor: string | null;
  action: string;
  detail: string;
  prev_hash: string;
  hash: string;
}

function carryOverLegacyAudit(db: SqliteDatabase): void {
  const log = new AuditLog(db);
  const insert = db.prepare(
    `INSERT INTO audit_entries (chain, seq, doc_id, at, actor, action, detail, prev_hash, hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const tails = new Map<string, { seq: number; hash: string }>();
  let legacyPrev = '0'.repeat(64);
  let legacyIntact = true;
  let count = 0;
  // all(), not iterate(): the connection cannot write while a statement is still reading.
  for (const row of db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as LegacyAuditRow[]) {
    const legacyHash = createHash('sha256')
      .update(JSON.stringify([row.prev_hash, row.doc_id, row.at, row.actor, row.action, row.detail]))
      .digest('hex');
    if (row.prev_hash !== legacyPrev || legacyHash !== row.hash) legacyIntact = false;
    legacyPrev = row.hash;
    const chain = row.doc_id ?? '';
    const tail = tails.get(chain) ?? { seq: 0, hash: '0'.repeat(64) };
    const seq = tail.seq + 1;
    const hash = hashOf(tail.hash, chain, seq, row.at, row.actor, row.action, row.detail);
    insert.run(chain, seq, row.doc_id, row.at, row.actor, row.action, row.detail, tail.hash, hash);
    tails.set(chain, { seq, hash });
    count++;
  }
  if (count > 0) {
    log.append(null, null, 'audit.migrated', {
      legacyEntries: count,
      legacyTailHash: legacyPrev,
      legacyChainIntact: legacyIntact,
    });
  }
}

/** Asked for the SQLite file of a server that runs on PostgreSQL (DATABASE_URL). */
export class NoSqliteFile extends Error {
  constructor() {
    super('This server runs on PostgreSQL (DATABASE_URL): it has no SQLite file.');
  }
}
