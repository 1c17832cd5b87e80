import { describe, expect, test } from '@jest/globals'
import { lines, runFixture } from './helpers.js'

describe('timeout-minutes', () => {
  test('a step over its timeout is ended and fails (here softened by continue-on-error)', async () => {
    const t0 = Date.now()
    const run = await runFixture('timeout.yml')
    expect(Date.now() - t0).toBeLessThan(10_000)
    const out = lines(run.printed)
    expect(out).toContain('sleeping')
    expect(out).not.toContain('SHOULD-NOT-WAKE')
    expect(out).toContain('Error: The step has timed out.')
    expect(out).toContain('after-timeout outcome=failure conclusion=success')
    expect(run.result).toBe('success')
  })
})
