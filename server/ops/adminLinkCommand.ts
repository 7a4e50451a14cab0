import { ADMIN_ID } from '../bootstrap.js';
import { ConfigError, loadConfig } from '../config.js';
import { Accounts } from '../store/accounts.js';
import { openSqlite } from '../store/sqliteDatabase.js';

/**
 * `npm run admin-link`: a new one-time sign-in link for the admin (secretariat), printed to this
 * terminal only. For when the first start's link is lost or used; works while the server runs
 * (SQLite in WAL mode takes the second writer). Signing in with it is audited by the server.
 */
function main(): void {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    process.stderr.write(`${err instanceof ConfigError ? err.message : String(err)}\n`);
    process.exit(2);
  }
  const db = openSqlite(config.DATA_DIR, config.SQLITE_SYNCHRONOUS);
  try {
    const accounts = new Accounts(db);
    if (!accounts.user(ADMIN_ID)) accounts.createUser('Secretariat', 'Secretariat', true, ADMIN_ID);
    const token = accounts.issue(ADMIN_ID, 'signin_link');
    process.stdout.write(
      `One-time sign-in link for the admin (secretariat), valid for 24 hours:\n  ${config.PUBLIC_URL}/signin/${token}\n`,
    );
  } finally {
    db.close();
  }
}

main();
