import { readFileSync, writeFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';

/** Every bench server child answers `stats` requests over IPC with its own CPU time and memory. */
export interface ChildStats {
  /** User + system CPU time of this process since it started, µs. */
  cpuUs: number;
  /** The kernel's part of cpuUs (socket writes show up here). */
  systemUs: number;
  rss: number;
  heapUsed: number;
  /** Memory outside the V8 heap held by JS objects (Buffers, ArrayBuffers). */
  external: number;
  /** Peak RSS since the last `resetPeak` (VmHWM), KB. */
  phasePeakRssKb: number;
  /** Peak RSS over the process's whole life, KB. */
  lifePeakRssKb: number;
  /** The server's own event-loop delay since the last `loopReset`, beyond the 10 ms sampling interval, ms. */
  loopP99Ms: number;
  loopMaxMs: number;
}

export interface StatsRequest {
  stats: true;
  /** Collect garbage first (twice): only for memory figures, never inside a CPU-measured phase. */
  gc?: boolean;
  /** Start a new phase: the peak RSS counter restarts from the current RSS. */
  resetPeak?: boolean;
  /** Restart the event-loop delay histogram (after this answer). */
  loopReset?: boolean;
}

/** Sampled every 10 ms: cheap enough not to show in the CPU figures, fine enough for a 20 ms target. */
const LOOP_RESOLUTION_MS = 10;
const loop = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
loop.enable();
const beyond = (ns: number) => Math.max(0, ns / 1e6 - LOOP_RESOLUTION_MS);

function vmHwmKb(): number {
  try {
    const m = /VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m?.[1]) return Number(m[1]);
  } catch {
    // not Linux: fall back to getrusage below
  }
  return process.resourceUsage().maxRSS;
}

let lifePeakKb = 0;

/** Linux resets VmHWM (the peak RSS) to the current RSS when 5 is written to clear_refs. */
function resetPeak(): void {
  lifePeakKb = Math.max(lifePeakKb, vmHwmKb());
  try {
    writeFileSync('/proc/self/clear_refs', '5');
  } catch {
    // not resettable here: phase peaks are then peaks since start
  }
}

function isStatsRequest(msg: unknown): msg is StatsRequest {
  return typeof msg === 'object' && msg !== null && (msg as { stats?: unknown }).stats === true;
}

export function serveStats(port: number): void {
  process.on('message', (msg: unknown) => {
    if (msg === 'exit') process.exit(0); // a clean exit lets --cpu-prof write its profile
    if (!isStatsRequest(msg)) return;
    // CPU is read before a forced GC so the collection is not billed to the phase that just ended.
    const cpu = process.cpuUsage();
    if (msg.gc) {
      const gc = (globalThis as { gc?: () => void }).gc;
      gc?.();
      gc?.();
    }
    const mem = process.memoryUsage();
    const phasePeakRssKb = vmHwmKb();
    const stats: ChildStats = {
      cpuUs: cpu.user + cpu.system,
      systemUs: cpu.system,
      rss: mem.rss,
      heapUsed: mem.heapUsed,
      external: mem.external,
      phasePeakRssKb,
      lifePeakRssKb: Math.max(lifePeakKb, phasePeakRssKb),
      loopP99Ms: beyond(loop.percentile(99)),
      loopMaxMs: beyond(loop.max),
    };
    if (msg.resetPeak) resetPeak();
    if (msg.loopReset) loop.reset();
    process.send?.({ stats });
  });
  process.send?.({ port });
}
