import { mayDriveScreen, type ScreenPosition } from '../../../shared/model/meetingRoom.js';
import { forbidden } from '../../http/httpError.js';
import { actor, type GovernanceCommand } from '../command.js';
import { MeetingRoomMap } from '../meetingRoomMap.js';

export interface ProjectInput {
  paragraphId: string;
}

/**
 * Moves the room's screen to a paragraph: the designated driver only (any chair while none is
 * designated). Server-owned rather than read from the driver's presence, so the screen stays
 * where it is when the driver's laptop sleeps or reconnects.
 *
 * Not audited: it is a pointer the driver's editor moves as the caret moves, not a decision;
 * recording every move would bury the decisions in the audit trail. Who may drive is audited
 * (designateScreenDriver).
 */
export const projectParagraph: GovernanceCommand<ProjectInput, { current: ScreenPosition | null }, ScreenPosition> = {
  permission: 'screen.drive',
  forbidden: 'Observers cannot move the screen.',
  rule(ctx, { paragraphId }) {
    const room = new MeetingRoomMap(ctx.doc).read();
    if (!mayDriveScreen(room, { userId: ctx.who.userId, isChair: ctx.role === 'chair' })) {
      throw forbidden('The screen follows someone else; the chair decides whom it follows.');
    }
    ctx.paragraph(paragraphId);
    return { current: room.screen };
  },
  apply(ctx, { paragraphId }, { current }) {
    // The same paragraph again (a reconnecting editor re-announcing it) writes nothing.
    if (current?.paragraphId === paragraphId && current.by.id === ctx.who.userId) return current;
    const screen: ScreenPosition = { paragraphId, by: actor(ctx.who), at: ctx.now };
    new MeetingRoomMap(ctx.doc).setScreen(screen);
    return screen;
  },
  audit() {
    return null;
  },
};
