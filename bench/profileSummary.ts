import { readFileSync } from 'node:fs';

/**
 * Summarises a V8 .cpuprofile written by `BENCH_PROFILE=<dir> npm run bench` (the servers run with
 * --cpu-prof): self time per function and per area (a package, a project folder, Node internals).
 * Usage: npx tsx bench/profileSummary.ts <file.cpuprofile> [top=25]
 */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

function area(url: string, fn: string): string {
  if (url === '') return fn.startsWith('(') ? fn : '(native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg?.[1]) return pkg[1];
  if (url.startsWith('node:')) return 'node internals';
  const own = /\/(server|shared|bench)\/([^/]+)/.exec(url);
  if (own) return `${own[1]}/${own[2]!.replace(/\.[jt]s$/, '')}`;
  return url;
}

export function summarise(profile: Profile, top = 25): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const fns = new Map<string, number>();
  const areas = new Map<string, number>();
  for (const [id, us] of self) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    const short = url.replace(/^file:\/\/.*?\/(node_modules|server|shared|bench)\//, '$1/');
    const key = `${functionName || '(anonymous)'}  ${short}${url ? `:${lineNumber + 1}` : ''}`;
    fns.set(key, (fns.get(key) ?? 0) + us);
    const a = area(url, functionName);
    areas.set(a, (areas.get(a) ?? 0) + us);
  }
  const idle = (self.get([...byId.values()].find((n) => n.callFrame.functionName === '(idle)')?.id ?? -1) ?? 0) / 1000;
  const table = (m: Map<string, number>) =>
    [...m]
      .filter(([k]) => k !== '(idle)' && !k.startsWith('(idle)'))
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(
        ([k, us]) =>
          `${(us / 1000).toFixed(0).padStart(7)} ms ${((us / (total - idle * 1000)) * 100).toFixed(1).padStart(5)} %  ${k}`,
      )
      .join('\n');
  return [
    `sampled ${(total / 1e6).toFixed(1)} s, of which idle ${(idle / 1000).toFixed(1)} s; shares are of busy time`,
    '\nby area (self time):',
    table(areas),
    '\nby function (self time):',
    table(fns),
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [file, top] = process.argv.slice(2);
  if (!file) throw new Error('usage: npx tsx bench/profileSummary.ts <file.cpuprofile> [top]');
  console.log(summarise(JSON.parse(readFileSync(file, 'utf8')) as Profile, Number(top ?? 25)));
}
