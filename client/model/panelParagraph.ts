import { can } from '../../shared/governance/permissions';
import type { Role } from '../../shared/governance/roles';
import { bracketsIn, hasOpenBrackets } from '../../shared/model/brackets';
import type { Paragraph } from '../../shared/model/draft';
import { standingObjections, statusOf } from '../../shared/model/governance';
import { formatLabel } from '../../shared/model/numbering';
import { WHOLE_DRAFT } from '../../shared/model/proposals';
import { allowedStatuses, checkLock } from '../../shared/model/statusRules';
import type { DashboardSection } from '../components/dashboardTypes';
import type { PanelParagraph } from '../components/panelTypes';
import type { SelectionSpan } from '../editor/selectionSpan';
import { i18n } from '../i18n/i18n';
import type { PresentUser } from './presence';
import type { DraftModel } from './useDraftModel';

export function findParagraph(model: DraftModel, id: string): Paragraph | null {
  for (const s of model.draft.sections) for (const p of s.paragraphs) if (p.id === id) return p;
  return null;
}

/** The selected paragraph as the panel shows it, with the actions this viewer's role allows (statusRules). */
export function panelParagraph(
  model: DraftModel,
  id: string | null,
  viewer: { id: string; role: Role; delegation: string | null },
  present: PresentUser[],
  selection: SelectionSpan | null = null,
): PanelParagraph | null {
  if (!id) return null;
  const p = findParagraph(model, id);
  if (!p) return null;
  const { gov } = model;
  const label = model.labels.get(id);
  const lock = gov.locks[id] ?? null;
  const facts = {
    openBrackets: hasOpenBrackets(p),
    standingObjections: standingObjections(gov, id).length,
    locked: lock !== null,
  };
  const status = statusOf(gov, id);
  const sectionId = model.draft.sections.find((s) => s.paragraphs.some((x) => x.id === id))?.id ?? '';
  const lockVerdict = checkLock({ role: viewer.role, status, ...facts });
  const panel: PanelParagraph = {
    id,
    label: label ? formatLabel(label) : '?',
    status,
    lock,
    openBrackets: bracketsIn(p).length,
    objections: gov.objections.filter((o) => o.paragraphId === id),
    present: present.filter((u) => u.paragraphId === id && !u.self),
    allowedStatuses: allowedStatuses(viewer.role, status, facts),
    lockBlocked: viewer.role === 'chair' ? (lockVerdict.ok ? null : i18n.t(`rules.${lockVerdict.code}`)) : undefined,
    canUnlock: viewer.role === 'chair',
    canObject: viewer.role !== 'observer',
    canAnswer: viewer.role === 'chair',
    viewerId: viewer.id,
    viewerDelegation: viewer.delegation,
    proposals: (gov.proposals ?? [])
      .filter((x) => x.paragraphId === id)
      .sort((a, b) => Number(a.state !== 'pending') - Number(b.state !== 'pending') || a.at - b.at),
    canPropose: can(viewer.role, 'proposal.table') && lock === null,
    canTakeStance: can(viewer.role, 'proposal.support'),
    canDecide: can(viewer.role, 'proposal.decide'),
    selection: selection && selection.paragraphId === id ? selection : null,
    sectionId,
    sectionProposalsOnly: (gov.proposalsOnly ?? []).includes(sectionId),
    draftProposalsOnly: (gov.proposalsOnly ?? []).includes(WHOLE_DRAFT),
  };
  // Under silence the paragraph is frozen for everyone: the only action is to break silence
  // (<accord-silence-notice>); the server refuses the others anyway.
  if (!model.silence.frozen[id]) return panel;
  return {
    ...panel,
    allowedStatuses: [],
    lockBlocked: undefined,
    canUnlock: false,
    canObject: false,
    canPropose: false,
    canDecide: false,
  };
}

export function dashboardSections(model: DraftModel): DashboardSection[] {
  const { gov } = model;
  return model.draft.sections.map((s, i) => ({
    id: s.id,
    heading: s.heading,
    rollup: model.rollup.sections[i]?.rollup ?? model.rollup.overall,
    paragraphs: s.paragraphs.map((p) => {
      const label = model.labels.get(p.id);
      return {
        id: p.id,
        label: label ? formatLabel(label) : '?',
        status: statusOf(gov, p.id),
        locked: gov.locks[p.id] !== undefined,
        openBrackets: bracketsIn(p).length,
        standingObjections: standingObjections(gov, p.id).length,
      };
    }),
  }));
}
