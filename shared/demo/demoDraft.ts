import { type Proposer, parseBracketedText } from '../model/bracketText.js';
import type { Draft, InlineRun, Paragraph, ParagraphKind, Section } from '../model/draft.js';
import type { Governance, Objection, ParagraphStatus } from '../model/governance.js';

/**
 * The demo draft `npm start` opens: a realistic negotiating text (recommendations of an
 * expert group on data governance for climate action) that shows every feature at once —
 * preambular and operative paragraphs, nested brackets, inline and whole-paragraph
 * alternatives, a "bis" paragraph, subparagraphs, objections and every status.
 * Ids are fixed so the demo is the same on every machine.
 */

const day = Date.UTC(2026, 10, 16, 9, 0);
const norway: Proposer = { by: 'demo-member', byName: 'Lars Eriksen (Delegation of Norway)', at: day };
const brazil: Proposer = { by: 'demo-brazil', byName: 'Ana Souza (Delegation of Brazil)', at: day + 3600_000 };
const industry: Proposer = { by: 'demo-industry', byName: 'Tom Becker (Global Data Alliance)', at: day + 7200_000 };

interface Spec {
  text: string;
  kind?: ParagraphKind;
  by?: Proposer;
  status?: ParagraphStatus;
  bis?: boolean;
  /** Whole-paragraph alternative group. */
  alt?: string;
  /** The whole paragraph is bracketed. */
  bracketed?: boolean;
  /** Subparagraphs (a), (b), ... */
  items?: string[];
  objection?: { by: Proposer; reason: string };
}

const sections: { heading: string; paragraphs: Spec[] }[] = [
  {
    heading: 'Preamble',
    paragraphs: [
      {
        kind: 'preambular',
        status: 'agreed',
        text: 'Recalling the mandate given to the Expert Group by the Plenary at its fourth session,',
      },
      {
        kind: 'preambular',
        status: 'agreed',
        text: 'Recognizing that reliable, open and interoperable data are essential to measure, report and verify climate action,',
      },
      {
        kind: 'preambular',
        status: 'under_negotiation',
        by: brazil,
        text: 'Acknowledging the [significant] gaps in data capacity between developed and developing countries, [and the need for predictable support to close them,]',
      },
      {
        kind: 'preambular',
        status: 'draft',
        text: 'Noting with appreciation the contributions of Member States, observers and stakeholders to the consultations held in 2026,',
      },
    ],
  },
  {
    heading: 'I. Principles',
    paragraphs: [
      {
        status: 'agreed',
        text: 'Data collected for climate action should be findable, accessible, interoperable and reusable, in accordance with national law.',
      },
      {
        status: 'agreed',
        text: 'Personal data shall be processed only where necessary and with safeguards for privacy and human rights.',
      },
      {
        status: 'agreed_ad_ref',
        text: 'States should publish the methodologies used to produce official climate statistics.',
      },
      {
        status: 'under_negotiation',
        by: industry,
        text: 'Access to data held by the private sector should be [voluntary][encouraged through [appropriate] incentives].',
      },
      {
        status: 'under_negotiation',
        by: norway,
        text: 'Open licences [should][shall] be the default for publicly funded climate data.',
        objection: {
          by: brazil,
          reason:
            '"Shall" would conflict with national legislation on statistical confidentiality in several countries.',
        },
      },
      {
        status: 'draft',
        text: 'Indigenous Peoples and local communities retain rights over traditional knowledge, which shall be shared only with their free, prior and informed consent.',
      },
    ],
  },
  {
    heading: 'II. Capacity building and finance',
    paragraphs: [
      {
        status: 'agreed',
        text: 'The Expert Group recommends a coordinated programme of capacity building that includes:',
        items: [
          'training for national statistical offices;',
          'South–South and triangular cooperation;',
          'open-source tools for inventories and reporting.',
        ],
      },
      {
        status: 'under_negotiation',
        alt: 'g-finance',
        by: brazil,
        text: 'Developed countries shall provide new and additional financial resources to support data infrastructure in developing countries.',
      },
      {
        status: 'under_negotiation',
        alt: 'g-finance',
        by: norway,
        text: 'All Parties in a position to do so are invited to mobilize support, including from private sources, for data infrastructure.',
      },
      {
        status: 'draft',
        bis: true,
        by: industry,
        text: 'Public–private partnerships [may][should] complement public finance where they preserve open access to the resulting data.',
      },
      {
        status: 'under_negotiation',
        by: brazil,
        text: 'The secretariat shall prepare [, subject to the availability of resources,] a report on support needs by [2027][2028].',
      },
      {
        status: 'draft',
        text: 'Regional centres of excellence should host shared data platforms and training facilities.',
      },
    ],
  },
  {
    heading: 'III. Transparency and reporting',
    paragraphs: [
      {
        status: 'agreed',
        text: 'Reports shall state the sources, assumptions and uncertainty ranges of the data they use.',
      },
      { status: 'agreed', text: 'Revisions of time series shall be documented and explained.' },
      {
        status: 'under_negotiation',
        bracketed: true,
        by: industry,
        text: 'Companies with more than [500][1,000] employees should disclose their emissions data in machine-readable form.',
        objection: { by: brazil, reason: 'Mandatory corporate disclosure is outside the mandate of the Expert Group.' },
      },
      {
        status: 'under_negotiation',
        by: norway,
        text: 'A common reporting format shall be developed [by the Expert Group] [by a technical working group established for this purpose].',
      },
      {
        status: 'draft',
        text: 'Reporting obligations should take into account national circumstances and capabilities.',
      },
      { status: 'draft', text: 'Data published under this framework should carry a persistent identifier.' },
    ],
  },
  {
    heading: 'IV. Institutional arrangements',
    paragraphs: [
      { status: 'agreed', text: 'The Expert Group shall report to the Plenary at each of its sessions.' },
      {
        status: 'under_negotiation',
        by: norway,
        text: 'The mandate of the Expert Group [is extended until 2030][shall be reviewed at the eighth session].',
      },
      {
        status: 'draft',
        alt: 'g-chairs',
        by: brazil,
        text: 'The Expert Group shall be co-chaired by one member from a developed and one from a developing country.',
      },
      {
        status: 'draft',
        alt: 'g-chairs',
        by: industry,
        text: 'The Expert Group shall elect its Chair from among its members for a term of two years.',
      },
      {
        status: 'draft',
        text: 'Observers may participate in open meetings of the Expert Group and submit written contributions.',
      },
      {
        status: 'draft',
        text: 'The secretariat shall make the documents of the Expert Group available on its website in all official languages.',
      },
    ],
  },
];

function runs(text: string, by: Proposer): InlineRun[] {
  return parseBracketedText(text, by);
}

/** Ids derived from position, stable across machines: s1, s1p1 ... Bracket ids too. */
export function demoDraft(): { title: string; symbol: string; draft: Draft; governance: Omit<Governance, 'meta'> } {
  const governance: Omit<Governance, 'meta'> = { statuses: {}, locks: {}, objections: [] };
  let bracketSeq = 0;
  let objectionSeq = 0;
  const draftSections: Section[] = sections.map((s, si) => ({
    id: `s${si + 1}`,
    heading: s.heading,
    paragraphs: s.paragraphs.map((spec, pi): Paragraph => {
      const id = `s${si + 1}p${pi + 1}`;
      const by = spec.by ?? norway;
      const text = runs(spec.text, by);
      for (const r of text)
        for (const b of r.brackets) b.id = b.id.startsWith('b-demo') ? b.id : `b-demo${++bracketSeq}`;
      // Adjacent top-level brackets in one paragraph are the options of an inline alternative.
      markAdjacentAlternatives(text, id);
      const blocks: Paragraph['blocks'] = [{ type: 'text', runs: text }];
      if (spec.items) {
        blocks.push({
          type: 'list',
          ordered: true,
          items: spec.items.map((t) => [{ type: 'text', runs: runs(t, by) }]),
        });
      }
      if (spec.status) governance.statuses[id] = spec.status;
      if (spec.objection) {
        const o = spec.objection.by;
        const objection: Objection = {
          id: `o-demo${++objectionSeq}`,
          paragraphId: id,
          author: {
            id: o.by,
            name: o.byName.split(' (')[0] ?? o.byName,
            affiliation: o.byName.split(' (')[1]?.slice(0, -1) ?? '',
          },
          reason: spec.objection.reason,
          at: o.at + 86_400_000,
          state: 'standing',
          answer: null,
          withdrawnAt: null,
        };
        governance.objections.push(objection);
      }
      return {
        id,
        kind: spec.kind ?? 'operative',
        bis: spec.bis ?? false,
        altGroup: spec.alt ?? null,
        bracket: spec.bracketed ? { id: `b-demo-p${id}`, ...by, group: null } : null,
        blocks,
      };
    }),
  }));
  return {
    title: 'Draft recommendations on data governance for climate action',
    symbol: 'EG/2026/1/Rev.1',
    draft: { sections: draftSections },
    governance,
  };
}

/** `[x][y]`: brackets that directly follow each other at the outermost level become Option 1 / Option 2. */
function markAdjacentAlternatives(runs: InlineRun[], paragraphId: string): void {
  let group = 0;
  for (let i = 0; i + 1 < runs.length; i++) {
    const a = runs[i]!.brackets[0];
    const b = runs[i + 1]!.brackets[0];
    if (!a || !b || a.id === b.id) continue;
    // Only when nothing lies between the two outer brackets.
    const gId = a.group ?? `g-${paragraphId}-${++group}`;
    for (const r of runs) for (const br of r.brackets) if (br.id === a.id || br.id === b.id) br.group = gId;
  }
}
