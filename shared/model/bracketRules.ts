import { can } from '../governance/permissions.js';
import type { Role } from '../governance/roles.js';
import type { Bracket } from './draft.js';
import { isBracketValue } from './schemaRules.js';

/**
 * Who may do what with a bracket, shared by the editor (which offers only what you may
 * do) and the server (which refuses everything else).
 *
 * Decisions (README, "Brackets and alternatives"):
 * - A new bracket names its proposer: the person who sends it, under the label the
 *   server knows them by, stamped with a time that is not in the future and not older
 *   than BRACKET_MAX_AGE_MS (offline work is sent late, but not months late).
 * - An existing bracket travels unchanged with its text (splits, moves, copies, undo);
 *   nobody changes its attributes.
 * - Removing a bracket — unbracketing it, or deleting the text or paragraph it holds — is
 *   for its proposer (withdrawing it) and the chair. An option of an inline alternative is
 *   a bracket like any other: its proposer withdraws it, the chair removes it.
 * - Resolving a whole-paragraph alternative (deleting one of its paragraphs, or clearing
 *   or changing a paragraph's `altGroup`) is the chair's, or the person who set that
 *   paragraph's group (withdrawing their own proposal).
 */
export const BRACKET_CLOCK_SKEW_MS = 5 * 60_000;
export const BRACKET_MAX_AGE_MS = 30 * 24 * 3_600_000;

export interface Actor {
  id: string;
  role: Role;
}

/** The label a proposer's brackets carry: "Name (Delegation)". */
export function proposerLabel(p: { name: string; affiliation: string }): string {
  return p.affiliation ? `${p.name} (${p.affiliation})` : p.name;
}

/** A bracket value as stored (strict: null for anything not shaped like a bracket). */
export function parseBracket(value: unknown): Bracket | null {
  if (!isBracketValue(value)) return null;
  const v = value as Record<string, unknown>;
  return {
    id: v.id as string,
    by: v.by as string,
    byName: v.byName as string,
    at: v.at as number,
    group: (v.group as string | null | undefined) ?? null,
  };
}

/** The attributes of a bracket in one canonical string: equal strings, same bracket. */
export function bracketSignature(b: Bracket): string {
  return JSON.stringify([b.id, b.by, b.byName, b.at, b.group]);
}

/** Why `b` cannot be a new bracket sent by `sender` at `now`, or null. */
export function newBracketProblem(
  b: Bracket,
  sender: { userId: string; name: string; affiliation: string },
  now: number,
): string | null {
  if (b.by !== sender.userId) return 'a new bracket must name you as its proposer';
  if (b.byName !== proposerLabel(sender)) return `a new bracket must carry your name (${proposerLabel(sender)})`;
  if (b.at > now + BRACKET_CLOCK_SKEW_MS || b.at < now - BRACKET_MAX_AGE_MS) {
    return 'a new bracket must carry the time it was made';
  }
  return null;
}

export function mayRemoveBracket(actor: Actor, b: Pick<Bracket, 'by'>): boolean {
  return can(actor.role, 'bracket.removeAny') || b.by === actor.id;
}

/** Whether `actor` may resolve a paragraph alternative whose group was set by `setBy` (user ids). */
export function mayResolveAlternative(actor: Actor, setBy: Iterable<string | null>): boolean {
  if (can(actor.role, 'alternative.resolveAny')) return true;
  for (const who of setBy) if (who !== actor.id) return false;
  return true;
}
