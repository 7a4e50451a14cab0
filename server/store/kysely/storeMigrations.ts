import { sql } from 'kysely';
import { migrate as migrateSqliteFile } from '../sqliteDatabase.js';
import type { MigrationContext, StoreMigration } from './storeMigration.js';

/**
 * The store's schema history, one list for both dialects (append-only: add a step, never edit
 * one). Version 1 is the schema the embedded store had before this list existed: on SQLite it
 * runs the file's own `user_version` migrations (a no-op for files already at their end, so
 * existing installations open unchanged), on PostgreSQL it creates the same tables at once.
 */
export const storeMigrations: readonly StoreMigration[] = [
  {
    version: 1,
    name: 'baseline: documents, log, accounts, audit chains, delegations, revisions',
    async up(ctx) {
      if (ctx.dialect === 'sqlite') {
        if (!ctx.sqlite) throw new Error('The SQLite baseline needs the raw database handle.');
        migrateSqliteFile(ctx.sqlite);
        return;
      }
      await postgresBaseline(ctx);
    },
  },
  {
    version: 2,
    name: 'document leases, scheduled jobs, immutable revisions',
    async up({ db, dialect }) {
      await sql`CREATE TABLE doc_leases (
        doc_id TEXT PRIMARY KEY,
        owner TEXT NOT NULL,
        epoch BIGINT NOT NULL,
        expires_at BIGINT NOT NULL
      )`.execute(db);
      await sql`CREATE TABLE jobs (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        doc_id TEXT,
        payload TEXT NOT NULL,
        run_at BIGINT NOT NULL,
        claimed_by TEXT,
        claimed_until BIGINT,
        attempts INTEGER NOT NULL DEFAULT 0,
        done_at BIGINT,
        created_at BIGINT NOT NULL
      )`.execute(db);
      await sql`CREATE INDEX jobs_due ON jobs (run_at) WHERE done_at IS NULL`.execute(db);
      await sql`CREATE INDEX jobs_doc ON jobs (doc_id) WHERE done_at IS NULL`.execute(db);
      // An issued revision is a record of what was circulated: the database refuses to change one.
      if (dialect === 'sqlite') {
        await sql`CREATE TRIGGER revisions_no_update BEFORE UPDATE ON revisions
          BEGIN SELECT RAISE(ABORT, 'issued revisions are immutable'); END`.execute(db);
      } else {
        await sql`CREATE FUNCTION accord_revisions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN RAISE EXCEPTION 'issued revisions are immutable'; END $$`.execute(db);
        await sql`CREATE TRIGGER revisions_no_update BEFORE UPDATE ON revisions
          FOR EACH ROW EXECUTE FUNCTION accord_revisions_immutable()`.execute(db);
      }
    },
  },
  {
    version: 3,
    name: 'screen links',
    // On SQLite the file's own migration 6 made the table already (version 1 runs them all);
    // IF NOT EXISTS makes this step the one that gives PostgreSQL the same table.
    async up({ db }) {
      await sql`CREATE TABLE IF NOT EXISTS screen_links (
        id TEXT PRIMARY KEY,
        doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        hash TEXT NOT NULL UNIQUE,
        label TEXT NOT NULL,
        created_by TEXT NOT NULL,
        created_at BIGINT NOT NULL
      )`.execute(db);
      await sql`CREATE INDEX IF NOT EXISTS screen_links_doc ON screen_links (doc_id)`.execute(db);
    },
  },
  {
    version: 4,
    name: 'jobs keyed by what they are for',
    // A deadline that can move (a silence procedure extended) is one job under a key such as
    // `silence:<id>`: scheduling the key again moves it instead of adding a second job.
    async up({ db }) {
      await sql`ALTER TABLE jobs ADD COLUMN key TEXT`.execute(db);
      await sql`CREATE UNIQUE INDEX jobs_key ON jobs (key)`.execute(db);
    },
  },
  {
    version: 5,
    name: 'silence deadlines become keyed jobs',
    // The embedded store's `deadlines` table (its own migration 7) held the same thing as `jobs`
    // with a key: one table for scheduled work, so the rows move and the table goes. PostgreSQL
    // never had it.
    async up({ db, dialect, sqlite }) {
      if (dialect !== 'sqlite' || !sqlite) return;
      const exists = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'deadlines'").get();
      if (!exists) return;
      await sql`INSERT INTO jobs (id, key, kind, doc_id, payload, run_at, claimed_by, claimed_until, attempts, done_at, created_at)
        SELECT lower(hex(randomblob(16))), key, kind, doc_id, 'null', due_at, NULL, NULL, 0, done_at, coalesce(done_at, due_at)
        FROM deadlines`.execute(db);
      await sql`DROP TABLE deadlines`.execute(db);
    },
  },
  {
    version: 6,
    name: 'notifications and their e-mail settings',
    // One row per person and event (server/notifications): what concerns them, already derived,
    // so reading one's list is one indexed query. Only ids, numbers and labels — never draft text.
    async up({ db }) {
      await sql`CREATE TABLE notifications (
        id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        paragraph_id TEXT,
        paragraph_number TEXT,
        label TEXT,
        actor_name TEXT,
        created_at BIGINT NOT NULL,
        read_at BIGINT
      )`.execute(db);
      await sql`CREATE INDEX notifications_user ON notifications (user_id, created_at)`.execute(db);
      await sql`CREATE TABLE notification_settings (
        user_id TEXT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
        email TEXT
      )`.execute(db);
    },
  },
  {
    version: 7,
    name: 'comments, per group or per delegation',
    // Not in the Yjs document: every member receives all of it, and a delegation's comments are
    // its own (server/comments/CONTEXT.md). Readers are filtered in the query
    // (visibility = 'group' OR delegation = the reader's); a reply copies its thread's audience.
    async up({ db }) {
      await sql`CREATE TABLE comments (
        id TEXT PRIMARY KEY,
        doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        thread_id TEXT NOT NULL,
        paragraph_id TEXT NOT NULL,
        anchor TEXT,
        quote TEXT NOT NULL DEFAULT '',
        visibility TEXT NOT NULL CHECK (visibility IN ('group', 'delegation')),
        delegation TEXT,
        author_id TEXT NOT NULL,
        author_name TEXT NOT NULL,
        author_affiliation TEXT NOT NULL,
        type TEXT NOT NULL CHECK (type IN ('general', 'technical', 'editorial')),
        text TEXT NOT NULL,
        created_at BIGINT NOT NULL,
        edited_at BIGINT,
        resolved TEXT,
        became TEXT,
        rev INTEGER NOT NULL DEFAULT 1,
        CHECK (visibility = 'group' OR delegation IS NOT NULL)
      )`.execute(db);
      await sql`CREATE INDEX comments_doc ON comments (doc_id, visibility, delegation)`.execute(db);
      await sql`CREATE INDEX comments_thread ON comments (thread_id)`.execute(db);
    },
  },
  {
    version: 8,
    name: 'verified notification addresses and daily digests',
    // Mail goes only to an address its owner confirmed (a single-use, expiring link: only its hash
    // is stored, bound to the person and the address). An address stored before this step was
    // never confirmed, so it gets no mail until its owner sets it again. `delivery` is each
    // person's choice of every notification at once or one digest a day (at DIGEST_HOUR in their
    // `time_zone`); `mailed_at` marks a notification mailed (at once or in a digest), so a digest
    // holds each unread one once.
    async up({ db }) {
      await sql`ALTER TABLE notification_settings ADD COLUMN email_verified_at BIGINT`.execute(db);
      await sql`ALTER TABLE notification_settings ADD COLUMN delivery TEXT NOT NULL DEFAULT 'immediate'
        CHECK (delivery IN ('immediate', 'digest'))`.execute(db);
      await sql`ALTER TABLE notification_settings ADD COLUMN time_zone TEXT`.execute(db);
      await sql`ALTER TABLE notifications ADD COLUMN mailed_at BIGINT`.execute(db);
      await sql`CREATE TABLE email_verifications (
        hash TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        email TEXT NOT NULL,
        expires_at BIGINT NOT NULL,
        created_at BIGINT NOT NULL
      )`.execute(db);
      await sql`CREATE INDEX email_verifications_user ON email_verifications (user_id)`.execute(db);
    },
  },
];

/** The SQLite file's schema after its own migrations 1–5, in PostgreSQL types. */
async function postgresBaseline({ db }: MigrationContext): Promise<void> {
  const statements = [
    sql`CREATE TABLE doc_updates (
      doc_id TEXT NOT NULL, seq BIGINT NOT NULL, data BYTEA NOT NULL, PRIMARY KEY (doc_id, seq))`,
    sql`CREATE TABLE doc_snapshots (doc_id TEXT PRIMARY KEY, seq BIGINT NOT NULL, data BYTEA NOT NULL)`,
    sql`CREATE TABLE documents (
      id TEXT PRIMARY KEY, title TEXT NOT NULL, symbol TEXT, created_by TEXT, created_at BIGINT NOT NULL)`,
    sql`CREATE TABLE users (
      id TEXT PRIMARY KEY, name TEXT NOT NULL, affiliation TEXT NOT NULL DEFAULT '',
      is_admin INTEGER NOT NULL DEFAULT 0, created_at BIGINT NOT NULL, language TEXT)`,
    sql`CREATE TABLE delegations (
      id TEXT PRIMARY KEY,
      doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      name TEXT NOT NULL,
      code TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('member_state', 'organisation', 'observer')),
      created_at BIGINT NOT NULL,
      UNIQUE (doc_id, code),
      UNIQUE (doc_id, name))`,
    sql`CREATE TABLE memberships (
      doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      role TEXT NOT NULL CHECK (role IN ('chair', 'member', 'observer')),
      delegation_id TEXT REFERENCES delegations(id),
      PRIMARY KEY (doc_id, user_id))`,
    sql`CREATE TABLE credentials (
      hash TEXT PRIMARY KEY,
      user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      kind TEXT NOT NULL CHECK (kind IN ('session', 'api_token', 'signin_link')),
      expires_at BIGINT,
      created_at BIGINT NOT NULL,
      id TEXT,
      label TEXT)`,
    sql`CREATE UNIQUE INDEX credentials_id ON credentials(id)`,
    sql`CREATE INDEX credentials_user ON credentials(user_id, kind)`,
    sql`CREATE TABLE invites (
      hash TEXT PRIMARY KEY,
      doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      role TEXT NOT NULL CHECK (role IN ('chair', 'member', 'observer')),
      created_by TEXT NOT NULL,
      expires_at BIGINT NOT NULL,
      used_by TEXT,
      used_at BIGINT,
      delegation_id TEXT REFERENCES delegations(id))`,
    sql`CREATE TABLE audit_entries (
      chain TEXT NOT NULL, seq BIGINT NOT NULL, doc_id TEXT, at BIGINT NOT NULL, actor TEXT,
      action TEXT NOT NULL, detail TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL,
      PRIMARY KEY (chain, seq))`,
    sql`CREATE FUNCTION accord_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit log is append-only'; END $$`,
    sql`CREATE TRIGGER audit_entries_no_update BEFORE UPDATE OR DELETE ON audit_entries
      FOR EACH ROW EXECUTE FUNCTION accord_audit_append_only()`,
    sql`CREATE TABLE audit_checkpoints (
      chain TEXT PRIMARY KEY, seq BIGINT NOT NULL, hash TEXT NOT NULL, verified_at BIGINT NOT NULL)`,
    sql`CREATE TABLE revisions (
      id TEXT PRIMARY KEY,
      doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      number INTEGER NOT NULL,
      label TEXT NOT NULL,
      note TEXT NOT NULL DEFAULT '',
      issued_by TEXT NOT NULL,
      issued_at BIGINT NOT NULL,
      state BYTEA NOT NULL,
      UNIQUE (doc_id, number))`,
  ];
  for (const statement of statements) await statement.execute(db);
}
