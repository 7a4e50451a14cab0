import { randomUUID } from 'node:crypto';
import type { Principal, Role } from '../../shared/governance/roles.js';
import { hasOpenBrackets } from '../../shared/model/brackets.js';
import type { Draft, Paragraph } from '../../shared/model/draft.js';
import type { Actor, Objection, ParagraphStatus } from '../../shared/model/governance.js';
import { readDraft } from '../../shared/model/readDraft.js';
import { EDITOR_ROOT } from '../../shared/model/schemaNames.js';
import { checkLock, checkStatusChange, checkUnlock } from '../../shared/model/statusRules.js';
import type { Room } from '../collab/room.js';
import type { RoomManager } from '../collab/roomManager.js';
import { ApiError, forbidden, notFound } from '../http/httpError.js';
import type { AuditLog } from '../store/auditLog.js';
import { GovMap } from './govMap.js';

/**
 * Governance commands: each checks the caller's role and the rules in
 * shared/model/statusRules.ts against the live document, changes the
 * server-owned `gov` map through the room's durable path (so every client sees
 * it live), and records who did what in the audit log.
 */
export class GovernanceService {
  constructor(
    private readonly rooms: RoomManager,
    private readonly audit: AuditLog,
  ) {}

  /** Builds a freshly loaded room's lock index from its `gov` map. */
  prepareRoom(room: Room): void {
    room.locks.rebuild(new GovMap(room.doc).lockedIds());
  }

  async setStatus(docId: string, who: Principal, role: Role, paragraphId: string, to: ParagraphStatus): Promise<void> {
    const room = await this.rooms.get(docId);
    const gov = new GovMap(room.doc);
    const p = this.paragraph(room, paragraphId);
    const from = gov.status(paragraphId);
    const verdict = checkStatusChange({
      from,
      to,
      role,
      openBrackets: hasOpenBrackets(p),
      standingObjections: this.standing(gov, paragraphId),
      locked: gov.lock(paragraphId) !== null,
    });
    if (!verdict.ok) throw ruleError(verdict);
    if (from === to) return;
    await room.change(() => gov.setStatus(paragraphId, to));
    this.audit.append(docId, who.userId, 'status.set', { paragraphId, from, to });
  }

  async lock(docId: string, who: Principal, role: Role, paragraphId: string): Promise<void> {
    const room = await this.rooms.get(docId);
    const gov = new GovMap(room.doc);
    const p = this.paragraph(room, paragraphId);
    const verdict = checkLock({
      role,
      status: gov.status(paragraphId),
      openBrackets: hasOpenBrackets(p),
      standingObjections: this.standing(gov, paragraphId),
      locked: gov.lock(paragraphId) !== null,
    });
    if (!verdict.ok) throw ruleError(verdict);
    await room.change(() => gov.setLock(paragraphId, { by: actor(who), at: Date.now() }));
    room.locks.rebuild(gov.lockedIds());
    this.audit.append(docId, who.userId, 'paragraph.lock', { paragraphId });
  }

  async unlock(docId: string, who: Principal, role: Role, paragraphId: string, reason: string): Promise<void> {
    const room = await this.rooms.get(docId);
    const gov = new GovMap(room.doc);
    this.paragraph(room, paragraphId);
    const verdict = checkUnlock({ role, locked: gov.lock(paragraphId) !== null, reason });
    if (!verdict.ok) throw ruleError(verdict);
    await room.change(() => gov.setLock(paragraphId, null));
    room.locks.rebuild(gov.lockedIds());
    this.audit.append(docId, who.userId, 'paragraph.unlock', { paragraphId, reason });
  }

  /** The author is always the caller: an objection cannot be lodged in someone else's name. */
  async lodgeObjection(
    docId: string,
    who: Principal,
    role: Role,
    paragraphId: string,
    reason: string,
  ): Promise<Objection> {
    if (role === 'observer') throw forbidden('Observers cannot lodge objections.');
    const room = await this.rooms.get(docId);
    const gov = new GovMap(room.doc);
    this.paragraph(room, paragraphId);
    if (gov.lock(paragraphId)) {
      throw new ApiError(
        409,
        'rule_violation',
        'This paragraph is locked as agreed; ask the chair to reopen it first.',
      );
    }
    const objection: Objection = {
      id: randomUUID(),
      paragraphId,
      author: actor(who),
      reason,
      at: Date.now(),
      state: 'standing',
      answer: null,
      withdrawnAt: null,
    };
    await room.change(() => gov.putObjection(objection));
    this.audit.append(docId, who.userId, 'objection.lodge', { objectionId: objection.id, paragraphId, reason });
    return objection;
  }

  async withdrawObjection(docId: string, who: Principal, objectionId: string): Promise<Objection> {
    const room = await this.rooms.get(docId);
    const gov = new GovMap(room.doc);
    const o = gov.objection(objectionId);
    if (!o) throw notFound('No such objection.');
    if (o.author.id !== who.userId) throw forbidden('Only the author of an objection can withdraw it.');
    if (o.state === 'withdrawn') return o;
    const next: Objection = { ...o, state: 'withdrawn', withdrawnAt: Date.now() };
    await room.change(() => gov.putObjection(next));
    this.audit.append(docId, who.userId, 'objection.withdraw', { objectionId, paragraphId: o.paragraphId });
    return next;
  }

  async answerObjection(
    docId: string,
    who: Principal,
    role: Role,
    objectionId: string,
    text: string,
  ): Promise<Objection> {
    if (role !== 'chair') throw forbidden('Only a chair answers objections.');
    const room = await this.rooms.get(docId);
    const gov = new GovMap(room.doc);
    const o = gov.objection(objectionId);
    if (!o) throw notFound('No such objection.');
    if (o.state === 'withdrawn') throw new ApiError(409, 'rule_violation', 'This objection was withdrawn.');
    const next: Objection = { ...o, state: 'answered', answer: { by: actor(who), text, at: Date.now() } };
    await room.change(() => gov.putObjection(next));
    this.audit.append(docId, who.userId, 'objection.answer', { objectionId, paragraphId: o.paragraphId, text });
    return next;
  }

  private paragraph(room: Room, paragraphId: string): Paragraph {
    const p = findParagraph(readDraft(room.doc.getXmlFragment(EDITOR_ROOT)), paragraphId);
    if (!p) throw notFound('No paragraph with this id in the draft.');
    return p;
  }

  private standing(gov: GovMap, paragraphId: string): number {
    return gov.objections().filter((o) => o.paragraphId === paragraphId && o.state === 'standing').length;
  }
}

export function actor(p: Principal): Actor {
  return { id: p.userId, name: p.name, affiliation: p.affiliation };
}

function findParagraph(draft: Draft, id: string): Paragraph | null {
  for (const s of draft.sections) for (const p of s.paragraphs) if (p.id === id) return p;
  return null;
}

function ruleError(v: { code: string; message: string }): ApiError {
  return new ApiError(
    v.code === 'forbidden' ? 403 : 409,
    v.code === 'forbidden' ? 'forbidden' : 'rule_violation',
    v.message,
    {
      rule: v.code,
    },
  );
}
