import { join, resolve } from 'node:path';
import { ConfigError, loadConfig } from '../config.js';
import { backupSqlite } from './sqliteBackup.js';

/**
 * `npm run backup -- <file>`: a consistent backup of the SQLite store while the server runs.
 * Reads DATA_DIR from the environment, as the server does.
 */
async function main(): Promise<void> {
  const target = process.argv[2];
  if (!target || target.startsWith('-')) {
    process.stderr.write('Usage: npm run backup -- <backup-file.sqlite>\n');
    process.exit(2);
  }
  let dataDir: string;
  try {
    const config = loadConfig(process.env);
    if (config.DATABASE_URL) {
      process.stderr.write(
        'The store is PostgreSQL (DATABASE_URL): back it up with pg_dump or your PostgreSQL backups.\n',
      );
      process.exit(2);
    }
    dataDir = config.DATA_DIR;
  } catch (err) {
    process.stderr.write(`${err instanceof ConfigError ? err.message : String(err)}\n`);
    process.exit(2);
  }
  // The file name openSqlite (server/store/sqliteDatabase.ts) gives the store.
  const source = join(dataDir, 'accord.sqlite');
  try {
    const s = await backupSqlite(source, resolve(target));
    process.stdout.write(
      `Backup written to ${s.file} (${(s.bytes / 1024).toFixed(0)} KiB, integrity checked): ` +
        `${s.documents} documents, ${s.revisions} revisions, ${s.auditEntries} audit entries.\n`,
    );
  } catch (err) {
    process.stderr.write(`Backup failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  }
}

void main();
