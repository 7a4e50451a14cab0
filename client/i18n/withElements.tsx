import { Fragment, type ReactNode } from 'react';

/** A private-use character no translation contains: it marks where an element goes. */
export const SLOT = '\uE000';

/**
 * Puts elements (a <code>, a <bdi>) into a translated sentence at its placeholders: the caller
 * formats the message with SLOT for each element value, and this replaces the SLOTs in order.
 * Translators keep whole sentences (word order differs between languages) without markup.
 */
export function withElements(text: string, ...elements: ReactNode[]): ReactNode {
  const parts = text.split(SLOT);
  return parts.map((part, i) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one sentence never move
    <Fragment key={i}>
      {part}
      {i < parts.length - 1 ? elements[i] : null}
    </Fragment>
  ));
}
