/**
 * The meeting room's keys, from anywhere on the draft page. Letters the editor and the tools do
 * not use (shortcuts in AccordEditing.ts, DraftTools.tsx, DraftWorkspace.tsx).
 */
export const roomShortcuts = {
  /** Raise or lower my delegation's flag. */
  flag: { code: 'KeyF', key: 'Mod-Alt-f', aria: 'Control+Alt+F' },
  /** Chair: give the floor to the next in the queue. */
  next: { code: 'KeyJ', key: 'Mod-Alt-j', aria: 'Control+Alt+J' },
  /** Go to the speaker queue (its buttons are then a Tab away). */
  queue: { code: 'KeyU', key: 'Mod-Alt-u', aria: 'Control+Alt+U' },
} as const;

export type RoomShortcut = keyof typeof roomShortcuts;

/** Which room shortcut a key event is, if any. */
export function roomShortcutOf(e: KeyboardEvent): RoomShortcut | null {
  if (!(e.ctrlKey || e.metaKey) || !e.altKey) return null;
  for (const name of Object.keys(roomShortcuts) as RoomShortcut[]) {
    if (roomShortcuts[name].code === e.code) return name;
  }
  return null;
}
