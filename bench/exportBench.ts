import { exportDocument, exportFormats } from '../server/export/exportDocument.js';
import { parseBracketedText } from '../shared/model/bracketText.js';
import type { Draft, Paragraph } from '../shared/model/draft.js';
import type { Governance } from '../shared/model/governance.js';

/** Export of a 500-paragraph draft with 300 brackets, each format, median of 3 (issue 5). */
export async function runExportBench(): Promise<{ format: string; ms: number; bytes: number }[]> {
  const who = { by: 'u', byName: 'Delegate', at: 1 };
  const paragraphs: Paragraph[] = Array.from({ length: 500 }, (_, i) => ({
    id: `p${i}`,
    kind: i < 20 ? 'preambular' : 'operative',
    bis: false,
    altGroup: null,
    bracket: null,
    blocks: [
      {
        type: 'text',
        runs: parseBracketedText(
          i < 300
            ? `States [should][shall] take measures to improve data governance for climate action, paragraph ${i}.`
            : `States should take measures to improve data governance for climate action, paragraph ${i}.`,
          who,
        ),
      },
    ],
  }));
  const draft: Draft = {
    sections: Array.from({ length: 10 }, (_, s) => ({
      id: `s${s}`,
      heading: `Section ${s + 1}`,
      paragraphs: paragraphs.slice(s * 50, s * 50 + 50),
    })),
  };
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
