import { demoDraft } from '../shared/demo/demoDraft.js';
import type { Role } from '../shared/governance/roles.js';
import type { Accord } from './app.js';
import { ADMIN_ID } from './bootstrap.js';

export const DEMO_DOC_ID = 'demo';

const demoPeople: Array<{ id: string; name: string; affiliation: string; role: Role }> = [
  { id: 'demo-chair', name: 'Amina Diallo', affiliation: 'Chair (Senegal)', role: 'chair' },
  { id: 'demo-member', name: 'Lars Eriksen', affiliation: 'Delegation of Norway', role: 'member' },
  { id: 'demo-observer', name: 'Mei Tanaka', affiliation: 'Observer, Internet Society', role: 'observer' },
];

/**
 * The demo `npm start` brings up: the demo draft, and fresh one-time sign-in
 * links for a chair, a member and an observer so each role can be tried in
 * its own browser window.
 */
export async function ensureDemo(accord: Accord): Promise<Array<{ role: Role; name: string; link: string }>> {
  const { accounts, config } = accord.services;
  for (const p of demoPeople) if (!accounts.user(p.id)) accounts.createUser(p.name, p.affiliation, false, p.id);
  if (!accounts.document(DEMO_DOC_ID)) {
    const demo = demoDraft();
    const admin = accounts.user(ADMIN_ID);
    if (!admin) throw new Error('the admin must exist before the demo');
    await accord.setup.create(
      admin,
      demo.title,
      demo.symbol,
      { draft: demo.draft, governance: demo.governance },
      DEMO_DOC_ID,
    );
  }
  for (const p of demoPeople) accounts.setRole(DEMO_DOC_ID, p.id, p.role);
  return demoPeople.map((p) => ({
    role: p.role,
    name: `${p.name} (${p.affiliation})`,
    link: `${config.PUBLIC_URL}/signin/${accounts.issue(p.id, 'signin_link')}`,
  }));
}
