import type { Editor } from '@tiptap/core';
import { type AccordCommandName, shortcuts } from './AccordEditing';
import { shortcutLabel } from './shortcutLabel';

interface Action {
  name: AccordCommandName;
  label: string;
  text: string;
}

/** Every toolbar action also has a keyboard shortcut; the button says which. */
const negotiationActions: Action[] = [
  { name: 'bracketSelection', label: 'Bracket the selected text', text: '[ ]' },
  { name: 'toggleParagraphBracket', label: 'Bracket or unbracket the whole paragraph', text: '[¶]' },
  { name: 'addInlineAlternative', label: 'Add an alternative wording (Option)', text: 'Option +' },
  { name: 'addParagraphAlternative', label: 'Add an alternative paragraph', text: 'Alt ¶ +' },
  { name: 'chooseOption', label: 'Choose this option (resolve the alternative)', text: 'Choose' },
  { name: 'removeBrackets', label: 'Remove the bracket at the cursor', text: 'Unbracket' },
  { name: 'insertParagraphBis', label: 'Insert a paragraph bis after this one', text: '¶ bis' },
  { name: 'toggleParagraphKind', label: 'Switch between preambular and operative paragraph', text: 'PP / OP' },
  { name: 'insertSection', label: 'Insert a new section', text: 'Section +' },
];

export function Toolbar({ editor, onHelp }: { editor: Editor | null; onHelp: () => void }) {
  const run = (name: AccordCommandName) => editor?.chain().focus()[name]().run();
  return (
    <div className="toolbar" role="toolbar" aria-label="Editing and negotiation tools">
      <button
        type="button"
        aria-label={`Bold (${shortcutLabel('Mod-b')})`}
        title={`Bold (${shortcutLabel('Mod-b')})`}
        aria-keyshortcuts="Control+B"
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => editor?.chain().focus().toggleBold().run()}
        disabled={!editor}
      >
        <strong>B</strong>
      </button>
      <button
        type="button"
        aria-label={`Italic (${shortcutLabel('Mod-i')})`}
        title={`Italic (${shortcutLabel('Mod-i')})`}
        aria-keyshortcuts="Control+I"
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => editor?.chain().focus().toggleItalic().run()}
        disabled={!editor}
      >
        <em>I</em>
      </button>
      <span className="toolbar-sep" aria-hidden="true" />
      {negotiationActions.map((a) => (
        <button
          key={a.name}
          type="button"
          data-command={a.name}
          aria-label={`${a.label} (${shortcutLabel(shortcuts[a.name])})`}
          title={`${a.label} (${shortcutLabel(shortcuts[a.name])})`}
          aria-keyshortcuts={ariaShortcut(shortcuts[a.name])}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => run(a.name)}
          disabled={!editor}
        >
          {a.text}
        </button>
      ))}
      <span className="toolbar-sep" aria-hidden="true" />
      <button
        type="button"
        aria-label={`Undo my last change (${shortcutLabel('Mod-z')})`}
        title={`Undo my last change (${shortcutLabel('Mod-z')})`}
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => editor?.chain().focus().undo().run()}
        disabled={!editor}
      >
        Undo
      </button>
      <button
        type="button"
        aria-label={`Redo (${shortcutLabel('Mod-y')})`}
        title={`Redo (${shortcutLabel('Mod-y')})`}
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => editor?.chain().focus().redo().run()}
        disabled={!editor}
      >
        Redo
      </button>
      <button type="button" aria-label="Keyboard shortcuts" onClick={onHelp}>
        ? Keys
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
