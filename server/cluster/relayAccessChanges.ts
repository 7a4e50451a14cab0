import type { AccessChanges } from '../auth/accessChanges.js';
import type { ControlBus } from './controlBus.js';

/**
 * Makes this node's access announcements reach the sockets of every node: what is announced here
 * is published, and what another node published is delivered to this node's listeners — without
 * being published again (delivery is synchronous, so a flag tells the two apart).
 */
export function relayAccessChanges(access: AccessChanges, bus: ControlBus): void {
  let delivering = false;
  access.listen({
    credentialRevoked(credentialId) {
      if (!delivering) void bus.publish({ kind: 'credentialRevoked', credentialId });
    },
    membershipChanged(docId, userId, role, delegationId) {
      if (!delivering) void bus.publish({ kind: 'membershipChanged', docId, userId, role, delegationId });
    },
  });
  bus.onMessage((message) => {
    delivering = true;
    try {
      if (message.kind === 'credentialRevoked') access.credentialRevoked(message.credentialId);
      else if (message.kind === 'membershipChanged')
        access.membershipChanged(message.docId, message.userId, message.role, message.delegationId);
    } finally {
      delivering = false;
    }
  });
}
