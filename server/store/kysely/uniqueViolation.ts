/**
 * Whether a driver error is a unique/primary-key violation: two writers claimed the same key
 * (PostgreSQL SQLSTATE 23505; better-sqlite3's extended SQLite codes).
 */
export function isUniqueViolation(err: unknown): boolean {
  if (typeof err !== 'object' || err === null || !('code' in err)) return false;
  const code = (err as { code: unknown }).code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}
