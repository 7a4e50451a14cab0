import type { Proposer } from '../../shared/model/bracketText.js';
import type { Draft } from '../../shared/model/draft.js';
import { buildDraft } from './buildDraft.js';
import { DocxUnreadable, docxBlocks } from './docxBlocks.js';
import { ImportError } from './importError.js';
import { markdownBlocks } from './markdownBlocks.js';
import type { SourceBlock } from './sourceBlocks.js';
import { inspectZip, ZipRefused } from './zipInspection.js';

export { ImportError } from './importError.js';

/** Largest upload accepted (the route refuses bigger bodies before reading them). */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

export interface ImportedDraft {
  draft: Draft;
  /** The document's own title (Word "Title" style or a leading `# ` heading of its own), if any. */
  title: string | null;
}

/**
 * A zero draft the secretariat already has, or one of our own exports: Word (.docx) read through
 * mammoth's document model, Markdown through micromark; both become source blocks that
 * buildDraft.ts turns into a draft by the same rules (see there).
 */
export async function importDraft(file: Uint8Array, fileName: string, proposer: Proposer): Promise<ImportedDraft> {
  if (file.byteLength > MAX_IMPORT_BYTES) throw new ImportError(413, 'The file is larger than 10 MB.');
  const isZip = file[0] === 0x50 && file[1] === 0x4b;
  let blocks: SourceBlock[];
  if (/\.docx$/i.test(fileName) || isZip) blocks = await readDocx(file);
  else if (/\.(md|markdown|txt)$/i.test(fileName)) blocks = markdownBlocks(decodeText(file));
  else throw new ImportError(400, 'Import a Word document (.docx) or a Markdown file (.md).');
  const { draft, title } = buildDraft(blocks, proposer);
  if (draft.sections.every((s) => s.paragraphs.length === 0)) {
    throw new ImportError(400, 'The file has no paragraphs to import.');
  }
  return { draft, title };
}

function decodeText(file: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(file).replace(/^\uFEFF/, '');
  } catch {
    throw new ImportError(400, 'The Markdown file is not UTF-8 text.');
  }
}

async function readDocx(file: Uint8Array): Promise<SourceBlock[]> {
  // Sizes are checked, and every entry inflated into nothing with a cap, before mammoth reads anything.
  let names: string[];
  try {
    names = inspectZip(file).map((e) => e.name);
  } catch (err) {
    if (!(err instanceof ZipRefused)) throw err;
    if (err.reason === 'bomb') throw new ImportError(400, `The file looks like a zip bomb: ${err.message}.`);
    throw new ImportError(400, `This is not a Word document (.docx): ${err.message}.`);
  }
  if (!names.includes('word/document.xml')) {
    throw new ImportError(400, 'This is not a Word document (.docx): word/document.xml is missing.');
  }
  try {
    return await docxBlocks(file);
  } catch (err) {
    if (err instanceof DocxUnreadable) throw new ImportError(400, err.message);
    throw err;
  }
}
