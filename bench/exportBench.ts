import { exportDocument, exportFormats } from '../server/export/exportDocument.js';
import type { Governance } from '../shared/model/governance.js';
import { benchDraft } from './benchDraft.js';

/** Export of a 500-paragraph draft with 300 brackets (150 paragraphs bracketed twice), each format, median of 3 (issue 5). */
export async function runExportBench(): Promise<{ format: string; ms: number; bytes: number }[]> {
  const { draft } = benchDraft(500, 150);
  const governance: Governance = {
    meta: { title: 'Bench draft', symbol: 'EG/2026/9' },
    statuses: {},
    locks: {},
    objections: [],
  };
  const rows: { format: string; ms: number; bytes: number }[] = [];
  for (const format of exportFormats) {
    const times: number[] = [];
    let bytes = 0;
    for (let k = 0; k < 3; k++) {
      const t = performance.now();
      const file = await exportDocument(format, {
        draft,
        governance,
        variant: 'negotiating',
        revision: 'Rev.1',
        generatedAt: new Date(),
      });
      times.push(performance.now() - t);
      bytes = file.body.length;
    }
    times.sort((a, b) => a - b);
    rows.push({ format, ms: times[1]!, bytes });
  }
  return rows;
}
