import type { Lock, Objection, ParagraphStatus } from '../../shared/model/governance';
import type { PresentUser } from '../model/presence';

/** Everything `<accord-paragraph-panel>` shows about one paragraph, and what the viewer may do. */
export interface PanelParagraph {
  id: string;
  /** "7", "7 bis", "PP2", with "(Option 2)" when it is an alternative. */
  label: string;
  status: ParagraphStatus;
  lock: Lock | null;
  openBrackets: number;
  objections: Objection[];
  present: PresentUser[];
  /** Statuses the viewer may move the paragraph to (allowedStatuses). */
  allowedStatuses: ParagraphStatus[];
  /** Why locking is not possible now, or null when the viewer may lock. Undefined: not the viewer's to do. */
  lockBlocked?: string | null;
  canUnlock: boolean;
  canObject: boolean;
  canAnswer: boolean;
  viewerId: string;
}

export interface PanelEvents {
  'accord-status': { status: ParagraphStatus };
  'accord-lock': Record<string, never>;
  'accord-unlock': { reason: string };
  'accord-objection': { reason: string };
  'accord-withdraw': { objectionId: string };
  'accord-answer': { objectionId: string; text: string };
}
