import type * as Y from 'yjs';
import type { ParagraphStatus } from '../../shared/model/governance.js';
import { readMeetingRoom } from '../../shared/model/meetingRoom.js';
import type { NotificationKind } from '../../shared/model/notifications.js';
import { numberDraft } from '../../shared/model/numbering.js';
import { readDraft } from '../../shared/model/readDraft.js';
import { EDITOR_ROOT, GOVERNANCE_ROOT } from '../../shared/model/schemaNames.js';
import { isAgreed } from '../../shared/model/statusRules.js';
import { GovMap } from '../governance/govMap.js';
import type { Member } from '../store/accountRecords.js';
import type { NotificationDraft } from '../store/repos/notificationRepo.js';

/** The audit actions that can concern someone (checked first: most entries are text edits). */
export const NOTIFYING_ACTIONS: ReadonlySet<string> = new Set([
  'objection.answer',
  'proposal.accept',
  'proposal.alternative',
  'proposal.reject',
  'bracket.remove',
  'alternative.resolve',
  'status.set',
  'paragraph.lock',
  'revision.issue',
  'silence.start',
  'silence.break',
  'silence.extend',
  'silence.end',
  'silence.expire',
  'floor.give',
]);

/** An audited event as AuditLog.append records it. */
export interface AuditedEvent {
  docId: string;
  actor: string | null;
  action: string;
  detail: Record<string, unknown>;
}

/**
 * Who an audited governance event concerns, one notification each (issue 15):
 * - your objection answered → its author;
 * - your proposal accepted (or accepted as an alternative) / rejected → its proposer;
 * - your bracket removed by someone else (the chair) → its proposer; an alternative resolved →
 *   whoever proposed its options (option brackets' proposers, or who set a paragraph
 *   alternative's `altGroup`: recorded by the update guard, guardEvents.ts);
 * - a paragraph you objected to agreed or locked → everyone who lodged an objection on it;
 * - a revision issued, a silence started / broken / extended / ended / concluded → everyone on
 *   the draft (an extension carries the new deadline as its label);
 * - the floor given → whoever raised that flag.
 * Never the person who acted, and only current members of the draft: a notification is
 * something its reader may read. It carries the kind, ids, the paragraph's number and a
 * label (the revision's) — no text of the draft, no reasons, no answers: those stay in the
 * draft, behind its access checks.
 *
 * `doc` is the room's document right after the event (the audit entry is appended in the
 * step's store transaction), used to find authors and paragraph numbers.
 */
export function deriveNotifications(event: AuditedEvent, doc: Y.Doc, members: readonly Member[]): NotificationDraft[] {
  const target = recipientsOf(event, doc, members);
  if (!target) return [];
  const onDraft = new Map(members.map((m) => [m.userId, m]));
  const actorName = event.actor ? (onDraft.get(event.actor)?.name ?? null) : null;
  const paragraphNumber = target.paragraphId ? numberOf(doc, target.paragraphId) : null;
  const seen = new Set<string>();
  const drafts: NotificationDraft[] = [];
  for (const userId of target.users) {
    if (userId === event.actor || seen.has(userId) || !onDraft.has(userId)) continue;
    seen.add(userId);
    drafts.push({
      userId,
      docId: event.docId,
      kind: target.kind,
      paragraphId: target.paragraphId,
      paragraphNumber,
      label: target.label,
      actorName,
    });
  }
  return drafts;
}

interface Target {
  kind: NotificationKind;
  users: string[];
  paragraphId: string | null;
  label: string | null;
}

function recipientsOf(event: AuditedEvent, doc: Y.Doc, members: readonly Member[]): Target | null {
  const { action, detail } = event;
  const gov = new GovMap(doc);
  const everyone = members.map((m) => m.userId);
  const paragraphId = typeof detail.paragraphId === 'string' ? detail.paragraphId : null;
  const objectorsOf = (id: string) =>
    gov
      .objections()
      .filter((o) => o.paragraphId === id)
      .map((o) => o.author.id);
  switch (action) {
    case 'objection.answer': {
      const o = typeof detail.objectionId === 'string' ? gov.objection(detail.objectionId) : null;
      return o ? { kind: 'objection_answered', users: [o.author.id], paragraphId: o.paragraphId, label: null } : null;
    }
    case 'proposal.accept':
    case 'proposal.alternative':
    case 'proposal.reject': {
      const p = typeof detail.proposalId === 'string' ? gov.proposal(detail.proposalId) : null;
      if (!p) return null;
      const kind = action === 'proposal.reject' ? 'proposal_rejected' : 'proposal_accepted';
      return { kind, users: [p.proposer.id], paragraphId: p.paragraphId, label: null };
    }
    case 'bracket.remove': {
      // Withdrawn by its own proposer: they know (and are the actor, never notified anyway).
      const where = typeof detail.paragraph === 'string' ? detail.paragraph : null;
      if (detail.withdrawn === true || typeof detail.proposer !== 'string') return null;
      return { kind: 'bracket_resolved', users: [detail.proposer], paragraphId: where, label: null };
    }
    case 'alternative.resolve': {
      const where = typeof detail.paragraph === 'string' ? detail.paragraph : null;
      const proposers = Array.isArray(detail.proposers)
        ? detail.proposers.filter((p): p is string => typeof p === 'string')
        : [];
      return proposers.length > 0
        ? { kind: 'alternative_resolved', users: proposers, paragraphId: where, label: null }
        : null;
    }
    case 'status.set':
      if (!paragraphId || !isAgreed(detail.to as ParagraphStatus)) return null;
      return { kind: 'objected_agreed', users: objectorsOf(paragraphId), paragraphId, label: null };
    case 'paragraph.lock':
      if (!paragraphId) return null;
      return { kind: 'objected_locked', users: objectorsOf(paragraphId), paragraphId, label: null };
    case 'revision.issue':
      return {
        kind: 'revision_issued',
        users: everyone,
        paragraphId: null,
        label: typeof detail.label === 'string' ? detail.label : null,
      };
    case 'silence.start': {
      // A silence on a section or several paragraphs links to the first one it covers.
      const ids = Array.isArray(detail.paragraphIds) ? detail.paragraphIds : [];
      const first = typeof ids[0] === 'string' ? ids[0] : null;
      return { kind: 'silence_started', users: everyone, paragraphId: first, label: null };
    }
    case 'silence.break':
      return { kind: 'silence_broken', users: everyone, paragraphId, label: null };
    case 'silence.extend':
      return {
        kind: 'silence_extended',
        users: everyone,
        paragraphId: null,
        label: typeof detail.to === 'string' ? detail.to : null,
      };
    case 'silence.end':
      return { kind: 'silence_ended', users: everyone, paragraphId: null, label: null };
    case 'silence.expire':
      return { kind: 'silence_expired', users: everyone, paragraphId: null, label: null };
    case 'floor.give': {
      const floor = readMeetingRoom(doc.getMap(GOVERNANCE_ROOT)).floor;
      if (!floor || floor.flag.id !== detail.flagId) return null;
      return { kind: 'floor_given', users: [floor.flag.raisedBy.id], paragraphId: floor.flag.paragraphId, label: null };
    }
    default:
      return null;
  }
}

/** The paragraph's number as shown now ("12", "7 bis"); null if it is gone. */
function numberOf(doc: Y.Doc, paragraphId: string): string | null {
  return numberDraft(readDraft(doc.getXmlFragment(EDITOR_ROOT))).get(paragraphId)?.number ?? null;
}
