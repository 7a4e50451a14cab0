const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Cross-site WebSocket hijacking: a browser always sends Origin, and only our own
 * pages may open a socket with the user's cookie. Non-browser clients send no Origin
 * and authenticate with a token instead. When Accord is served on loopback, the same
 * port under localhost, 127.0.0.1 or [::1] is the same server, so all three are ours.
 */
export function originAllowed(origin: string | undefined, publicUrl: string): boolean {
  if (origin === undefined) return true;
  const ours = new URL(publicUrl);
  if (origin === ours.origin) return true;
  let theirs: URL;
  try {
    theirs = new URL(origin);
  } catch {
    return false;
  }
  return (
    loopbackHosts.has(ours.hostname) &&
    loopbackHosts.has(theirs.hostname) &&
    theirs.protocol === ours.protocol &&
    theirs.port === ours.port
  );
}
