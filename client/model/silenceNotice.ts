import { can } from '../../shared/governance/permissions';
import type { Role } from '../../shared/governance/roles';
import { formatLabel } from '../../shared/model/numbering';
import { type Silence, silenceOf } from '../../shared/model/silence';
import type { SilenceNoticeView } from '../components/silenceTypes';
import { i18n } from '../i18n/i18n';
import type { DraftModel } from './useDraftModel';

/** A silence's scope in words of the interface language: the whole draft, a section, or a count. */
export function silenceScopeText(model: DraftModel, s: Silence): string {
  if (s.scope.kind === 'draft') return i18n.t('silence.scope.draft');
  if (s.scope.kind === 'section') {
    const sectionId = s.scope.sectionId;
    const heading = model.draft.sections.find((x) => x.id === sectionId)?.heading ?? '';
    return i18n.t('silence.scope.sectionNamed', { heading });
  }
  return i18n.t('silence.scope.paragraphsCount', { count: s.paragraphIds.length });
}

/** What the silence notice shows this viewer, with the selected paragraph when it is frozen. */
export function silenceNotice(model: DraftModel, selected: string | null, role: Role): SilenceNoticeView {
  const running = model.silence.silences
    .filter((s) => s.state === 'running')
    .map((s) => ({
      id: s.id,
      scope: silenceScopeText(model, s),
      deadline: s.deadline,
      note: s.note,
      by: s.startedBy.name,
      frozen: s.paragraphIds.filter((id) => model.silence.frozen[id] === s.id).length,
      broken: s.breaks.length,
    }));
  const silence = selected ? silenceOf(model.silence, selected) : null;
  const label = selected ? model.labels.get(selected) : undefined;
  return {
    running,
    selected:
      selected && silence
        ? { paragraphId: selected, label: label ? formatLabel(label) : '?', deadline: silence.deadline }
        : null,
    canBreak: can(role, 'silence.break'),
  };
}
