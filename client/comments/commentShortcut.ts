/** Comment on the selection, from anywhere on the draft page (a letter no other shortcut takes). */
export const commentShortcut = { code: 'KeyT', key: 'Mod-Alt-t', aria: 'Control+Alt+T' } as const;

export function isCommentShortcut(e: KeyboardEvent): boolean {
  return (e.ctrlKey || e.metaKey) && e.altKey && e.code === commentShortcut.code;
}
