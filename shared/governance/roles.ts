import { can } from './permissions.js';

/** Roles a person has on one document. The admin (secretariat) acts as chair everywhere. */
export const roles = ['chair', 'member', 'observer'] as const;
export type Role = (typeof roles)[number];

export interface Permissions {
  /** May send document updates (edit unlocked text, bracket, propose alternatives). */
  edit: boolean;
  /** May lodge objections and withdraw their own. */
  object: boolean;
  /** May set any status, lock/unlock, answer objections, issue revisions, export the clean report. */
  chair: boolean;
  /** May invite people and change roles. */
  manageMembers: boolean;
}

/** A connection's permissions, decided once at authentication from the permission table. */
export function permissionsFor(role: Role): Permissions {
  return {
    edit: can(role, 'document.edit'),
    object: can(role, 'objection.lodge'),
    chair: can(role, 'status.decide'),
    manageMembers: can(role, 'members.manage'),
  };
}

/** Who a connection or request acts for: decided once at authentication. */
export interface Principal {
  userId: string;
  name: string;
  /** On a document: the name of the delegation they speak for there; elsewhere what they typed when joining. */
  affiliation: string;
  isAdmin: boolean;
  /** On a document: the short code of their delegation (absent for the secretariat/admin). */
  delegation?: string;
}
