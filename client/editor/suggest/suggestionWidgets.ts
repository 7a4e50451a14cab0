import { delegationColor } from './delegationColor';

/**
 * The DOM of a tracked change drawn by the editor (never part of the document): the proposed
 * text underlined, then the delegation's code in a badge, in the delegation's colour. The
 * struck text is an inline decoration (`<del>`) on the real text; see suggestionPlugin.ts and
 * proposalMarksPlugin.ts.
 */
export function insertionWidget(opts: {
  text: string;
  code: string;
  title: string;
  local: boolean;
  /** Marks a new paragraph rather than words. */
  paragraph?: boolean;
}): HTMLElement {
  const wrap = document.createElement('span');
  wrap.className = `accord-suggest${opts.local ? ' is-local' : ''}${opts.paragraph ? ' is-paragraph' : ''}`;
  wrap.contentEditable = 'false';
  wrap.title = opts.title;
  wrap.style.setProperty('--delegation-color', delegationColor(opts.code));
  if (opts.text) {
    const ins = document.createElement('ins');
    ins.className = 'accord-suggest-ins';
    ins.dir = 'auto';
    ins.textContent = opts.text;
    wrap.append(ins);
  }
  wrap.append(badge(opts.code, opts.title));
  return wrap;
}

export function badge(code: string, title: string): HTMLElement {
  const b = document.createElement('span');
  b.className = 'accord-suggest-badge';
  b.textContent = code;
  // Read out the whole attribution, not just three letters.
  b.setAttribute('aria-label', title);
  b.setAttribute('role', 'note');
  return b;
}

/** Attributes of the inline decoration striking through proposed deletions. */
export function deletionAttrs(code: string, title: string, local: boolean): Record<string, string> {
  return {
    nodeName: 'del',
    class: `accord-suggest-del${local ? ' is-local' : ''}`,
    title,
    style: `--delegation-color: ${delegationColor(code)}`,
  };
}
