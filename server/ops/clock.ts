/**
 * The server's one reading of the time (epoch milliseconds). Everything that decides by the
 * time — a silence's deadline against a break, its expiry, the store's job claims, the daily
 * digest — reads it from here, so a test can hand the server a clock it moves itself and test
 * "one millisecond before / at the deadline" exactly, without sleeping against the wall clock.
 * Production uses `systemClock`.
 */
export type Clock = () => number;

export const systemClock: Clock = () => Date.now();
