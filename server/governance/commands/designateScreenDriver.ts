import type { Actor } from '../../../shared/model/governance.js';
import type { GovernanceCommand } from '../command.js';
import { MeetingRoomMap } from '../meetingRoomMap.js';

export interface DesignateDriverInput {
  /** The chair or secretary the screen follows (resolved by the route from the draft's members); null: any chair. */
  driver: Actor | null;
}

/** The chair decides whom the room's screen follows. Audited: it decides who shows the room what. */
export const designateScreenDriver: GovernanceCommand<DesignateDriverInput, { was: Actor | null }, Actor | null> = {
  permission: 'screen.manage',
  forbidden: 'Only the chair decides whom the screen follows.',
  rule(ctx) {
    return { was: new MeetingRoomMap(ctx.doc).read().driver };
  },
  apply(ctx, { driver }) {
    new MeetingRoomMap(ctx.doc).setDriver(driver);
    return driver;
  },
  audit({ driver }, { was }) {
    if ((was?.id ?? null) === (driver?.id ?? null)) return null;
    return { action: 'screen.driver', detail: { driver: driver?.id ?? null, driverName: driver?.name ?? null } };
  },
};
