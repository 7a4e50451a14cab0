import { shortcuts } from './AccordEditing';
import { shortcutLabel } from './shortcutLabel';
import { negotiationActions } from './Toolbar';

/** The keyboard path to every action, in one list. */
export function ShortcutsHelp() {
  return (
    <table className="shortcuts">
      <caption className="sr-only">Keyboard shortcuts</caption>
      <thead>
        <tr>
          <th scope="col">Action</th>
          <th scope="col">Keys</th>
        </tr>
      </thead>
      <tbody>
        {negotiationActions.map((a) => (
          <tr key={a.name}>
            <td>{a.label}</td>
            <td>
              <kbd>{shortcutLabel(shortcuts[a.name])}</kbd>
            </td>
          </tr>
        ))}
        <tr>
          <td>New numbered paragraph (split at the cursor)</td>
          <td>
            <kbd>Enter</kbd>
          </td>
        </tr>
        <tr>
          <td>New line of text inside the same paragraph</td>
          <td>
            <kbd>Shift+Enter</kbd>
          </td>
        </tr>
        <tr>
          <td>Go to the paragraph panel (status, lock, objections)</td>
          <td>
            <kbd>{shortcutLabel('Mod-Alt-g')}</kbd>
          </td>
        </tr>
        <tr>
          <td>Back to the text</td>
          <td>
            <kbd>{shortcutLabel('Mod-Alt-e')}</kbd>
          </td>
        </tr>
        <tr>
          <td>Undo / redo my own changes</td>
          <td>
            <kbd>{shortcutLabel('Mod-z')}</kbd> / <kbd>{shortcutLabel('Mod-y')}</kbd>
          </td>
        </tr>
      </tbody>
    </table>
  );
}
