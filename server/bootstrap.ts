import type { Accord } from './app.js';

export const ADMIN_ID = 'admin';

/**
 * First start: creates the admin (secretariat). With ADMIN_TOKEN set, that
 * token is installed as the admin's API token (automated deployments, tests);
 * otherwise a one-time sign-in link is returned to print. Later starts only
 * re-install ADMIN_TOKEN if it is set.
 */
export async function ensureAdmin(accord: Accord): Promise<{ signinLink: string | null }> {
  const { store, config } = accord.services;
  let created = false;
  if (!(await store.users.get(ADMIN_ID))) {
    await store.users.create('Secretariat', 'Secretariat', true, ADMIN_ID);
    created = true;
  }
  if (config.ADMIN_TOKEN) {
    await store.credentials.issue(ADMIN_ID, 'api_token', config.ADMIN_TOKEN);
    return { signinLink: null };
  }
  if (!created) return { signinLink: null };
  return { signinLink: `${config.PUBLIC_URL}/signin/${await store.credentials.issue(ADMIN_ID, 'signin_link')}` };
}
