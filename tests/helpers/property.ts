// Settings for fast-check properties: a fixed seed per property, so `npx vitest run` explores the
// same cases every time and a failure reproduces, and a modest number of runs so the whole set
// stays fast. For a deeper search by hand: PROPERTY_SCALE=50 (runs × 50) and PROPERTY_SEED=<n>
// (another seed); fast-check prints the seed and path of any counterexample it finds.
import type { Parameters } from 'fast-check'

export function propertyOptions<T>(seed: number, numRuns: number): Parameters<T> {
  const scale = Number(process.env.PROPERTY_SCALE ?? 1)
  const override = process.env.PROPERTY_SEED
  return {
    seed: override === undefined ? seed : Number(override),
    numRuns: Math.max(1, Math.round(numRuns * (Number.isFinite(scale) ? scale : 1))),
  }
}

/** A test's time limit, scaled with PROPERTY_SCALE so a deep search is not cut short. */
export function propertyTimeout(baseMs = 20_000): number {
  const scale = Number(process.env.PROPERTY_SCALE ?? 1)
  return Math.round(baseMs * Math.max(1, Number.isFinite(scale) ? scale : 1))
}
