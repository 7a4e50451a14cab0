import { type ParagraphStatus, paragraphStatuses } from '../../shared/model/governance';
import { formatDateTime } from '../i18n/formatDate';
import { i18n } from '../i18n/i18n';

/** One audit entry as the API returns it. */
export interface AuditRecord {
  seq: number;
  at: number;
  actor: string | null;
  action: string;
  detail: Record<string, unknown>;
}

export interface AuditContext {
  /** Name and delegation of a person, by user id (members, and people who have left). */
  person(userId: string): { name: string; affiliation: string } | null;
  /** The paragraph's number as people say it ("12", "PP3", "7 bis"), or null if it no longer exists. */
  number(paragraphId: string): string | null;
}

/** Groups of actions the chair filters by; their names are `audit.groups.<group>`. */
export const actionGroupNames = [
  'text',
  'status',
  'lock',
  'objection',
  'proposal',
  'comment',
  'revision',
  'member',
  'document',
  'room',
] as const;
export type ActionGroup = (typeof actionGroupNames)[number];

export function actionGroup(action: string): ActionGroup {
  if (action === 'text.edit') return 'text';
  // A silence procedure decides statuses (agreed at its deadline, under negotiation when broken).
  if (action.startsWith('status.') || action.startsWith('silence.')) return 'status';
  if (action.startsWith('paragraph.')) return 'lock';
  if (action.startsWith('objection.')) return 'objection';
  if (action.startsWith('proposal.') || action === 'draft.proposalsOnly') return 'proposal';
  if (action.startsWith('comment.')) return 'comment';
  if (action === 'revision.issue' || action === 'document.export') return 'revision';
  if (action === 'document.create' || action === 'document.import') return 'document';
  if (action.startsWith('floor.') || action.startsWith('screen.')) return 'room';
  return 'member';
}

const str = (v: unknown): string => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));
const t = (key: string, values?: Record<string, unknown>) => i18n.t(key, values);
const statusName = (v: unknown): string =>
  paragraphStatuses.includes(v as ParagraphStatus) ? t(`status.inSentence.${v as ParagraphStatus}`) : str(v);
/** An ISO instant recorded in an entry, in the reader's language. */
const when = (v: unknown): string => {
  const at = Date.parse(str(v));
  return Number.isFinite(at) ? formatDateTime(at) : str(v);
};
const roleName = (v: unknown): string =>
  i18n.exists(`audit.roleInSentence.${str(v)}`) ? t(`audit.roleInSentence.${str(v)}`) : str(v);

/** The paragraphs an entry is about: `paragraphId` or the `paragraphs` of a text edit. */
export function paragraphsOf(entry: AuditRecord): string[] {
  const d = entry.detail;
  if (Array.isArray(d.paragraphs)) return d.paragraphs.filter((p): p is string => typeof p === 'string');
  return typeof d.paragraphId === 'string' ? [d.paragraphId] : [];
}

/**
 * An audit entry as a sentence a chair reads out ("Locked paragraph 12"), in the interface
 * language, with paragraph numbers for paragraph ids and names for user ids. Actions this
 * client does not know are shown by code.
 */
export function describeAuditEntry(entry: AuditRecord, ctx: AuditContext): string {
  const d = entry.detail;
  const para = (id: unknown) => {
    const n = typeof id === 'string' ? ctx.number(id) : null;
    return n ? t('audit.describe.paragraph', { number: n }) : t('audit.describe.removedParagraph');
  };
  const who = (id: unknown) =>
    typeof id === 'string' ? (ctx.person(id)?.name ?? t('audit.describe.aFormerMember')) : t('audit.describe.someone');
  /** A sentence, then the reason or note people typed, quoted (when there is one). */
  const quoted = (sentence: string, text: unknown) =>
    str(text) ? t('audit.describe.quote', { text: sentence, quote: str(text) }) : sentence;
  switch (entry.action) {
    case 'text.edit': {
      const ids = paragraphsOf(entry);
      const numbers = ids.map((id) => ctx.number(id)).filter((n): n is string => n !== null);
      const gone = ids.length - numbers.length;
      const parts = [
        numbers.length
          ? t('audit.describe.editedNumbers', { count: numbers.length, list: numbers.join(t('common.listSeparator')) })
          : '',
        gone ? t('audit.describe.editedRemoved', { count: gone }) : '',
      ].filter(Boolean);
      const what =
        parts.length === 2
          ? t('audit.describe.and', { a: parts[0], b: parts[1] })
          : (parts[0] ?? t('audit.describe.theText'));
      return typeof d.count === 'number' && d.count > 1
        ? t('audit.describe.editedTimes', { what, count: d.count })
        : t('audit.describe.edited', { what });
    }
    case 'status.set':
      return t('audit.describe.statusSet', {
        paragraph: para(d.paragraphId),
        from: statusName(d.from),
        to: statusName(d.to),
      });
    case 'status.reopen':
      return t('audit.describe.statusReopen', {
        paragraph: para(d.paragraphId),
        from: statusName(d.from),
        to: statusName(d.to),
      });
    case 'paragraph.lock':
      return t('audit.describe.lock', { paragraph: para(d.paragraphId) });
    case 'paragraph.unlock':
      return quoted(t('audit.describe.unlock', { paragraph: para(d.paragraphId) }), d.reason);
    case 'objection.lodge':
      return quoted(t('audit.describe.lodge', { paragraph: para(d.paragraphId) }), d.reason);
    case 'objection.withdraw':
      return t('audit.describe.withdraw', { paragraph: para(d.paragraphId) });
    case 'objection.answer':
      return quoted(t('audit.describe.answer', { paragraph: para(d.paragraphId) }), d.text);
    case 'proposal.table':
      return quoted(t('audit.describe.proposalTable', { paragraph: para(d.paragraphId) }), d.text);
    case 'proposal.import':
      return t('audit.describe.proposalImport', {
        file: str(d.fileName),
        created: Number(d.created ?? 0),
        refused: Number(d.refused ?? 0),
      });
    case 'proposal.support':
      return t('audit.describe.proposalSupport', { paragraph: para(d.paragraphId) });
    case 'proposal.oppose':
      return t('audit.describe.proposalOppose', { paragraph: para(d.paragraphId) });
    case 'proposal.withdraw':
      return t('audit.describe.proposalWithdraw', { paragraph: para(d.paragraphId) });
    case 'proposal.accept': {
      const sentence = d.proposer
        ? t('audit.describe.proposalAcceptOf', { proposer: str(d.proposer), paragraph: para(d.paragraphId) })
        : t('audit.describe.proposalAccept', { paragraph: para(d.paragraphId) });
      return d.reopened ? t('audit.describe.reopened', { text: sentence }) : sentence;
    }
    case 'proposal.alternative':
      return d.proposer
        ? t('audit.describe.proposalAlternativeOf', { proposer: str(d.proposer), paragraph: para(d.paragraphId) })
        : t('audit.describe.proposalAlternative', { paragraph: para(d.paragraphId) });
    case 'proposal.reject':
      return quoted(
        d.proposer
          ? t('audit.describe.proposalRejectOf', { proposer: str(d.proposer), paragraph: para(d.paragraphId) })
          : t('audit.describe.proposalReject', { paragraph: para(d.paragraphId) }),
        d.reason,
      );
    case 'draft.proposalsOnly':
      return t('audit.describe.proposalsOnly', {
        on: d.on ? 'true' : 'false',
        scope: str(d.scope) === '*' ? 'draft' : 'section',
      });
    case 'silence.start':
      return quoted(
        t('audit.describe.silenceStart', {
          count: Array.isArray(d.paragraphIds) ? d.paragraphIds.length : 0,
          deadline: when(d.deadline),
        }),
        d.note,
      );
    case 'silence.break':
      return quoted(t('audit.describe.silenceBreak', { paragraph: para(d.paragraphId) }), d.reason);
    case 'silence.extend':
      return t('audit.describe.silenceExtend', { deadline: when(d.to) });
    case 'silence.end':
      return quoted(
        t('audit.describe.silenceEnd', { count: Array.isArray(d.released) ? d.released.length : 0 }),
        d.reason,
      );
    case 'silence.expire':
      return t('audit.describe.silenceExpire', {
        agreed: Array.isArray(d.agreed) ? d.agreed.length : 0,
        broken: Array.isArray(d.broken) ? d.broken.length : 0,
      });
    case 'delegation.create':
      return t('audit.describe.delegationCreate', { name: str(d.name), code: str(d.code) });
    case 'revision.issue':
      return quoted(t('audit.describe.issue', { label: str(d.label) || t('audit.describe.aRevision') }), d.note);
    case 'document.export':
      return t(d.draftMark ? 'audit.describe.exportDraft' : 'audit.describe.export', {
        variant: str(d.variant) === 'clean' ? 'clean' : 'negotiating',
        revision: str(d.revision) || t('common.liveText').toLowerCase(),
        format: str(d.format).toUpperCase(),
      });
    case 'document.create':
      return t('audit.describe.create', { title: str(d.title) });
    case 'document.import':
      return t('audit.describe.import', { file: str(d.fileName) });
    // Comments: their text is never in the log (server/comments/CONTEXT.md), only that one was written.
    case 'comment.add':
      return t('comments.audit.add', { paragraph: para(d.paragraphId), visibility: str(d.visibility) });
    case 'comment.reply':
    case 'comment.edit':
    case 'comment.delete':
    case 'comment.resolve':
    case 'comment.reopen':
      return t(`comments.audit.${entry.action.slice('comment.'.length)}`, { paragraph: para(d.paragraphId) });
    case 'comment.convert':
      return t('comments.audit.convert', {
        paragraph: para(d.paragraphId),
        kind: str((d.became as { kind?: unknown } | undefined)?.kind),
      });
    case 'member.invite':
      return t('audit.describe.invite', { role: roleName(d.role), hours: str(d.ttlHours) });
    case 'member.join':
      return t(d.via === 'invite' ? 'audit.describe.joinInvite' : 'audit.describe.join', { role: roleName(d.role) });
    case 'member.role':
      return t('audit.describe.role', { name: who(d.userId), role: roleName(d.role) });
    case 'member.remove':
      return t('audit.describe.remove', { name: who(d.userId) });
    case 'member.signin_link':
      return t('audit.describe.signinLink', { name: who(d.userId) });
    case 'session.signin':
      return t('audit.describe.signin');
    // The meeting room: `delegation` is the actor's (runCommand adds it), `to`/`of` the flag's.
    case 'floor.raise':
      return d.paragraphId
        ? t('room.audit.raiseOn', { delegation: str(d.delegation), paragraph: para(d.paragraphId) })
        : t('room.audit.raise', { delegation: str(d.delegation) });
    case 'floor.lower':
      return t('room.audit.lower', { delegation: str(d.delegation) });
    case 'floor.give':
      return t('room.audit.give', { delegation: str(d.to) });
    case 'floor.remove':
      return t('room.audit.remove', { delegation: str(d.of) });
    case 'floor.clear':
      return t('room.audit.clear');
    case 'screen.driver':
      return d.driver ? t('room.audit.driver', { name: who(d.driver) }) : t('room.audit.driverAny');
    case 'screen.link':
      return t('room.audit.link', { label: str(d.label) });
    case 'screen.revoke':
      return t('room.audit.revoke');
    default:
      return entry.action;
  }
}
