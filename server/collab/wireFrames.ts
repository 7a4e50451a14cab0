/**
 * WebSocket binary frames built by the server itself (RFC 6455 §5.2), so that what one flush
 * sends to hundreds of sockets is framed once and written to each socket in one call.
 *
 * Server-to-client frames are never masked, so the framed bytes of a message are the same for
 * every reader: `ws` would rebuild the header and issue a corked pair of writes per frame and
 * per socket. Only complete binary messages are built here (FIN set, opcode 2, no extensions:
 * the collab WebSocketServer runs with perMessageDeflate off).
 */
export function frameBinary(payloads: readonly Uint8Array[]): Buffer {
  let total = 0;
  for (const p of payloads) total += headerLength(p.byteLength) + p.byteLength;
  const out = Buffer.allocUnsafe(total);
  let at = 0;
  for (const p of payloads) {
    const n = p.byteLength;
    out[at++] = 0x82; // FIN + binary
    if (n < 126) {
      out[at++] = n;
    } else if (n < 0x10000) {
      out[at++] = 126;
      out.writeUInt16BE(n, at);
      at += 2;
    } else {
      out[at++] = 127;
      out.writeUInt32BE(Math.floor(n / 0x1_0000_0000), at);
      out.writeUInt32BE(n >>> 0, at + 4);
      at += 8;
    }
    out.set(p, at);
    at += n;
  }
  return out;
}

function headerLength(n: number): number {
  return n < 126 ? 2 : n < 0x10000 ? 4 : 10;
}

/**
 * Messages that go to one or more sockets together. The wire form is built on first use and
 * shared: a batch sent to 500 readers is framed once.
 */
export class FrameBatch {
  private framed: Buffer | null = null;

  constructor(readonly messages: readonly Uint8Array[]) {}

  get wire(): Buffer {
    if (!this.framed) this.framed = frameBinary(this.messages);
    return this.framed;
  }
}
