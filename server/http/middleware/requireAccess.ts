import { createMiddleware } from 'hono/factory';
import { type Action, can, canAsSecretariat, type SecretariatAction } from '../../../shared/governance/permissions.js';
import type { Principal, Role } from '../../../shared/governance/roles.js';
import type { StoreRepos } from '../../store/repos/storeRepos.js';
import { memberOf } from '../access.js';
import { requirePrincipal } from '../authenticate.js';
import type { AppEnv } from '../context.js';
import { forbidden } from '../httpError.js';

export interface Membership {
  who: Principal;
  role: Role;
}

/**
 * Who may call an operation, decided before its request is validated: a stranger
 * learns nothing about the shape of a request they may not make (401/403/404 first,
 * then 400), as when the routes checked access before reading the body.
 */
export const signedIn = createMiddleware<AppEnv & { Variables: { who: Principal } }>(async (c, next) => {
  c.set('who', requirePrincipal(c));
  await next();
});

/** The secretariat (admin) only, for one of its actions. */
export function secretariat(action: SecretariatAction, refusal: string) {
  return createMiddleware<AppEnv & { Variables: { who: Principal } }>(async (c, next) => {
    const who = requirePrincipal(c);
    if (!canAsSecretariat(who, action)) throw forbidden(refusal);
    c.set('who', who);
    await next();
  });
}

/**
 * A member of the document in the path (`:id`), optionally with a permission; non-members
 * get the same 404 as for a document that does not exist.
 */
export function member(store: StoreRepos, need?: { action: Action; refusal: string }) {
  return createMiddleware<AppEnv & { Variables: { membership: Membership } }>(async (c, next) => {
    const membership = await memberOf(c, store, c.req.param('id') ?? '');
    if (need && !can(membership.role, need.action)) throw forbidden(need.refusal);
    c.set('membership', membership);
    await next();
  });
}
