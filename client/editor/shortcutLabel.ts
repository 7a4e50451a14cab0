const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** "Mod-Alt-b" → "Ctrl+Alt+B" (or "⌘+⌥+B" on a Mac), as people read it. */
export function shortcutLabel(key: string): string {
  return key
    .split('-')
    .map((part) => {
      if (part === 'Mod') return isMac ? '⌘' : 'Ctrl';
      if (part === 'Alt') return isMac ? '⌥' : 'Alt';
      return part.length === 1 ? part.toUpperCase() : part;
    })
    .join('+');
}
