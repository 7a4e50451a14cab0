import type { Principal, Role } from './roles.js';

/**
 * The one permission table: which roles on a document may do what. Routes, the
 * room, governance commands and the UI all ask `can(role, action)`; nothing else
 * compares role names. A new negotiation feature (proposals, silence procedure)
 * adds its actions here.
 */
export const permissionTable = {
  /** Read the live text, every revision, comparisons and exports. */
  'document.read': ['chair', 'member', 'observer'],
  /** Send document updates: edit unlocked text, bracket, propose alternatives. */
  'document.edit': ['chair', 'member'],
  /** Move a paragraph between draft and under negotiation (saying talks started is not a decision). */
  'status.negotiate': ['chair', 'member'],
  /** Agree (ad referendum or final), and reopen an agreed paragraph. */
  'status.decide': ['chair'],
  /** Remove anyone's bracket (everyone may withdraw their own). */
  'bracket.removeAny': ['chair'],
  /** Resolve an alternative others proposed (everyone may resolve one only they proposed). */
  'alternative.resolveAny': ['chair'],
  'paragraph.lock': ['chair'],
  'paragraph.unlock': ['chair'],
  /** Raise or lower one's own delegation's flag in the speaker queue. */
  'floor.raise': ['chair', 'member'],
  /** Give the floor, remove a flag, clear the queue. */
  'floor.manage': ['chair'],
  /** Create and revoke screen links; decide whom the room's screen follows. */
  'screen.manage': ['chair'],
  /** Move the room's screen; only the designated driver (or a chair while none is), which the command checks. */
  'screen.drive': ['chair', 'member'],
  'objection.lodge': ['chair', 'member'],
  /** Withdraw an objection; only its author, which the command checks. */
  'objection.withdraw': ['chair', 'member', 'observer'],
  'objection.answer': ['chair'],
  'revision.issue': ['chair'],
  /** Table a proposal (insert, delete, replace, add or delete a paragraph) in one's own delegation's name. */
  'proposal.table': ['chair', 'member'],
  /** Support or oppose another delegation's proposal (one stance per delegation). */
  'proposal.support': ['chair', 'member'],
  /** Withdraw a proposal; only its proposer, which the command checks. */
  'proposal.withdraw': ['chair', 'member'],
  /** Accept (apply to the text), accept as an alternative, or reject a proposal. */
  'proposal.decide': ['chair'],
  /** Import a filled-in comment-resolution table: proposals in the named delegations' names. */
  'proposal.import': ['chair'],
  /** Set the whole draft or a section to proposals only (members' direct edits refused there). */
  'draft.proposalsOnly': ['chair'],
  /** Start a silence procedure, extend its deadline or end it early. */
  'silence.run': ['chair'],
  /** Break silence on a paragraph, with a reason (recorded as an objection of one's delegation). */
  'silence.break': ['chair', 'member'],
  /** Write comments and replies (group or one's own delegation), edit and delete one's own, resolve one's own threads. */
  'comment.write': ['chair', 'member'],
  /** Resolve or reopen any thread one can see (everyone may resolve their own). */
  'comment.resolveAny': ['chair'],
  /** Export the clean report of a draft that is not agreed, marked "DRAFT — not agreed". */
  'export.markDraft': ['chair'],
  /** Invite people, change roles, remove members. */
  'members.manage': ['chair'],
  'audit.read': ['chair'],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof permissionTable;

export function can(role: Role, action: Action): boolean {
  return (permissionTable[action] as readonly Role[]).includes(role);
}

/**
 * What the installation's secretariat (admin) alone does: it is no role on a
 * document (on documents it acts as chair), so these are checked on the person.
 */
export const secretariatActions = ['document.create', 'document.import', 'audit.readInstallation'] as const;
export type SecretariatAction = (typeof secretariatActions)[number];

export function canAsSecretariat(who: Principal, _action: SecretariatAction): boolean {
  return who.isAdmin;
}
