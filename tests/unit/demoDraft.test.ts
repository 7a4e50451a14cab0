import { describe, expect, it } from 'vitest';
import { demoDraft } from '../../shared/demo/demoDraft.js';
import { bracketsIn } from '../../shared/model/brackets.js';
import { paragraphStatuses } from '../../shared/model/governance.js';
import { formatLabel, numberDraft } from '../../shared/model/numbering.js';

describe('the demo draft', () => {
  const demo = demoDraft();
  const paragraphs = demo.draft.sections.flatMap((s) => s.paragraphs);

  it("is an expert group's recommendations on global cybersecurity cooperation in five work areas", () => {
    expect(demo.title).toMatch(/cybersecurity cooperation/i);
    expect(demo.draft.sections.map((s) => s.heading)).toEqual([
      'Preamble',
      'I. Legal measures',
      'II. Technical and procedural measures',
      'III. Organizational structures',
      'IV. Capacity building',
      'V. International cooperation',
    ]);
    expect(JSON.stringify(demo.draft)).not.toMatch(/climate/i);
  });

  it('names no revision before one is issued (exports would read "…Rev.1-Rev.1…")', () => {
    expect(demo.symbol).toBe('EG/2026/1');
    expect(demo.symbol).not.toMatch(/rev/i);
  });

  it('shows every feature: preambular and operative, nested brackets, alternatives, bis, subparagraphs', () => {
    expect(new Set(paragraphs.map((p) => p.kind))).toEqual(new Set(['preambular', 'operative']));
    const brackets = paragraphs.flatMap((p) => bracketsIn(p));
    expect(brackets.length).toBeGreaterThan(10);
    // Nested: some text run sits inside two brackets at once.
    const runs = paragraphs.flatMap((p) => p.blocks.flatMap((b) => (b.type === 'text' ? b.runs : [])));
    expect(runs.some((r) => r.brackets.length >= 2)).toBe(true);
    expect(runs.some((r) => r.brackets.some((b) => b.group !== null))).toBe(true);
    const altGroups = paragraphs.filter((p) => p.altGroup).map((p) => p.altGroup);
    expect(new Set(altGroups).size).toBeGreaterThanOrEqual(2);
    expect(paragraphs.some((p) => p.bracket !== null)).toBe(true);
    expect(paragraphs.some((p) => p.blocks.some((b) => b.type === 'list' && b.ordered))).toBe(true);
    const labels = numberDraft(demo.draft);
    const bis = paragraphs.find((p) => p.bis);
    expect(bis && formatLabel(labels.get(bis.id)!)).toMatch(/bis/);
  });

  it('has every status, standing objections, and locks only on agreed paragraphs', () => {
    const statuses = new Set(Object.values(demo.governance.statuses));
    for (const s of paragraphStatuses) expect(statuses.has(s), s).toBe(true);
    expect(demo.governance.objections.filter((o) => o.state === 'standing')).toHaveLength(2);
    const locked = Object.keys(demo.governance.locks);
    expect(locked.length).toBeGreaterThanOrEqual(2);
    for (const id of locked) expect(demo.governance.statuses[id]).toBe('agreed');
    for (const [id, lock] of Object.entries(demo.governance.locks)) {
      expect(lock.by.name, id).toBe('Amina Diallo');
    }
  });
});
