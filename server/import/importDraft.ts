import { unzipSync } from 'fflate';
import mammoth from 'mammoth';
import { type Proposer, parseBracketedText } from '../../shared/model/bracketText.js';
import type { Draft, Paragraph, Section } from '../../shared/model/draft.js';
import { newId } from '../../shared/model/ids.js';

export class ImportError extends Error {
  constructor(
    readonly status: 400 | 413,
    message: string,
  ) {
    super(message);
  }
}

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
const MAX_UNZIPPED_BYTES = 50 * 1024 * 1024;
const MAX_RATIO = 100;

interface SourceBlock {
  heading: boolean;
  text: string;
}

/**
 * A zero draft the secretariat already has: headings become sections, paragraphs and
 * list items become paragraphs, `[...]` becomes structured brackets (proposed by the
 * importer), typed numbers ("12.", "PP3") are dropped because numbers are computed.
 */
export async function importDraft(file: Uint8Array, fileName: string, proposer: Proposer): Promise<Draft> {
  if (file.byteLength > MAX_IMPORT_BYTES) throw new ImportError(413, 'The file is larger than 10 MB.');
  const isZip = file[0] === 0x50 && file[1] === 0x4b;
  let blocks: SourceBlock[];
  if (/\.docx$/i.test(fileName) || isZip) blocks = await docxBlocks(file);
  else if (/\.(md|markdown|txt)$/i.test(fileName)) blocks = markdownBlocks(new TextDecoder().decode(file));
  else throw new ImportError(400, 'Import a Word document (.docx) or a Markdown file (.md).');
  const draft = toDraft(blocks, proposer);
  if (draft.sections.every((s) => s.paragraphs.length === 0))
    throw new ImportError(400, 'The file has no paragraphs to import.');
  return draft;
}

async function docxBlocks(file: Uint8Array): Promise<SourceBlock[]> {
  // Check sizes from the zip directory before inflating anything: a zip bomb is refused unread.
  let total = 0;
  let hasDocument = false;
  try {
    unzipSync(file, {
      filter: (entry) => {
        total += entry.originalSize;
        if (entry.name === 'word/document.xml') hasDocument = true;
        if (entry.originalSize > MAX_RATIO * Math.max(entry.size, 1024)) {
          throw new ImportError(
            400,
            `The file looks like a zip bomb (${entry.name} expands ${Math.round(entry.originalSize / Math.max(entry.size, 1))}×).`,
          );
        }
        return false;
      },
    });
  } catch (err) {
    if (err instanceof ImportError) throw err;
    throw new ImportError(400, 'This is not a Word document (.docx): the file is not a valid zip archive.');
  }
  if (total > MAX_UNZIPPED_BYTES) throw new ImportError(400, 'The document expands to more than 50 MB; it is refused.');
  if (!hasDocument) throw new ImportError(400, 'This is not a Word document (.docx): word/document.xml is missing.');
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: Buffer.from(file) })).value;
  } catch {
    throw new ImportError(400, 'The Word document could not be read.');
  }
  const blocks: SourceBlock[] = [];
  for (const m of html.matchAll(/<(h[1-6]|p|li)(?:\s[^>]*)?>([\s\S]*?)<\/\1>/g)) {
    const text = decodeEntities(m[2]!.replace(/<[^>]+>/g, '')).trim();
    if (text !== '') blocks.push({ heading: m[1]!.startsWith('h'), text });
  }
  return blocks;
}

function markdownBlocks(source: string): SourceBlock[] {
  const blocks: SourceBlock[] = [];
  let pending: string[] = [];
  const flush = () => {
    if (pending.length > 0) blocks.push({ heading: false, text: pending.join(' ').trim() });
    pending = [];
  };
  for (const raw of source.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trim();
    const heading = /^#{1,6}\s+(.*)$/.exec(line);
    const item = /^(?:[-*+]|\d+[.)])\s+(.*)$/.exec(line);
    if (heading) {
      flush();
      blocks.push({ heading: true, text: stripMarkdown(heading[1]!) });
    } else if (line === '') flush();
    else if (item && !/^\d+[.)]\s/.test(line)) {
      flush();
      pending.push(stripMarkdown(item[1]!));
    } else pending.push(stripMarkdown(line));
  }
  flush();
  return blocks.filter((b) => b.text !== '');
}

/** Emphasis markers go; escaped brackets `\[` stay literal text (private-use stand-ins while parsing). */
function stripMarkdown(s: string): string {
  return s
    .replace(/\\\[/g, '\uE000')
    .replace(/\\\]/g, '\uE001')
    .replace(/\*\*|__/g, '')
    .replace(/\\([\\`*_{}()#+\-.!|<>~])/g, '$1');
}

const typedNumber = /^(?:PP\s*)?\d+(?:\s+(?:bis|ter|quater|quinquies))?\s*[.)]?\s+/i;

function toDraft(blocks: SourceBlock[], proposer: Proposer): Draft {
  const sections: Section[] = [];
  let current: Section | null = null;
  for (const b of blocks) {
    if (b.heading) {
      current = { id: newId('s'), heading: restore(b.text), paragraphs: [] };
      sections.push(current);
      continue;
    }
    if (!current) {
      current = { id: newId('s'), heading: 'Introduction', paragraphs: [] };
      sections.push(current);
    }
    const text = b.text.replace(typedNumber, '');
    const runs = parseBracketedText(text, proposer).map((r) => ({ ...r, text: restore(r.text) }));
    const p: Paragraph = {
      id: newId('p'),
      kind: /preamb/i.test(current.heading) || /^PP\s*\d/i.test(b.text) ? 'preambular' : 'operative',
      bis: false,
      altGroup: null,
      bracket: null,
      blocks: [{ type: 'text', runs }],
    };
    current.paragraphs.push(p);
  }
  return { sections };
}

function restore(s: string): string {
  return s.replace(/\uE000/g, '[').replace(/\uE001/g, ']');
}

function decodeEntities(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&');
}
