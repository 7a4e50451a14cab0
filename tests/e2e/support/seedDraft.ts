import type { Paragraph } from '../../../shared/model/draft.js';
import type { TestServer } from '../../support/testServer.js';

/** A plain paragraph of one run of text, for drafts seeded through the server's own setup. */
export function plainParagraph(id: string, text: string): Paragraph {
  return {
    id,
    kind: 'operative',
    bis: false,
    altGroup: null,
    bracket: null,
    blocks: [{ type: 'text', runs: [{ text, brackets: [] }] }],
  };
}

/** Creates a draft of one section with the given heading and paragraphs; returns its id. */
export async function seedDraft(
  server: TestServer,
  title: string,
  heading: string,
  paragraphs: Paragraph[],
): Promise<string> {
  const admin = await server.accord.store.users.get('admin');
  if (!admin) throw new Error('no admin');
  const record = await server.accord.setup.create(admin, title, null, {
    draft: { sections: [{ id: 's1', heading, paragraphs }] },
  });
  return record.id;
}
