import { describe, expect, it } from '@jest/globals'
import { closingLine, countResults } from '../scripts/test-summary.mjs'

describe('countResults', () => {
  const report = { numPassedTests: 7, numFailedTests: 2, numPendingTests: 1, numTodoTests: 0 }

  it('adds static checks to jest counts', () => {
    const counts = countResults(report, [
      { name: 'lint', ok: true },
      { name: 'format', ok: false }
    ])
    expect(counts).toEqual({ passed: 8, failed: 3, skipped: 1 })
  })

  it('counts a suite that failed to load as a failure', () => {
    const counts = countResults({ ...report, numFailedTests: 0, numRuntimeErrorTestSuites: 1 }, [])
    expect(counts.failed).toBe(1)
  })

  it('counts a missing jest report as a failure', () => {
    expect(countResults(undefined, [{ name: 'lint', ok: true }])).toEqual({
      passed: 1,
      failed: 1,
      skipped: 0
    })
  })
})

describe('closingLine', () => {
  it('is the plain line CI reads', () => {
    expect(closingLine({ passed: 3, failed: 0, skipped: 0 })).toBe('3 passed, 0 failed')
    expect(closingLine({ passed: 3, failed: 1, skipped: 2 })).toBe('3 passed, 1 failed, 2 skipped')
  })
})
