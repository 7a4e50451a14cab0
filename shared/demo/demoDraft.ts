import type { Role } from '../governance/roles.js';
import { type Proposer, parseBracketedText } from '../model/bracketText.js';
import type { DelegationKind } from '../model/delegation.js';
import type { Draft, InlineRun, Paragraph, ParagraphKind, Section } from '../model/draft.js';
import type { Actor, Governance, Objection, ParagraphStatus } from '../model/governance.js';
import type { ProposalKind } from '../model/proposals.js';

/**
 * The demo draft `npm start` opens: a realistic negotiating text — an expert group's
 * recommendations on global cybersecurity cooperation in five work areas — that shows every
 * feature at once: preambular and operative paragraphs, nested brackets, inline and
 * whole-paragraph alternatives, a "bis" paragraph, subparagraphs, objections, locks and every
 * status. Its symbol carries no revision: the chair issues the zero draft and Rev.1 from the app.
 * Ids are fixed so the demo is the same on every machine.
 */

const day = Date.UTC(2026, 10, 16, 9, 0);
const norway: Proposer = { by: 'demo-member', byName: 'Lars Eriksen (Delegation of Norway)', at: day };
const brazil: Proposer = { by: 'demo-brazil', byName: 'Ana Souza (Delegation of Brazil)', at: day + 3600_000 };
const industry: Proposer = { by: 'demo-industry', byName: 'Tom Becker (Global Cyber Alliance)', at: day + 7200_000 };
const kenya: Proposer = { by: 'demo-kenya', byName: 'Wanjiru Kamau (Delegation of Kenya)', at: day + 10_800_000 };
const chair: Actor = { id: 'demo-chair', name: 'Amina Diallo', affiliation: 'Chair (Senegal)' };

interface Spec {
  text: string;
  kind?: ParagraphKind;
  by?: Proposer;
  status?: ParagraphStatus;
  /** Agreed and locked by the chair. */
  locked?: boolean;
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
        locked: true,
        text: 'Recalling the mandate given to the Expert Group by the Plenary to recommend measures for global cooperation on cybersecurity,',
      },
      {
        kind: 'preambular',
        status: 'agreed',
        text: 'Recognizing that the security of information and communications technologies is essential to economic and social development and to the enjoyment of human rights,',
      },
      {
        kind: 'preambular',
        status: 'under_negotiation',
        by: brazil,
        text: 'Acknowledging the [significant] gaps in cybersecurity capacity between developed and developing countries, [and the need for predictable support to close them,]',
      },
      {
        kind: 'preambular',
        status: 'draft',
        text: 'Noting with appreciation the contributions of Member States, observers and stakeholders to the consultations held in 2026,',
      },
    ],
  },
  {
    heading: 'I. Legal measures',
    paragraphs: [
      {
        status: 'agreed',
        locked: true,
        text: 'States should adopt legislation that criminalizes offences against the confidentiality, integrity and availability of computer data and systems.',
      },
      {
        status: 'agreed',
        text: 'Procedural powers to investigate cybercrime shall be subject to conditions and safeguards that protect human rights, including the right to privacy.',
      },
      {
        status: 'agreed_ad_ref',
        text: 'States should review their legislation regularly to keep pace with technological change.',
      },
      {
        status: 'under_negotiation',
        by: industry,
        text: 'Cooperation between law enforcement and service providers should be [voluntary][encouraged through [appropriate] legal frameworks].',
      },
      {
        status: 'under_negotiation',
        by: norway,
        text: 'Requests for electronic evidence across borders [should][shall] be answered within agreed time limits.',
        objection: {
          by: brazil,
          reason: 'Binding time limits would conflict with judicial review requirements in several legal systems.',
        },
      },
      {
        status: 'draft',
        by: kenya,
        text: 'Legal frameworks should protect security researchers who report vulnerabilities in good faith.',
      },
    ],
  },
  {
    heading: 'II. Technical and procedural measures',
    paragraphs: [
      {
        status: 'agreed',
        text: 'The Expert Group recommends a common baseline of technical and procedural measures that includes:',
        items: [
          'coordinated vulnerability disclosure;',
          'incident reporting within defined time frames;',
          'secure development practices for software and connected devices.',
        ],
      },
      {
        status: 'under_negotiation',
        bracketed: true,
        by: industry,
        text: 'Operators of essential services with more than [250][500] employees should certify their systems against international standards.',
        objection: { by: brazil, reason: 'Mandatory certification is outside the mandate of the Expert Group.' },
      },
      {
        status: 'under_negotiation',
        by: norway,
        text: 'Technical standards shall be developed [by the Expert Group] [by a technical working group established for this purpose].',
      },
      {
        status: 'draft',
        text: 'States should protect the public core of the Internet against activities that impair its availability or integrity.',
      },
    ],
  },
  {
    heading: 'III. Organizational structures',
    paragraphs: [
      {
        status: 'agreed',
        text: 'Each State should designate a national computer security incident response team (CSIRT).',
      },
      {
        status: 'under_negotiation',
        alt: 'g-authority',
        by: brazil,
        text: 'Each State shall establish a national cybersecurity authority with a clear mandate and adequate resources.',
      },
      {
        status: 'under_negotiation',
        alt: 'g-authority',
        by: norway,
        text: 'States are invited to assign responsibility for cybersecurity to a lead agency, in accordance with national circumstances.',
      },
      {
        status: 'draft',
        bis: true,
        by: industry,
        text: 'National authorities [may][should] involve the private sector in the governance of national CSIRTs.',
      },
      {
        status: 'draft',
        text: 'National points of contact should be available at all times for urgent communications between States.',
      },
    ],
  },
  {
    heading: 'IV. Capacity building',
    paragraphs: [
      {
        status: 'agreed',
        locked: true,
        text: 'Capacity building should be demand-driven, nationally owned and sustainable.',
      },
      {
        status: 'under_negotiation',
        by: brazil,
        text: 'Developed countries shall provide [new and additional] financial resources for cybersecurity capacity building in developing countries.',
      },
      {
        status: 'under_negotiation',
        by: kenya,
        text: 'The secretariat shall prepare [, subject to the availability of resources,] a report on capacity needs by [2027][2028].',
      },
      {
        status: 'draft',
        text: 'Regional centres of excellence should host shared training facilities and cyber exercises.',
      },
      {
        status: 'draft',
        text: 'Donors should coordinate their cybersecurity assistance to avoid duplication and to reach the countries most in need.',
      },
    ],
  },
  {
    heading: 'V. International cooperation',
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
        by: kenya,
        text: 'States should share information on threats and incidents through [existing][new] regional and global mechanisms.',
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
      if (spec.locked) governance.locks[id] = { by: chair, at: day + 86_400_000 };
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
    title: 'Draft recommendations of the Expert Group on global cybersecurity cooperation',
    symbol: 'EG/2026/1',
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

/** The demo group's delegations (codes as in the room), and who speaks for which. */
export const demoDelegations: Array<{
  code: string;
  name: string;
  kind: DelegationKind;
  people: Array<{ id: string; name: string; role: Role }>;
}> = [
  {
    code: 'CHAIR',
    name: 'Chair (Senegal)',
    kind: 'member_state',
    people: [{ id: 'demo-chair', name: 'Amina Diallo', role: 'chair' }],
  },
  {
    code: 'NOR',
    name: 'Delegation of Norway',
    kind: 'member_state',
    people: [{ id: 'demo-member', name: 'Lars Eriksen', role: 'member' }],
  },
  {
    code: 'BRA',
    name: 'Delegation of Brazil',
    kind: 'member_state',
    people: [{ id: 'demo-brazil', name: 'Ana Souza', role: 'member' }],
  },
  {
    code: 'KEN',
    name: 'Delegation of Kenya',
    kind: 'member_state',
    people: [{ id: 'demo-kenya', name: 'Wanjiru Kamau', role: 'member' }],
  },
  {
    code: 'GCA',
    name: 'Global Cyber Alliance',
    kind: 'organisation',
    people: [{ id: 'demo-industry', name: 'Tom Becker', role: 'member' }],
  },
  {
    code: 'ISOC',
    name: 'Internet Society',
    kind: 'observer',
    people: [{ id: 'demo-observer', name: 'Mei Tanaka', role: 'observer' }],
  },
];

/**
 * Pending proposals the demo opens with, tabled and supported through the real commands
 * once the draft exists (their anchors are Yjs positions in it). A paragraph is named by
 * the start of its text; a span by the words it holds.
 */
export const demoProposals: Array<{
  paragraph: string;
  kind: ProposalKind;
  /** Span kinds: the words replaced or deleted, or (insert) the words the insertion follows. */
  words?: string;
  text: string;
  justification: string;
  by: string;
  support: string[];
  oppose: string[];
}> = [
  {
    paragraph: 'Legal frameworks should protect security researchers',
    kind: 'replace',
    words: 'should',
    text: 'shall',
    justification: 'Researchers acting in good faith need legal certainty, not a recommendation.',
    by: 'demo-brazil',
    support: ['demo-kenya'],
    oppose: ['demo-industry'],
  },
  {
    paragraph: 'Legal frameworks should protect security researchers',
    kind: 'replace',
    words: 'should',
    text: 'are encouraged to',
    justification: 'Legal systems differ; a softer formulation can be agreed by all.',
    by: 'demo-industry',
    support: [],
    oppose: [],
  },
  {
    paragraph: 'Regional centres of excellence should host',
    kind: 'insert',
    words: 'shared training facilities',
    text: ', online courses',
    justification: 'Online courses reach experts who cannot travel.',
    by: 'demo-kenya',
    support: ['demo-member', 'demo-brazil'],
    oppose: [],
  },
  {
    paragraph: 'National points of contact should be available',
    kind: 'addParagraph',
    text: 'Each point of contact should include both a technical and a policy contact.',
    justification: 'Incidents need both an operational and a political channel.',
    by: 'demo-industry',
    support: ['demo-member'],
    oppose: [],
  },
];

/** The demo's comments: a group thread with a reply, a resolved one, and one a delegation keeps to itself. */
export const demoComments: Array<{
  paragraph: string;
  words: string;
  by: string;
  visibility: 'group' | 'delegation';
  text: string;
  replies: Array<{ by: string; text: string }>;
  resolvedBy?: string;
}> = [
  {
    paragraph: 'Regional centres of excellence should host',
    words: 'shared training facilities',
    by: 'demo-kenya',
    visibility: 'group',
    text: 'Who funds these facilities? We would like the text to say.',
    replies: [{ by: 'demo-member', text: 'Voluntary contributions, as for the existing centres.' }],
  },
  {
    paragraph: 'Legal frameworks should protect security researchers',
    words: 'security researchers',
    by: 'demo-industry',
    visibility: 'group',
    text: 'Does this include researchers employed by companies?',
    replies: [{ by: 'demo-chair', text: 'Yes: anyone acting in good faith, whoever employs them.' }],
    resolvedBy: 'demo-chair',
  },
  {
    paragraph: 'Legal frameworks should protect security researchers',
    words: 'should',
    by: 'demo-brazil',
    visibility: 'delegation',
    text: 'Capital accepts "are encouraged to" as a fallback. Do not say so before Thursday.',
    replies: [],
  },
];
