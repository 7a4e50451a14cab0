import type { Principal, Role } from '../../shared/governance/roles.js';
import type { RoomManager } from '../collab/roomManager.js';
import { type Clock, systemClock } from '../ops/clock.js';
import { type GovernanceCommand, runCommand } from './command.js';

/**
 * The entry point of governance: runs a command (./commands, one file each) in
 * the document's room. Routes only parse input and call `run`. The room's hook
 * that ties agreements to the text is agreedText.ts.
 */
export class GovernanceService {
  constructor(
    private readonly rooms: RoomManager,
    /** The server's clock: commands decide deadlines by it (server/ops/clock.ts). */
    private readonly now: Clock = systemClock,
  ) {}

  async run<Input, Plan, Result>(
    docId: string,
    who: Principal,
    role: Role,
    command: GovernanceCommand<Input, Plan, Result>,
    input: Input,
  ): Promise<Result> {
    const room = await this.rooms.get(docId);
    return runCommand(room, who, role, command, input, this.now);
  }
}
