import { ADMIN_ID } from '../bootstrap.js';
import { ConfigError, loadConfig } from '../config.js';
import { openConfiguredStore } from '../store/openConfiguredStore.js';

/**
 * `npm run admin-link`: a new one-time sign-in link for the admin (secretariat), printed to this
 * terminal only. For when the first start's link is lost or used; works while the server runs
 * (SQLite in WAL mode takes the second writer; PostgreSQL when DATABASE_URL is set). Signing in
 * with it is audited by the server.
 */
async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    process.stderr.write(`${err instanceof ConfigError ? err.message : String(err)}\n`);
    process.exit(2);
  }
  const { store, sqlite } = await openConfiguredStore(config);
  try {
    if (!(await store.users.get(ADMIN_ID))) await store.users.create('Secretariat', 'Secretariat', true, ADMIN_ID);
    const token = await store.credentials.issue(ADMIN_ID, 'signin_link');
    process.stdout.write(
      `One-time sign-in link for the admin (secretariat), valid for 24 hours:\n  ${config.PUBLIC_URL}/signin/${token}\n`,
    );
  } finally {
    await store.close();
    sqlite?.close();
  }
}

await main();
