import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { useTranslation } from 'react-i18next';
import { type AccordCommandName, shortcuts } from './AccordEditing';
import { proposeShortcut } from './SuggestionMode';
import { shortcutLabel } from './shortcutLabel';
import { suggestKey } from './suggest/suggestionPlugin';

/** Every toolbar action also has a keyboard shortcut; the button says which. Texts: `toolbar.actions.<name>`. */
const negotiationActions: AccordCommandName[] = [
  'bracketSelection',
  'toggleParagraphBracket',
  'addInlineAlternative',
  'addParagraphAlternative',
  'chooseOption',
  'removeBrackets',
  'insertParagraphBis',
  'toggleParagraphKind',
  'insertSection',
];

/**
 * Commands whose button is offered only where they apply to you: removing brackets that are
 * not yours and resolving others' alternatives are the chair's (the server refuses the rest).
 */
const gatedActions = ['chooseOption', 'removeBrackets'] as const;

export function Toolbar({ editor, onHelp }: { editor: Editor | null; onHelp: () => void }) {
  const { t } = useTranslation();
  const run = (name: AccordCommandName) => editor?.chain().focus()[name]().run();
  const allowed = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      chooseOption: e?.can().chooseOption() ?? false,
      removeBrackets: e?.can().removeBrackets() ?? false,
      proposing: e ? (suggestKey.getState(e.state)?.on ?? false) : false,
    }),
  });
  const proposing = allowed?.proposing ?? false;
  const offered = (name: AccordCommandName) =>
    !(gatedActions as readonly string[]).includes(name) || (allowed?.[name as (typeof gatedActions)[number]] ?? false);
  const withKeys = (label: string, key: string) => t('toolbar.withShortcut', { label, keys: shortcutLabel(key) });
  return (
    <div className="toolbar" role="toolbar" aria-label={t('toolbar.label')}>
      <button
        type="button"
        aria-label={withKeys(t('toolbar.bold'), 'Mod-b')}
        title={withKeys(t('toolbar.bold'), 'Mod-b')}
        aria-keyshortcuts="Control+B"
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => editor?.chain().focus().toggleBold().run()}
        disabled={!editor}
      >
        <strong aria-hidden="true">B</strong>
      </button>
      <button
        type="button"
        aria-label={withKeys(t('toolbar.italic'), 'Mod-i')}
        title={withKeys(t('toolbar.italic'), 'Mod-i')}
        aria-keyshortcuts="Control+I"
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => editor?.chain().focus().toggleItalic().run()}
        disabled={!editor}
      >
        <em aria-hidden="true">I</em>
      </button>
      <span className="toolbar-sep" aria-hidden="true" />
      <button
        type="button"
        className="propose-toggle"
        aria-pressed={proposing}
        title={withKeys(t('suggest.toggleLong'), proposeShortcut)}
        aria-keyshortcuts="Control+Shift+E"
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => editor?.chain().focus().toggleProposeMode().run()}
        disabled={!editor}
      >
        {t('suggest.toggle')}
        <span className="sr-only"> — {withKeys(t('suggest.toggleLong'), proposeShortcut)}</span>
      </button>
      <span className="toolbar-sep" aria-hidden="true" />
      {negotiationActions.map((name) => {
        const label = t(`toolbar.actions.${name}.label`);
        // The accessible name starts with the visible text (WCAG 2.5.3 label in name), then explains it.
        return (
          <button
            key={name}
            type="button"
            data-command={name}
            title={withKeys(label, shortcuts[name])}
            aria-keyshortcuts={ariaShortcut(shortcuts[name])}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => run(name)}
            disabled={!editor || !offered(name)}
          >
            <bdi>{t(`toolbar.actions.${name}.text`)}</bdi>
            <span className="sr-only"> — {withKeys(label, shortcuts[name])}</span>
          </button>
        );
      })}
      <span className="toolbar-sep" aria-hidden="true" />
      <button
        type="button"
        title={withKeys(t('toolbar.undoLong'), 'Mod-z')}
        aria-keyshortcuts="Control+Z"
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => editor?.chain().focus().undo().run()}
        disabled={!editor}
      >
        {t('toolbar.undo')}
        <span className="sr-only"> — {withKeys(t('toolbar.undoLong'), 'Mod-z')}</span>
      </button>
      <button
        type="button"
        title={withKeys(t('toolbar.redo'), 'Mod-y')}
        aria-keyshortcuts="Control+Y"
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => editor?.chain().focus().redo().run()}
        disabled={!editor}
      >
        {t('toolbar.redo')}
        <span className="sr-only"> ({shortcutLabel('Mod-y')})</span>
      </button>
      <button type="button" title={t('toolbar.keysLong')} onClick={onHelp}>
        <span aria-hidden="true">? </span>
        {t('toolbar.keys')}
        <span className="sr-only"> — {t('toolbar.keysLong')}</span>
      </button>
    </div>
  );
}

function ariaShortcut(key: string): string {
  return key
    .replace('Mod', 'Control')
    .replace(/-([a-z])$/, (_m, c: string) => `+${c.toUpperCase()}`)
    .replace(/-/g, '+');
}

export { negotiationActions };
