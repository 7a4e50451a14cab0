import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { commentShortcut } from '../comments/commentShortcut';
import { roomShortcuts } from '../room/roomShortcuts';
import { shortcuts } from './AccordEditing';
import { proposeShortcut } from './SuggestionMode';
import { shortcutLabel } from './shortcutLabel';
import { negotiationActions } from './Toolbar';

/** The keyboard path to every action, in one list. */
export function ShortcutsHelp() {
  const { t } = useTranslation();
  const row = (action: string, keys: ReactNode) => (
    <tr key={action}>
      <td>{action}</td>
      <td dir="ltr">{keys}</td>
    </tr>
  );
  return (
    <table className="shortcuts">
      <caption className="sr-only">{t('shortcuts.title')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('shortcuts.action')}</th>
          <th scope="col">{t('shortcuts.keys')}</th>
        </tr>
      </thead>
      <tbody>
        {negotiationActions.map((name) =>
          row(t(`toolbar.actions.${name}.label`), <kbd>{shortcutLabel(shortcuts[name])}</kbd>),
        )}
        {row(t('suggest.toggleLong'), <kbd>{shortcutLabel(proposeShortcut)}</kbd>)}
        {row(t('suggest.tableKey'), <kbd>{t('shortcuts.enter')}</kbd>)}
        {row(t('suggest.discardKey'), <kbd>{t('suggest.escape')}</kbd>)}
        {row(t('shortcuts.split'), <kbd>{t('shortcuts.enter')}</kbd>)}
        {row(t('shortcuts.lineBreak'), <kbd>{t('shortcuts.shiftEnter')}</kbd>)}
        {row(t('shortcuts.toPanel'), <kbd>{shortcutLabel('Mod-Alt-g')}</kbd>)}
        {row(t('shortcuts.toText'), <kbd>{shortcutLabel('Mod-Alt-e')}</kbd>)}
        {row(
          t('shortcuts.tools'),
          <>
            <kbd>{shortcutLabel('Mod-Alt-v')}</kbd> / <kbd>{shortcutLabel('Mod-Alt-m')}</kbd> /{' '}
            <kbd>{shortcutLabel('Mod-Alt-l')}</kbd>
          </>,
        )}
        {row(t('comments.shortcut'), <kbd>{shortcutLabel(commentShortcut.key)}</kbd>)}
        {row(t('room.shortcutFlag'), <kbd>{shortcutLabel(roomShortcuts.flag.key)}</kbd>)}
        {row(t('room.shortcutNext'), <kbd>{shortcutLabel(roomShortcuts.next.key)}</kbd>)}
        {row(t('room.shortcutQueue'), <kbd>{shortcutLabel(roomShortcuts.queue.key)}</kbd>)}
        {row(
          t('shortcuts.undoRedo'),
          <>
            <kbd>{shortcutLabel('Mod-z')}</kbd> / <kbd>{shortcutLabel('Mod-y')}</kbd>
          </>,
        )}
      </tbody>
    </table>
  );
}
