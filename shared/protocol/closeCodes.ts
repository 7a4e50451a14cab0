/**
 * Close codes the collaboration endpoint uses. 4xxx are application codes
 * (RFC 6455 §7.4.2) mirroring HTTP statuses so they read at a glance.
 * The close reason (≤123 bytes) carries a human-readable message.
 */
export const CloseCode = {
  /** Server shutting down (SIGTERM/SIGINT); clients reconnect to the next instance. */
  goingAway: 1001,
  /** Frame larger than MAX_MESSAGE_BYTES; sent by ws itself when maxPayload is exceeded. */
  messageTooBig: 1009,
  /** The room could not persist an update; clients reconnect and resend their state. */
  internalError: 1011,
  /** Malformed or truncated frame, unknown message type, undecodable update. */
  badMessage: 4400,
  /** No valid credentials on the upgrade, or the session expired. */
  unauthorized: 4401,
  /** Authenticated but not (or no longer) a member of this document. */
  forbidden: 4403,
  /** The member's role changed; reconnect to get the new permissions. */
  roleChanged: 4409,
  /** Too many messages or bytes per second on this connection or for this user. */
  rateLimited: 4429,
  /**
   * Several nodes: this node does not (or no longer) own the document — another node holds its
   * lease, or took it over while this one was paused. Reconnect (through the balancer).
   */
  notOwner: 4503,
} as const;
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];
