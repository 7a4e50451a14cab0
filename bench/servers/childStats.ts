/** Every bench server child answers `stats` over IPC with its own CPU time and memory. */
export interface ChildStats {
  cpuUs: number;
  rss: number;
  maxRssKb: number;
}

export function serveStats(port: number): void {
  process.on('message', (msg: unknown) => {
    if (msg === 'exit') process.exit(0); // a clean exit lets --cpu-prof write its profile
    if (msg === 'stats' || msg === 'stats+gc') {
      // A forced GC is only for the memory figure; CPU phases ask without one so it is not billed to them.
      const cpu = process.cpuUsage();
      if (msg === 'stats+gc') {
        const gc = (globalThis as { gc?: () => void }).gc;
        gc?.();
        gc?.();
      }
      const stats: ChildStats = {
        cpuUs: cpu.user + cpu.system,
        rss: process.memoryUsage().rss,
        maxRssKb: process.resourceUsage().maxRSS,
      };
      process.send?.({ stats });
    }
  });
  process.send?.({ port });
}
