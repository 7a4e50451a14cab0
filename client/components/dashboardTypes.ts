import type { ParagraphStatus } from '../../shared/model/governance';
import type { Rollup } from '../../shared/model/rollup';

export interface DashboardParagraph {
  id: string;
  label: string;
  status: ParagraphStatus;
  locked: boolean;
  openBrackets: number;
  standingObjections: number;
}

export interface DashboardSection {
  id: string;
  heading: string;
  rollup: Rollup;
  paragraphs: DashboardParagraph[];
}
