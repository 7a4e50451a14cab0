import type { Role } from '../../shared/governance/roles';

export const roleLabels: Record<Role, string> = {
  chair: 'Chair',
  member: 'Member',
  observer: 'Observer',
};

export const roleDescriptions: Record<Role, string> = {
  chair: 'runs the negotiation: sets statuses, locks agreed paragraphs, issues revisions',
  member: 'edits unlocked text, proposes brackets and alternatives, lodges objections',
  observer: 'follows the negotiation live, without changing anything',
};
