import type * as Y from 'yjs';
import { type Action, can } from '../../shared/governance/permissions.js';
import type { Principal, Role } from '../../shared/governance/roles.js';
import type { Paragraph } from '../../shared/model/draft.js';
import type { Actor } from '../../shared/model/governance.js';
import type { Room } from '../collab/room.js';
import { ApiError, forbidden, notFound } from '../http/httpError.js';
import { type Clock, systemClock } from '../ops/clock.js';
import type { StoreEffect } from '../store/docStore.js';
import { GovMap } from './govMap.js';
import { readParagraph } from './paragraphs.js';

/** What a command sees of the room, inside its synchronous step. */
export interface CommandContext {
  readonly who: Principal;
  readonly role: Role;
  readonly gov: GovMap;
  readonly doc: Y.Doc;
  /** One clock reading per command, so its change and its record agree. */
  readonly now: number;
  readonly docId: string;
  /** The paragraph as it is now; 404 if the draft has none with this id. */
  paragraph(id: string): Paragraph;
  /**
   * Runs `effect` inside the store transaction that stores this command's change (a deadline
   * scheduled with the silence that sets it), handed that transaction. Call it from `apply` only.
   */
  alongside(effect: StoreEffect): void;
}

export interface AuditFacts {
  action: string;
  detail: Record<string, unknown>;
}

/**
 * A governance command, one file each in ./commands: authorise (a permission of
 * the table in shared/governance/permissions.ts) → rule (checked against the
 * current state; throws, changing nothing) → apply (writes the server-owned
 * `gov` map) → audit (the record stored in the same transaction as the change).
 */
export interface GovernanceCommand<Input, Plan, Result> {
  readonly permission: Action;
  /** The message of the 403 when the caller's role lacks the permission. */
  readonly forbidden: string;
  rule(ctx: CommandContext, input: Input): Plan;
  apply(ctx: CommandContext, input: Input, plan: Plan): Result;
  /** The audit record, or null when the command changed nothing (e.g. a repeated withdrawal). */
  audit(input: Input, plan: Plan, result: Result): AuditFacts | null;
}

/**
 * Runs a command as one synchronous step inside the room (its time read once from `now`, the
 * server's clock), then waits until the change and its audit entry are stored together (RoomUnavailableError → 503 if
 * the store fails; nothing is then recorded).
 */
export function runCommand<Input, Plan, Result>(
  room: Room,
  who: Principal,
  role: Role,
  command: GovernanceCommand<Input, Plan, Result>,
  input: Input,
  now: Clock = systemClock,
): Promise<Result> {
  return room.execute((step) => {
    const ctx: CommandContext = {
      who,
      role,
      gov: new GovMap(step.doc),
      doc: step.doc,
      now: now(),
      docId: room.id,
      alongside: (effect) => step.alongside(effect),
      paragraph: (id) => {
        const p = readParagraph(step.doc, id);
        if (!p) throw notFound('No paragraph with this id in the draft.');
        return p;
      },
    };
    if (!can(role, command.permission)) throw forbidden(command.forbidden);
    const plan = command.rule(ctx, input);
    let result: Result | undefined;
    step.apply(() => {
      result = command.apply(ctx, input, plan);
    });
    const entry = command.audit(input, plan, result as Result);
    // The record names the delegation the person spoke for, as it was at the time of the decision.
    const detail = who.delegation ? { ...entry?.detail, delegation: who.delegation } : entry?.detail;
    if (entry) step.record({ actor: who.userId, action: entry.action, detail: detail ?? {} });
    return result as Result;
  });
}

export function actor(p: Principal): Actor {
  return p.delegation
    ? { id: p.userId, name: p.name, affiliation: p.affiliation, delegation: p.delegation }
    : { id: p.userId, name: p.name, affiliation: p.affiliation };
}

/** A rule verdict as the HTTP error it becomes: 403 for a role, 409 for a state that forbids it. */
export function ruleError(v: { code: string; message: string }): ApiError {
  return v.code === 'forbidden'
    ? new ApiError(403, 'forbidden', v.message, { rule: v.code })
    : new ApiError(409, 'rule_violation', v.message, { rule: v.code });
}

/**
 * The chair acted on the text they saw: if the paragraph's content hash is no longer
 * that one, someone changed it in between, and the decision is refused.
 */
export function requireSeenText(current: string, seen: string | undefined): void {
  if (seen !== undefined && seen !== current) {
    throw new ApiError(
      409,
      'text_changed',
      'The text of this paragraph changed while you were looking at it. Read it again, then decide.',
    );
  }
}
