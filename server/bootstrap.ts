import type { Accord } from './app.js';

export const ADMIN_ID = 'admin';

/**
 * First start: creates the admin (secretariat). With ADMIN_TOKEN set, that
 * token is installed as the admin's API token (automated deployments, tests);
 * otherwise a one-time sign-in link is returned to print. Later starts only
 * re-install ADMIN_TOKEN if it is set.
 */
export function ensureAdmin(accord: Accord): { signinLink: string | null } {
  const { accounts, config } = accord.services;
  let created = false;
  if (!accounts.user(ADMIN_ID)) {
    accounts.createUser('Secretariat', 'Secretariat', true, ADMIN_ID);
    created = true;
  }
  if (config.ADMIN_TOKEN) {
    accounts.issue(ADMIN_ID, 'api_token', config.ADMIN_TOKEN);
    return { signinLink: null };
  }
  if (!created) return { signinLink: null };
  return { signinLink: `${config.PUBLIC_URL}/signin/${accounts.issue(ADMIN_ID, 'signin_link')}` };
}
