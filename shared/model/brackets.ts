import type { Block, Bracket, Draft, InlineRun, Paragraph } from './draft.js';

/** Where one bracket opens and closes in a run list (offsets in its concatenated text). */
export interface BracketSpan {
  bracket: Bracket;
  from: number;
  to: number;
  /** 1-based option number when the bracket is one of an inline alternative's options. */
  option: number | null;
}

export function bracketSpans(runs: InlineRun[]): BracketSpan[] {
  const spans = new Map<string, BracketSpan>();
  const optionsSeen = new Map<string, number>();
  let offset = 0;
  for (const run of runs) {
    for (const b of run.brackets) {
      const span = spans.get(b.id);
      if (span) span.to = offset + run.text.length;
      else {
        let option: number | null = null;
        if (b.group !== null) {
          option = (optionsSeen.get(b.group) ?? 0) + 1;
          optionsSeen.set(b.group, option);
        }
        spans.set(b.id, { bracket: b, from: offset, to: offset + run.text.length, option });
      }
    }
    offset += run.text.length;
  }
  return [...spans.values()];
}

/**
 * Plain text with the structured brackets written as `[` `]` (properly nested, outermost
 * first) and inline alternatives labelled `[Option 1: …]`. Used by the plain exports and
 * the comparison; the editor renders brackets itself.
 */
export function bracketedText(runs: InlineRun[], opts: { optionLabels?: boolean } = {}): string {
  const labels = opts.optionLabels ?? true;
  const options = new Map(bracketSpans(runs).map((s) => [s.bracket.id, s.option]));
  const open: string[] = [];
  let out = '';
  const closeTo = (depth: number) => {
    while (open.length > depth) {
      open.pop();
      out += ']';
    }
  };
  for (const run of runs) {
    let common = 0;
    while (common < open.length && common < run.brackets.length && open[common] === run.brackets[common]?.id) common++;
    closeTo(common);
    for (const b of run.brackets.slice(common)) {
      open.push(b.id);
      const option = options.get(b.id) ?? null;
      out += labels && option !== null ? `[Option ${option}: ` : '[';
    }
    out += run.text;
  }
  closeTo(0);
  return out;
}

/** Runs of a block list in reading order (list items flattened); iterative, so any depth will do. */
export function blockRuns(blocks: Block[]): InlineRun[] {
  const runs: InlineRun[] = [];
  const stack: Block[] = [];
  for (let i = blocks.length - 1; i >= 0; i--) stack.push(blocks[i] as Block);
  while (stack.length > 0) {
    const block = stack.pop() as Block;
    if (block.type === 'text') {
      for (const run of block.runs) runs.push(run);
      continue;
    }
    for (let i = block.items.length - 1; i >= 0; i--) {
      const item = block.items[i] as Block[];
      for (let j = item.length - 1; j >= 0; j--) stack.push(item[j] as Block);
    }
  }
  return runs;
}

/** Every distinct bracket in a paragraph: the whole-paragraph one and the inline ones. */
export function bracketsIn(p: Paragraph): Bracket[] {
  const seen = new Map<string, Bracket>();
  if (p.bracket) seen.set(p.bracket.id, p.bracket);
  for (const run of blockRuns(p.blocks)) for (const b of run.brackets) if (!seen.has(b.id)) seen.set(b.id, b);
  return [...seen.values()];
}

/**
 * A paragraph is not agreeable while anything in it is bracketed or while it is one
 * option of an unresolved whole-paragraph alternative.
 */
export function hasOpenBrackets(p: Paragraph): boolean {
  return p.altGroup !== null || bracketsIn(p).length > 0;
}

export function countOpenBrackets(draft: Draft): number {
  let n = 0;
  for (const s of draft.sections) for (const p of s.paragraphs) n += bracketsIn(p).length;
  return n;
}
