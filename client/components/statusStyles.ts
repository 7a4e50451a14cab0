import { css } from 'lit';
import type { ParagraphStatus } from '../../shared/model/governance';

/** Status colours shared by the badge and the dashboard; every pair passes WCAG AA for small text. */
export const statusColors = css`
  .st-draft { color: #374151; background: #f3f4f6; border-color: #9ca3af; }
  .st-under_negotiation { color: #7c2d12; background: #ffedd5; border-color: #fb923c; }
  .st-agreed_ad_ref { color: #1e3a8a; background: #dbeafe; border-color: #60a5fa; }
  .st-agreed { color: #064e3b; background: #d1fae5; border-color: #34d399; }
`;

/**
 * A shape per status beside its name, so that the status is told by more than colour (WCAG 1.4.1):
 * empty, half, nearly full and full as the paragraph comes closer to agreement.
 */
export const statusIcons: Record<ParagraphStatus, string> = {
  draft: '○',
  under_negotiation: '◐',
  agreed_ad_ref: '◕',
  agreed: '●',
};
