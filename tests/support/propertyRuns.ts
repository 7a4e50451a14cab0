import type { Parameters } from 'fast-check';

/**
 * fast-check parameters for a randomised test: the seed is printed so that a failing run can be
 * replayed with `FC_SEED=<seed> npx vitest run <file>`; `FC_RUNS` runs more cases locally.
 */
export function propertyRuns<T>(name: string, numRuns: number): Parameters<T> {
  const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : Math.floor(Math.random() * 2 ** 31);
  const runs = process.env.FC_RUNS ? Number(process.env.FC_RUNS) : numRuns;
  console.log(`[fast-check] ${name}: seed ${seed}, ${runs} runs (replay with FC_SEED=${seed})`);
  return { seed, numRuns: runs };
}
