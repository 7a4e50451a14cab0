import { Extension } from '@tiptap/core';
import type { Role } from '../../shared/governance/roles';
import { addInlineAlternative } from './commands/addInlineAlternative';
import { addParagraphAlternative } from './commands/addParagraphAlternative';
import { bracketSelection } from './commands/bracketSelection';
import { chooseOption } from './commands/chooseOption';
import { insertParagraphBis } from './commands/insertParagraphBis';
import { insertSection } from './commands/insertSection';
import { removeBrackets } from './commands/removeBrackets';
import { leaveHeading, splitClause, splitWithinClause } from './commands/splitClause';
import { toggleParagraphBracket } from './commands/toggleParagraphBracket';
import { toggleParagraphKind } from './commands/toggleParagraphKind';
import { draftDecorationsPlugin } from './plugins/draftDecorationsPlugin';
import { prepareForeignTransaction } from './plugins/foreignTransaction';
import { govStatePlugin } from './plugins/govState';
import { keepMarksOnOverwritePlugin } from './plugins/keepMarksOnOverwritePlugin';
import { localSelectionPlugin } from './plugins/localSelectionPlugin';
import { lockGuardPlugin } from './plugins/lockGuardPlugin';
import { stableIdsPlugin } from './plugins/stableIdsPlugin';
import type { Proposer } from './proposer';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    accord: {
      bracketSelection: () => ReturnType;
      toggleParagraphBracket: () => ReturnType;
      addInlineAlternative: () => ReturnType;
      addParagraphAlternative: () => ReturnType;
      chooseOption: () => ReturnType;
      removeBrackets: () => ReturnType;
      insertParagraphBis: () => ReturnType;
      toggleParagraphKind: () => ReturnType;
      insertSection: () => ReturnType;
    };
  }
}

export interface AccordEditingOptions {
  /** The signed-in person, stamped on every bracket they create. */
  proposer: Proposer;
  /** Their role on this draft: removing others' brackets and resolving alternatives are the chair's. */
  role: Role;
}

/**
 * Keyboard shortcuts of the negotiation commands, shown in the toolbar's tooltips and
 * the help dialog. Ctrl+Alt (Cmd+Alt on a Mac) + a letter, none taken by the browser.
 */
export const shortcuts = {
  bracketSelection: 'Mod-Alt-b',
  toggleParagraphBracket: 'Mod-Alt-p',
  addInlineAlternative: 'Mod-Alt-o',
  addParagraphAlternative: 'Mod-Alt-a',
  chooseOption: 'Mod-Alt-c',
  removeBrackets: 'Mod-Alt-r',
  insertParagraphBis: 'Mod-Alt-n',
  toggleParagraphKind: 'Mod-Alt-k',
  insertSection: 'Mod-Alt-s',
} as const;

export type AccordCommandName = keyof typeof shortcuts;

/** The negotiation-specific editing: commands, shortcuts, paragraph ids, lock guard, numbering. */
export const AccordEditing = Extension.create<AccordEditingOptions>({
  name: 'accordEditing',
  // Before lists and paragraphs, so Enter means "new numbered paragraph" where it should.
  priority: 200,

  addOptions() {
    return { proposer: { id: '', name: '', affiliation: '' }, role: 'member' };
  },

  addCommands() {
    const p = () => this.options.proposer;
    const actor = () => ({ id: this.options.proposer.id, role: this.options.role });
    return {
      bracketSelection: () => (props) => bracketSelection(p())(props.state, props.dispatch),
      toggleParagraphBracket: () => (props) => toggleParagraphBracket(p())(props.state, props.dispatch),
      addInlineAlternative: () => (props) => addInlineAlternative(p())(props.state, props.dispatch),
      addParagraphAlternative: () => (props) => addParagraphAlternative()(props.state, props.dispatch),
      chooseOption: () => (props) => chooseOption(actor())(props.state, props.dispatch),
      removeBrackets: () => (props) => removeBrackets(actor())(props.state, props.dispatch),
      insertParagraphBis: () => (props) => insertParagraphBis()(props.state, props.dispatch),
      toggleParagraphKind: () => (props) => toggleParagraphKind()(props.state, props.dispatch),
      insertSection: () => (props) => insertSection()(props.state, props.dispatch),
    };
  },

  addKeyboardShortcuts() {
    const c = () => this.editor.commands;
    return {
      [shortcuts.bracketSelection]: () => c().bracketSelection(),
      [shortcuts.toggleParagraphBracket]: () => c().toggleParagraphBracket(),
      [shortcuts.addInlineAlternative]: () => c().addInlineAlternative(),
      [shortcuts.addParagraphAlternative]: () => c().addParagraphAlternative(),
      [shortcuts.chooseOption]: () => c().chooseOption(),
      [shortcuts.removeBrackets]: () => c().removeBrackets(),
      [shortcuts.insertParagraphBis]: () => c().insertParagraphBis(),
      [shortcuts.toggleParagraphKind]: () => c().toggleParagraphKind(),
      [shortcuts.insertSection]: () => c().insertSection(),
      Enter: () =>
        c().command(({ state, dispatch }) => splitClause()(state, dispatch) || leaveHeading()(state, dispatch)),
      'Shift-Enter': () => c().command(({ state, dispatch }) => splitWithinClause()(state, dispatch)),
    };
  },

  // Remote carets and governance updates must neither undo an unread click nor cut the undo group.
  dispatchTransaction({ transaction, next }) {
    next(prepareForeignTransaction(this.editor.view, transaction));
  },

  addProseMirrorPlugins() {
    return [
      govStatePlugin(),
      stableIdsPlugin(),
      lockGuardPlugin(),
      draftDecorationsPlugin(),
      keepMarksOnOverwritePlugin(),
      localSelectionPlugin(),
    ];
  },
});
