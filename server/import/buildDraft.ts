import { bracketPairs, type Proposer } from '../../shared/model/bracketText.js';
import type { Block, Bracket, Draft, InlineRun, Paragraph, Section } from '../../shared/model/draft.js';
import { newId } from '../../shared/model/ids.js';
import { numberDraft, subparagraphLabel } from '../../shared/model/numbering.js';
import { firstGroup, optionLabel } from './exportLabels.js';
import { ImportError } from './importError.js';
import {
  LITERAL_CLOSE,
  LITERAL_OPEN,
  LITERAL_PAREN,
  NOT_A_NUMBER,
  NOTE_MARK,
  type Note,
  type Piece,
  type Place,
  plainText,
  type SourceBlock,
  superscript,
  type TableAt,
} from './sourceBlocks.js';
import { isRoman, parseNumber, type TypedNumber, typedLabelAt, typedNumberAt } from './typedNumbers.js';

/** A paragraph being read: blocks still as pieces, brackets not yet paired. */
type PendingBlock = { type: 'text'; pieces: Piece[] } | { type: 'list'; ordered: boolean; items: PendingBlock[][] };

interface Pending {
  number: TypedNumber | null;
  blocks: PendingBlock[];
  notes: { n: number; note: Note }[];
}

export interface BuiltDraft {
  draft: Draft;
  /** The document's own title, if it has one. */
  title: string | null;
}

/**
 * Turns source blocks into a draft, the same way for every format:
 * - headings are sections; a typed number ("12.", "7 bis", "PP3", "3 (Option 2)", a number and a
 *   tab) starts a paragraph and is dropped (numbers are computed) but sets bis, preambular and
 *   whole-paragraph alternatives;
 * - subparagraphs nest as lists; a typed label "(a)"/"(i)"/"•" is dropped and says ordered or not;
 * - `[...]` become brackets proposed by the importer (across the subparagraphs of a paragraph too),
 *   a paragraph enclosed in one bracket is a bracketed paragraph, "[Option 1: …][Option 2: …]" one
 *   inline alternative; brackets that were text in the file (LITERAL_OPEN/CLOSE) stay text;
 * - footnotes and endnotes are kept as text: the reference becomes a superscript number ("¹") and
 *   the note a last text block of its paragraph, "Footnote 1: …" (the editor has no notes);
 * - a table is refused, saying where it is.
 */
export function buildDraft(blocks: SourceBlock[], proposer: Proposer): BuiltDraft {
  return new DraftBuilder(proposer).build(blocks);
}

class DraftBuilder {
  private sections: Section[] = [];
  private current: Section | null = null;
  private pending: Pending | null = null;
  private title: string | null = null;
  private notes = 0;
  /** Depth of the last line placed, and of the line a relative list hangs from. */
  private lastDepth = 0;
  private base = 0;
  private lastAlternative: { number: string; group: string } | null = null;

  constructor(private readonly proposer: Proposer) {}

  build(blocks: SourceBlock[]): BuiltDraft {
    for (const b of blocks) {
      if (b.kind === 'title') {
        if (this.title === null && this.sections.length === 0 && this.pending === null) this.title = b.text;
        else this.heading([{ text: b.text }], []);
      } else if (b.kind === 'heading') this.heading(b.pieces, b.notes);
      else if (b.kind === 'table') this.refuseTable(b.at);
      else if (b.kind === 'anchor') this.base = this.lastDepth;
      else this.line(b.place, b.pieces, b.notes);
    }
    this.finish();
    // Headings with nothing under them (a cover page, a title typed as a heading) are not sections.
    return { draft: { sections: this.sections.filter((s) => s.paragraphs.length > 0) }, title: this.title };
  }

  private heading(pieces: Piece[], notes: Note[]): void {
    this.finish();
    const numbered = this.numberNotes(pieces, notes);
    const suffix = numbered.map(({ n, note }) => ` (${note.kind} ${n}: ${plainText(note.pieces)})`).join('');
    this.current = { id: newId('s'), heading: `${plainText(this.marked)}${suffix}`, paragraphs: [] };
    this.sections.push(this.current);
  }

  /** Pieces with note marks replaced by superscript numbers (set by numberNotes). */
  private marked: Piece[] = [];

  private numberNotes(pieces: Piece[], notes: Note[]): { n: number; note: Note }[] {
    const out: { n: number; note: Note }[] = [];
    let next = 0;
    this.marked = pieces.map((p) => ({
      ...p,
      text: p.text.replace(new RegExp(NOTE_MARK, 'g'), () => {
        const note = notes[next++];
        if (!note) return '';
        this.notes += 1;
        out.push({ n: this.notes, note });
        return superscript(this.notes);
      }),
    }));
    return out;
  }

  private line(place: Place, raw: Piece[], notes: Note[]): void {
    const numbered = this.numberNotes(raw, notes);
    let pieces = this.marked;
    const text = pieces.map((p) => p.text).join('');
    if (place.role === 'paragraph' || place.role === 'auto') {
      const explicit = place.role === 'paragraph' && place.number !== undefined ? parseNumber(place.number) : null;
      const typed = explicit ? null : typedNumberAt(text);
      const label = typedLabelAt(text.replaceAll(NOT_A_NUMBER, ''));
      if (place.role === 'auto' && !typed && label && this.pending) {
        this.item(this.depthOfLabel(label.label), null, pieces, numbered);
        return;
      }
      this.startParagraph(explicit ?? typed?.number ?? null);
      if (typed) pieces = dropPrefix(pieces, typed.length);
      // Our DOCX export writes a paragraph that opens with a subparagraph as "7\t(a)\t…".
      if (/^(?:\([a-z]{1,4}\)|•)\t/.test(pieces.map((p) => p.text).join(''))) {
        this.item(1, null, pieces, numbered);
        return;
      }
      this.pending!.blocks.push({ type: 'text', pieces });
      this.pending!.notes.push(...numbered);
      this.lastDepth = 0;
      return;
    }
    if (!this.pending) this.startParagraph(null);
    if (place.role === 'continuation') {
      const wanted = place.depth + (place.relative ? this.base : 0);
      const { blocks, depth } = this.itemAt(wanted);
      blocks.push({ type: 'text', pieces });
      this.pending!.notes.push(...numbered);
      this.lastDepth = depth;
      return;
    }
    this.item(place.depth + (place.relative ? this.base : 0), place.ordered, pieces, numbered);
  }

  /** "(a)" is a first-level subparagraph; "(i)" a second-level one unless it is the letter after "(h)". */
  private depthOfLabel(label: string): number {
    if (!isRoman(label)) return 1;
    const list = this.lastList(this.pending!.blocks);
    const nextLetter = list ? subparagraphLabel(0, list.items.length) : '(a)';
    return label === nextLetter ? 1 : 2;
  }

  private lastList(blocks: PendingBlock[]): Extract<PendingBlock, { type: 'list' }> | null {
    const last = blocks[blocks.length - 1];
    return last?.type === 'list' ? last : null;
  }

  /** A subparagraph at `depth` (clamped to one below the deepest open one), its typed label dropped. */
  private item(depth: number, ordered: boolean | null, raw: Piece[], notes: { n: number; note: Note }[]): void {
    const text = raw.map((p) => p.text).join('');
    const label = typedLabelAt(text.replaceAll(NOT_A_NUMBER, ''));
    const pieces = label ? dropPrefix(raw, label.length) : raw;
    const isOrdered = ordered ?? (label !== null && label.label !== '•');
    const parent = this.itemAt(Math.max(0, depth - 1));
    const last = this.lastList(parent.blocks);
    // "(a)" or "(i)" starts a new list where one already ran; otherwise items join the list before them.
    const restart = label !== null && (label.label === '(a)' || (label.label === '(i)' && parent.depth % 2 === 1));
    const list =
      last && last.ordered === isOrdered && !(restart && last.items.length > 0)
        ? last
        : ({ type: 'list', ordered: isOrdered, items: [] } as Extract<PendingBlock, { type: 'list' }>);
    if (list !== last) parent.blocks.push(list);
    list.items.push([{ type: 'text', pieces }]);
    this.pending!.notes.push(...notes);
    this.lastDepth = parent.depth + 1;
  }

  /** The blocks of the open item at `depth` (0: the paragraph itself), or of the deepest one there is. */
  private itemAt(depth: number): { blocks: PendingBlock[]; depth: number } {
    let blocks = this.pending!.blocks;
    let d = 0;
    while (d < depth) {
      const list = this.lastList(blocks);
      const item = list?.items[list.items.length - 1];
      if (!item) break;
      blocks = item;
      d++;
    }
    return { blocks, depth: d };
  }

  private startParagraph(number: TypedNumber | null): void {
    this.finish();
    if (!this.current) {
      this.current = { id: newId('s'), heading: 'Introduction', paragraphs: [] };
      this.sections.push(this.current);
    }
    this.pending = { number, blocks: [], notes: [] };
    this.lastDepth = 0;
    this.base = 0;
  }

  private finish(): void {
    const pending = this.pending;
    this.pending = null;
    if (!pending || !this.current) return;
    const { blocks, bracket } = pairBrackets(pending.blocks, this.proposer);
    for (const { n, note } of pending.notes) {
      const runs = pairBrackets(
        [{ type: 'text', pieces: [{ text: `${note.kind} ${n}: ` }, ...note.pieces] }],
        this.proposer,
      );
      blocks.push(...runs.blocks);
    }
    if (!hasText(blocks)) return;
    const typed = pending.number;
    // "3 (Option 1)", "3 (Option 2)": the options of one whole-paragraph alternative share a group.
    let altGroup: string | null = null;
    if (typed?.option != null) {
      if (typed.option === 1 || this.lastAlternative?.number !== typed.number) {
        this.lastAlternative = { number: typed.number, group: newId('alt') };
      }
      altGroup = this.lastAlternative.group;
    }
    const p: Paragraph = {
      id: newId('p'),
      kind: (typed ? typed.preambular : /preamb/i.test(this.current.heading)) ? 'preambular' : 'operative',
      bis: typed?.bis ?? false,
      altGroup,
      bracket,
      blocks,
    };
    this.current.paragraphs.push(p);
  }

  private refuseTable(at: TableAt): never {
    this.finish();
    const draft = { sections: this.sections };
    const labels = numberDraft(draft);
    const section = this.current;
    const lastParagraph = section?.paragraphs[section.paragraphs.length - 1];
    const after = lastParagraph ? labels.get(lastParagraph.id)?.number : undefined;
    const where = [
      at.line !== undefined ? `at line ${at.line}` : null,
      after ? `after paragraph ${after}` : section ? 'at the start' : 'before the first heading',
      section ? `of section "${section.heading}"` : null,
    ]
      .filter((x) => x !== null)
      .join(' ');
    const first = at.firstCell !== '' ? ` (first cell "${at.firstCell}")` : '';
    throw new ImportError(
      400,
      `The file has a table of ${at.rows} row${at.rows === 1 ? '' : 's'} and ${at.columns} column${at.columns === 1 ? '' : 's'}${first} ${where}. ` +
        'A draft holds numbered paragraphs, not tables: turn the table into paragraphs (or remove it) and import again.',
      { table: { ...at, section: section?.heading ?? null, afterParagraph: after ?? null } },
    );
  }
}

function hasText(blocks: Block[]): boolean {
  return blocks.some((b) =>
    b.type === 'text' ? b.runs.some((r) => r.text.trim() !== '') : b.items.some((item) => hasText(item)),
  );
}

/** Drops the first `n` characters of the pieces' text (a typed number or label). */
function dropPrefix(pieces: Piece[], n: number): Piece[] {
  // NOT_A_NUMBER marks count for nothing (a label is matched without them) and go with the prefix.
  let rest = n;
  const out: Piece[] = [];
  for (const p of pieces) {
    if (rest === 0) {
      out.push(p);
      continue;
    }
    let i = 0;
    while (i < p.text.length && (rest > 0 || p.text[i] === NOT_A_NUMBER)) {
      if (p.text[i] !== NOT_A_NUMBER) rest--;
      i++;
    }
    if (i < p.text.length) out.push({ ...p, text: p.text.slice(i) });
  }
  return out;
}

interface Char {
  c: string;
  bold: boolean;
  italic: boolean;
}

/**
 * Pairs brackets over the whole paragraph (a bracket may run over subparagraphs), then rebuilds
 * its blocks as runs: white space collapsed and trimmed in each block, literal brackets restored,
 * inline alternatives found, and a bracket around the whole paragraph made the paragraph's own.
 */
function pairBrackets(pending: PendingBlock[], proposer: Proposer): { blocks: Block[]; bracket: Bracket | null } {
  // Every text block's characters in reading order, each remembering its block.
  const texts: Char[][] = [];
  const collect = (bs: PendingBlock[]) => {
    for (const b of bs) {
      if (b.type === 'text') {
        texts.push(
          normaliseSpace(b.pieces.flatMap((p) => [...p.text].map((c) => ({ c, bold: !!p.bold, italic: !!p.italic })))),
        );
      } else for (const item of b.items) collect(item);
    }
  };
  collect(pending);
  const flat = texts.flatMap((chars, block) => chars.map((ch, i) => ({ ...ch, block, i })));
  const pairs = bracketPairs(flat.map((x) => x.c));
  const structural = new Set(pairs.flat());
  const ids = new Map(pairs.map(([open]) => [open, { id: newId('b'), ...proposer, group: null } as Bracket]));
  let whole: Bracket | null = null;
  const visible = flat.flatMap((x, i) => (!structural.has(i) && x.c.trim() !== '' ? [i] : []));
  const wholePair = [...pairs]
    .sort((a, b) => a[0] - b[0])
    .find(([o, c]) => visible.length > 0 && o < visible[0]! && c > visible[visible.length - 1]!);
  if (wholePair) {
    whole = ids.get(wholePair[0])!;
    ids.delete(wholePair[0]);
  }
  const sorted = pairs.filter(([o]) => ids.has(o)).sort((a, b) => a[0] - b[0]);
  const runsOf: InlineRun[][] = texts.map(() => []);
  flat.forEach((x, i) => {
    if (structural.has(i)) return;
    const brackets = sorted.filter(([o, c]) => o < i && i < c).map(([o]) => ids.get(o)!);
    const text = x.c === LITERAL_OPEN ? '[' : x.c === LITERAL_CLOSE ? ']' : x.c === LITERAL_PAREN ? '(' : x.c;
    const runs = runsOf[x.block]!;
    const last = runs[runs.length - 1];
    if (last && !!last.bold === x.bold && !!last.italic === x.italic && sameBrackets(last.brackets, brackets)) {
      last.text += text;
    } else {
      runs.push({ text, ...(x.bold ? { bold: true } : {}), ...(x.italic ? { italic: true } : {}), brackets });
    }
  });
  // The same blocks, with runs in place of pieces.
  let next = 0;
  const rebuild = (bs: PendingBlock[]): Block[] =>
    bs.flatMap((b): Block[] => {
      if (b.type === 'text') {
        const runs = trimRuns(labelledOptions(runsOf[next++]!));
        return runs.length > 0 ? [{ type: 'text', runs }] : [];
      }
      const items = b.items.map(rebuild).filter((item) => item.length > 0);
      return items.length > 0 ? [{ type: 'list', ordered: b.ordered, items }] : [];
    });
  return { blocks: rebuild(pending), bracket: whole };
}

/** Tabs and runs of white space become one space; none at the start or end of a block. */
function normaliseSpace(chars: Char[]): Char[] {
  const out: Char[] = [];
  for (const ch of chars) {
    if (ch.c === NOT_A_NUMBER) continue;
    const space = /\s/.test(ch.c);
    if (space && (out.length === 0 || out[out.length - 1]!.c === ' ')) continue;
    out.push(space ? { ...ch, c: ' ' } : ch);
  }
  while (out.length > 0 && out[out.length - 1]!.c === ' ') out.pop();
  return out;
}

/** After option labels go, no run starts or ends the block with a space, and none is empty. */
function trimRuns(runs: InlineRun[]): InlineRun[] {
  const out = runs.filter((r) => r.text !== '');
  if (out[0]) out[0].text = out[0].text.trimStart();
  const last = out[out.length - 1];
  if (last) last.text = last.text.trimEnd();
  return out.filter((r) => r.text !== '');
}

function sameBrackets(a: Bracket[], b: Bracket[]): boolean {
  return a.length === b.length && a.every((x, i) => x.id === b[i]?.id);
}

/**
 * "[Option 1: should][Option 2: shall]", as our exports and the UN practice print an inline
 * alternative, becomes one alternative: the labels go (they are computed) and the adjacent
 * option brackets share a group, at any depth of nesting. A bracket whose text does not start
 * with "Option n:" is plain, and a lone "Option 1:" is not an alternative: its text stays as typed.
 */
export function labelledOptions(runs: InlineRun[]): InlineRun[] {
  // "Option 1:" in any of the six languages ("Option 1 :", "الخيار 1:", "备选案文1：").
  const label = optionLabel;
  interface Span {
    bracket: Bracket;
    parent: Bracket | null;
    start: number;
    end: number;
    labelLength: number | null;
    first: boolean;
  }
  const spans = new Map<string, Span>();
  runs.forEach((run, i) => {
    run.brackets.forEach((b, depth) => {
      const span = spans.get(b.id);
      if (span) span.end = i;
      else
        spans.set(b.id, {
          bracket: b,
          parent: run.brackets[depth - 1] ?? null,
          start: i,
          end: i,
          labelLength: null,
          first: false,
        });
    });
  });
  for (const span of spans.values()) {
    // The bracket's own text before anything nested in it, over as many runs as it takes.
    let text = '';
    for (let j = span.start; j <= span.end && runs[j]!.brackets.at(-1) === span.bracket; j++) text += runs[j]!.text;
    const m = label.exec(text);
    if (m) {
      span.labelLength = m[0].length;
      span.first = firstGroup(m) === '1';
    }
  }
  const siblings = new Map<string | null, Span[]>();
  for (const span of spans.values()) {
    const key = span.parent?.id ?? null;
    siblings.set(key, [...(siblings.get(key) ?? []), span]);
  }
  for (const list of siblings.values()) {
    let group: Span[] = [];
    const close = () => {
      if (group.length > 1) {
        const id = newId('g');
        for (const o of group) {
          o.bracket.group = id;
          dropLabel(runs, o.start, o.bracket, o.labelLength!);
        }
      }
      group = [];
    };
    list.forEach((span, k) => {
      const previous = list[k - 1];
      // Only spaces may stand between the options of one alternative.
      const between = previous
        ? runs
            .slice(previous.end + 1, span.start)
            .map((r) => r.text)
            .join('')
        : '';
      if (span.labelLength === null || span.first || between.trim() !== '') close();
      if (span.labelLength !== null) group.push(span);
    });
    close();
  }
  return runs.filter((r) => r.text !== '');
}

/** Drops an option's "Option n: " from the runs where the bracket is innermost, from its start. */
function dropLabel(runs: InlineRun[], start: number, bracket: Bracket, length: number): void {
  let rest = length;
  for (let j = start; rest > 0 && j < runs.length && runs[j]!.brackets.at(-1) === bracket; j++) {
    const r = runs[j]!;
    const cut = Math.min(rest, r.text.length);
    r.text = r.text.slice(cut);
    rest -= cut;
  }
}
