import { describe, expect, test } from '@jest/globals'
import { runWorkflow } from '../../src/runner/run.js'
import { fixture, lines, workspaceCopy } from './helpers.js'

describe('cancellation', () => {
  test('the running step is ended; cancelled() and always() steps still run', async () => {
    const controller = new AbortController()
    let printed = ''
    const started = Date.now()
    const run = await runWorkflow({
      workflowPath: fixture('cancel.yml'),
      workspace: workspaceCopy(),
      signal: controller.signal,
      stdout: {
        write: (s: string) => {
          printed += s
          if (s.includes('started')) setTimeout(() => controller.abort(), 50)
        }
      }
    })
    expect(Date.now() - started).toBeLessThan(15_000)
    expect(run.result).toBe('cancelled')
    const out = lines(printed)
    expect(out).toContain('cancelled-ran status=cancelled')
    expect(out).toContain('always-ran')
    for (const marker of [
      'SHOULD-NOT-FINISH',
      'SHOULD-NOT-RUN-SUCCESS',
      'SHOULD-NOT-RUN-FAILURE'
    ]) {
      expect(out).not.toContain(marker)
    }
    expect(run.steps.map(s => s.outcome)).toEqual([
      'cancelled',
      'skipped',
      'success',
      'success',
      'skipped'
    ])
    expect(out.at(-2)).toMatch(/^Job cancel was cancelled/)
  })
})
