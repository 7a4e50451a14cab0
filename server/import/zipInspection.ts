import { Inflate } from 'fflate';

/** Why a zip archive is refused; `bomb` when it would expand beyond the limits. */
export class ZipRefused extends Error {
  constructor(
    readonly reason: 'not_zip' | 'bomb' | 'unsupported',
    message: string,
  ) {
    super(message);
  }
}

export interface ZipLimits {
  /** @default 2000 entries (a Word document has a few dozen) */
  maxEntries: number;
  /** Sum of the uncompressed sizes. @default 30 MiB */
  maxTotalBytes: number;
  /** Uncompressed / compressed for one entry (text compresses about 10×). @default 100 */
  maxRatio: number;
}

export const defaultZipLimits: ZipLimits = { maxEntries: 2000, maxTotalBytes: 30 * 1024 * 1024, maxRatio: 100 };

export interface ZipEntry {
  name: string;
  compressedSize: number;
  size: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** Compressed bytes pushed per step: deflate expands at most ~1032×, so one step yields at most ~4 MiB. */
const STEP = 4096;

/**
 * Reads a zip's central directory and inflates every entry into nothing, counting bytes,
 * before any real parser (mammoth/JSZip) sees the file. The sizes the directory declares
 * are checked first; the actual inflation is then capped too, because a crafted archive
 * can declare small sizes and still expand to gigabytes. Memory stays bounded: output is
 * counted and dropped chunk by chunk. ZIP64 and encrypted archives are refused (a Word
 * document of the size we accept never needs them).
 */
export function inspectZip(file: Uint8Array, limits: ZipLimits = defaultZipLimits): ZipEntry[] {
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const eocd = findEndOfCentralDirectory(view);
  if (eocd < 0) throw new ZipRefused('not_zip', 'the file is not a zip archive');
  const count = view.getUint16(eocd + 10, true);
  const cdOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || cdOffset === 0xffffffff)
    throw new ZipRefused('unsupported', 'ZIP64 archives are not accepted');
  if (count > limits.maxEntries) throw new ZipRefused('bomb', `the archive has ${count} entries`);
  const entries: ZipEntry[] = [];
  let declaredTotal = 0;
  let actualTotal = 0;
  let at = cdOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > file.byteLength || view.getUint32(at, true) !== CENTRAL) {
      throw new ZipRefused('not_zip', 'the zip directory is damaged');
    }
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const compressedSize = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const localOffset = view.getUint32(at + 42, true);
    const name = new TextDecoder().decode(file.subarray(at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
    if (flags & 1) throw new ZipRefused('unsupported', 'encrypted archives are not accepted');
    if (size > limits.maxRatio * Math.max(compressedSize, 1024)) {
      throw new ZipRefused('bomb', `${name} expands ${Math.round(size / Math.max(compressedSize, 1))}×`);
    }
    declaredTotal += size;
    if (declaredTotal > limits.maxTotalBytes) {
      throw new ZipRefused('bomb', `the archive expands to more than ${mib(limits.maxTotalBytes)}`);
    }
    const data = entryData(view, file, localOffset, compressedSize);
    // The real size may not exceed what was declared nor the limits, whatever the directory says.
    const cap = Math.min(size, limits.maxRatio * Math.max(compressedSize, 1024), limits.maxTotalBytes - actualTotal);
    const actual = method === 0 ? data.byteLength : method === 8 ? inflatedSize(data, cap, name) : -1;
    if (actual < 0) throw new ZipRefused('unsupported', `${name} uses an unsupported compression method`);
    if (actual > cap) throw new ZipRefused('bomb', `${name} expands beyond its declared size`);
    actualTotal += actual;
    entries.push({ name, compressedSize, size: actual });
  }
  return entries;
}

function entryData(view: DataView, file: Uint8Array, offset: number, compressedSize: number): Uint8Array {
  if (offset + 30 > file.byteLength || view.getUint32(offset, true) !== LOCAL) {
    throw new ZipRefused('not_zip', 'a zip entry is damaged');
  }
  const start = offset + 30 + view.getUint16(offset + 26, true) + view.getUint16(offset + 28, true);
  if (start + compressedSize > file.byteLength) throw new ZipRefused('not_zip', 'a zip entry is truncated');
  return file.subarray(start, start + compressedSize);
}

/** Inflates and counts; stops as soon as the count passes `cap` (returns a number above it). */
function inflatedSize(data: Uint8Array, cap: number, name: string): number {
  let produced = 0;
  const inflater = new Inflate((chunk) => {
    produced += chunk.byteLength;
  });
  try {
    for (let i = 0; i < data.byteLength && produced <= cap; i += STEP) {
      inflater.push(data.subarray(i, Math.min(i + STEP, data.byteLength)), i + STEP >= data.byteLength);
    }
  } catch {
    throw new ZipRefused('not_zip', `${name} is not valid compressed data`);
  }
  return produced;
}

function findEndOfCentralDirectory(view: DataView): number {
  // The record is 22 bytes plus a comment of up to 65535 bytes, at the very end.
  const last = view.byteLength - 22;
  for (let i = last; i >= 0 && i >= last - 65535; i--) {
    if (view.getUint32(i, true) === EOCD) return i;
  }
  return -1;
}

const mib = (n: number): string => `${Math.round(n / 1024 / 1024)} MB`;
