import { exportDocument, exportFormats } from '../server/export/exportDocument.js';
import type { ReportInput } from '../server/export/reportModel.js';
import { parseBracketedText } from '../shared/model/bracketText.js';
import { compareDrafts } from '../shared/model/compare.js';
import type { Draft, Paragraph } from '../shared/model/draft.js';
import type { Governance, Objection, ParagraphStatus } from '../shared/model/governance.js';
import { type BenchSection, fmt, renderSection } from './section.js';

/**
 * Export timings for a 500-paragraph draft (10 sections, 300 paragraphs with brackets or
 * inline alternatives, a list in every tenth paragraph, 50 standing objections): every format,
 * negotiating text and clean report, median of 3 runs after one warm-up; and the comparison
 * of two 500-paragraph revisions.
 * Run alone with `npx tsx bench/export.ts`.
 */
export async function runExportBench(): Promise<{ rows: { name: string; ms: number; bytes: number }[] }> {
  const { draft, governance } = benchDraft(500);
  const agreed: Governance = {
    ...governance,
    statuses: Object.fromEntries(Object.keys(governance.statuses).map((id) => [id, 'agreed' as ParagraphStatus])),
    objections: [],
  };
  const rows: { name: string; ms: number; bytes: number }[] = [];
  for (const variant of ['negotiating', 'clean'] as const) {
    for (const format of exportFormats) {
      const input: ReportInput = {
        draft,
        governance: variant === 'clean' ? agreed : governance,
        variant,
        revision: 'Rev.2',
        generatedAt: new Date(),
        draftMark: variant === 'clean',
      };
      await exportDocument(format, input); // warm-up: font loading, module initialisation
      const times: number[] = [];
      let bytes = 0;
      for (let k = 0; k < 3; k++) {
        const t = performance.now();
        const file = await exportDocument(format, input);
        times.push(performance.now() - t);
        bytes = file.body.length;
      }
      times.sort((a, b) => a - b);
      rows.push({ name: `${format} ${variant}`, ms: Math.round((times[1] ?? 0) * 10) / 10, bytes });
    }
  }
  // The comparison of two revisions of the same size, a word changed in every fifth paragraph.
  const edited = structuredClone(draft);
  for (const [i, p] of edited.sections.flatMap((sec) => sec.paragraphs).entries()) {
    const block = p.blocks[0];
    if (i % 5 === 0 && block?.type === 'text' && block.runs[0]) block.runs[0].text += 'all ';
  }
  const times: number[] = [];
  for (let k = 0; k < 4; k++) {
    const t = performance.now();
    compareDrafts({ draft, governance }, { draft: edited, governance: agreed });
    if (k > 0) times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  rows.push({ name: 'compare two revisions', ms: Math.round((times[1] ?? 0) * 10) / 10, bytes: 0 });
  return { rows };
}

export function benchDraft(paragraphCount: number): { draft: Draft; governance: Governance } {
  const who = { by: 'u1', byName: 'Ana Souza (Brazil)', at: 1 };
  const statuses: Record<string, ParagraphStatus> = {};
  const objections: Objection[] = [];
  const paragraphs: Paragraph[] = Array.from({ length: paragraphCount }, (_, i) => {
    const id = `p${i}`;
    statuses[id] = i % 3 === 0 ? 'agreed' : 'under_negotiation';
    if (i % 10 === 5) {
      objections.push({
        id: `o${i}`,
        paragraphId: id,
        author: { id: 'u2', name: 'Ben', affiliation: 'Kenya' },
        reason: 'The scope is too broad & needs "capacity" wording.',
        at: 1,
        state: 'standing',
        answer: null,
        withdrawnAt: null,
      });
    }
    const text =
      i % 5 < 3
        ? `States [should][shall] take [effective] measures to improve data governance for climate action, in paragraph ${i}.`
        : `States should take measures to improve data governance for climate action, in paragraph ${i}.`;
    const runs = parseBracketedText(text, who);
    // "[should][shall]" are the two options of one inline alternative.
    const options = runs.filter((r) => r.text === 'should' || r.text === 'shall');
    for (const r of options) for (const b of r.brackets) b.group = `g${i}`;
    return {
      id,
      kind: i < 20 ? 'preambular' : 'operative',
      bis: i % 50 === 49,
      altGroup: null,
      bracket: null,
      blocks:
        i % 10 === 0
          ? [
              { type: 'text', runs },
              {
                type: 'list',
                ordered: true,
                items: [
                  [{ type: 'text', runs: [{ text: 'national data strategies;', brackets: [] }] }],
                  [{ type: 'text', runs: [{ text: 'open standards.', brackets: [] }] }],
                ],
              },
            ]
          : [{ type: 'text', runs }],
    };
  });
  const sectionSize = Math.ceil(paragraphCount / 10);
  const draft: Draft = {
    sections: Array.from({ length: 10 }, (_, s) => ({
      id: `s${s}`,
      heading: `${s + 1}. Work area ${s + 1}`,
      paragraphs: paragraphs.slice(s * sectionSize, (s + 1) * sectionSize),
    })),
  };
  const governance: Governance = {
    meta: { title: 'Recommendations on data governance for climate action', symbol: 'EG/2026/1' },
    statuses,
    locks: {},
    objections,
  };
  return { draft, governance };
}

/** The `npm run bench` section. */
export async function benchSection(): Promise<BenchSection> {
  const { rows } = await runExportBench();
  return {
    title: 'export of a 500-paragraph draft (median of 3)',
    columns: ['ms', 'bytes'],
    rows: rows.map((r) => ({ metric: r.name, values: [fmt(r.ms, 0), r.bytes > 0 ? String(r.bytes) : ''] })),
    data: rows,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(renderSection(await benchSection()));
