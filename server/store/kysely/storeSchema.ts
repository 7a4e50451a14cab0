import type { Generated } from 'kysely';

/**
 * The tables as Kysely sees them, common to both dialects. Times are epoch milliseconds (BIGINT
 * on PostgreSQL, read back as numbers: see `openPostgresStore.ts`); binary data is BLOB/BYTEA;
 * booleans are 0/1 integers on both sides, so one set of queries serves both.
 */
export interface StoreSchema {
  doc_updates: { doc_id: string; seq: number; data: Uint8Array };
  doc_snapshots: { doc_id: string; seq: number; data: Uint8Array };
  doc_leases: { doc_id: string; owner: string; epoch: number; expires_at: number };
  jobs: {
    id: string;
    key: string | null;
    kind: string;
    doc_id: string | null;
    payload: string;
    run_at: number;
    claimed_by: string | null;
    claimed_until: number | null;
    attempts: number;
    done_at: number | null;
    created_at: number;
  };
  documents: { id: string; title: string; symbol: string | null; created_by: string | null; created_at: number };
  users: {
    id: string;
    name: string;
    affiliation: string;
    is_admin: number;
    created_at: number;
    language: string | null;
  };
  memberships: { doc_id: string; user_id: string; role: string; delegation_id: string | null };
  credentials: {
    hash: string;
    id: string;
    user_id: string;
    kind: string;
    label: string | null;
    expires_at: number | null;
    created_at: number;
  };
  invites: {
    hash: string;
    doc_id: string;
    role: string;
    created_by: string;
    expires_at: number;
    used_by: string | null;
    used_at: number | null;
    delegation_id: string | null;
  };
  delegations: { id: string; doc_id: string; name: string; code: string; kind: string; created_at: number };
  audit_entries: {
    chain: string;
    seq: number;
    doc_id: string | null;
    at: number;
    actor: string | null;
    action: string;
    detail: string;
    prev_hash: string;
    hash: string;
  };
  audit_checkpoints: { chain: string; seq: number; hash: string; verified_at: number };
  revisions: {
    id: string;
    doc_id: string;
    number: number;
    label: string;
    note: string;
    issued_by: string;
    issued_at: number;
    state: Uint8Array;
  };
  comments: {
    id: string;
    doc_id: string;
    thread_id: string;
    paragraph_id: string;
    /** JSON SpanAnchor, roots only. */
    anchor: string | null;
    quote: string;
    visibility: string;
    delegation: string | null;
    author_id: string;
    author_name: string;
    author_affiliation: string;
    type: string;
    text: string;
    created_at: number;
    edited_at: number | null;
    /** JSON { by: Actor, at }. */
    resolved: string | null;
    /** JSON CommentOutcome. */
    became: string | null;
    rev: number;
  };
  notifications: {
    id: string;
    user_id: string;
    doc_id: string;
    kind: string;
    paragraph_id: string | null;
    paragraph_number: string | null;
    label: string | null;
    actor_name: string | null;
    created_at: number;
    read_at: number | null;
    /** Store migration 8: mailed at once or in a digest. */
    mailed_at: number | null;
  };
  notification_settings: {
    user_id: string;
    email: string | null;
    email_verified_at: number | null;
    /** Defaults to 'immediate'. */
    delivery: Generated<'immediate' | 'digest'>;
    time_zone: string | null;
  };
  email_verifications: { hash: string; user_id: string; email: string; expires_at: number; created_at: number };
  screen_links: { id: string; doc_id: string; hash: string; label: string; created_by: string; created_at: number };
  store_migrations: { version: number; name: string; applied_at: number };
}
