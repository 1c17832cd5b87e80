import { appendFileSync } from 'node:fs'

/**
 * What a reliability check was about. The closing table of `npm run test:reliability` counts them:
 * fault cases tried / handled, bad inputs tried / clean errors, leak checks run / leaks found,
 * duplicates created, partial files left.
 */
export type ReliabilityKind = 'fault' | 'bad-input' | 'leak' | 'duplicate' | 'partial-file'

/** The file `scripts/test.mjs` collects records in (one JSON object per line); unset: no-op. */
export const TALLY_VARIABLE = 'MAESTRO_RELIABILITY_TALLY'

/**
 * Records the outcome of one check. `ok` is true when the check found nothing wrong (the fault was
 * handled, the input gave a clean error, no leak, no duplicate, no partial file). Call it after
 * the assertions' inputs are known and before they run, so a failing check is still counted.
 */
export function recordReliability(kind: ReliabilityKind, name: string, ok: boolean): void {
  const file = process.env[TALLY_VARIABLE]
  if (!file) return
  // One short line per append: O_APPEND keeps lines from parallel jest workers whole.
  appendFileSync(file, `${JSON.stringify({ kind, name, ok })}\n`)
}
