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

describe('job-level settings', () => {
  test('job timeout-minutes cancels the job; always() steps still run', async () => {
    const t0 = Date.now()
    const run = await runFixture('job-timeout.yml')
    expect(Date.now() - t0).toBeLessThan(10_000)
    const out = lines(run.printed)
    expect(out).toContain(
      'Error: The job has exceeded the maximum execution time of 0.005 minutes.'
    )
    expect(out).not.toContain('SHOULD-NOT-WAKE')
    expect(out).toContain('cleanup status=cancelled')
    expect(run.result).toBe('cancelled')
  })

  test('an env that cannot be evaluated fails the job before any step', async () => {
    const run = await runFixture('env-error.yml')
    expect(run.result).toBe('failure')
    expect(run.steps).toEqual([])
    expect(run.printed).toMatch(/^Error: evaluating env: Evaluating fromJSON\('not json'\): /m)
  })

  test('the job-level if: skips the job or lets it run', async () => {
    const skipped = await runFixture('job-if.yml')
    expect(skipped.result).toBe('success')
    expect(skipped.steps).toEqual([])
    expect(skipped.printed).toContain('Job only-on-push skipped: its if condition is false')
    const ran = await runFixture('job-if.yml', { github: { event_name: 'push' } })
    expect(ran.printed).toContain('ran-on-push')
  })
})
