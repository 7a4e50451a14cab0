import type { Role } from '../../shared/governance/roles';
import { i18n } from '../i18n/i18n';

/** A role's name in the interface language ("Chair", "Président(e)", …). */
export function roleLabel(role: Role): string {
  return i18n.t(`roles.${role}`);
}

/** What a role may do, as the end of a sentence. */
export function roleDescription(role: Role): string {
  return i18n.t(`roles.description.${role}`);
}
