import { BlockList, isIP } from 'node:net';

/**
 * The address a request comes from, for per-address limits. Behind reverse proxies
 * the socket's address is the proxy's; `X-Forwarded-For` then names the client, but
 * anyone can send that header, so it is believed only when the socket's address is a
 * trusted proxy (TRUSTED_PROXIES), and only the right-most address that no trusted
 * proxy added counts (everything left of it could have been written by the client).
 */
export class ClientAddress {
  private readonly trusted = new BlockList();
  private readonly any: boolean;

  /** `trustedProxies`: comma-separated IPs or CIDRs; a bad entry throws (the config fails fast). */
  constructor(trustedProxies: string) {
    const entries = trustedProxies
      .split(',')
      .map((e) => e.trim())
      .filter((e) => e !== '');
    for (const entry of entries) {
      const [address, bits] = entry.split('/');
      const family = isIP(address ?? '');
      if (family === 0 || (bits !== undefined && !/^\d{1,3}$/.test(bits))) {
        throw new Error(`TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range`);
      }
      const type = family === 6 ? 'ipv6' : 'ipv4';
      if (bits === undefined) this.trusted.addAddress(address as string, type);
      else this.trusted.addSubnet(address as string, Number(bits), type);
    }
    this.any = entries.length > 0;
  }

  of(socketAddress: string | undefined, forwardedFor: string | undefined): string {
    const direct = normalise(socketAddress ?? '') ?? 'unknown';
    if (!this.any || !forwardedFor || !this.isTrusted(direct)) return direct;
    const hops = forwardedFor.split(',').map((h) => normalise(h.trim()));
    for (let i = hops.length - 1; i >= 0; i--) {
      const hop = hops[i];
      if (!hop) return direct; // a malformed hop: nothing left of it can be trusted either
      if (!this.isTrusted(hop)) return hop;
    }
    return direct;
  }

  private isTrusted(address: string): boolean {
    const family = isIP(address);
    return family !== 0 && this.trusted.check(address, family === 6 ? 'ipv6' : 'ipv4');
  }
}

/** An IP in canonical form (IPv4-mapped IPv6 as IPv4, brackets and ports dropped), or null. */
function normalise(raw: string): string | null {
  let a = raw.trim();
  if (a.startsWith('[')) a = a.slice(1, a.indexOf(']') === -1 ? undefined : a.indexOf(']'));
  else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(a)) a = a.slice(0, a.lastIndexOf(':'));
  if (a.toLowerCase().startsWith('::ffff:') && isIP(a.slice(7)) === 4) a = a.slice(7);
  return isIP(a) === 0 ? null : a.toLowerCase();
}
