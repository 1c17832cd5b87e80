import { describe, expect, test } from '@jest/globals'
import { lines, runFixture } from './helpers.js'

describe('step outputs', () => {
  test('GITHUB_OUTPUT name=value and heredoc values become steps.<id>.outputs', async () => {
    const run = await runFixture('outputs.yml')
    const out = lines(run.printed)
    expect(run.result).toBe('success')
    const produce = run.steps.find(s => s.id === 'produce')
    expect(produce?.outputs).toEqual({
      single: 'one',
      with_equals: 'a=b=c',
      multi: 'first line\nsecond line',
      legacy: 'old-style'
    })
    expect(out).toContain('single=one')
    expect(out).toContain('eq=a=b=c')
    expect(out).toContain('legacy=old-style')
    expect(out).toContain('json="first line\\nsecond line"')
    expect(out).toContain('condition on output held')
    expect(out).toContain('missing output is empty')
    expect(out).not.toContain('SHOULD-NOT-RUN')
    // The legacy command works but is flagged, as on GitHub.
    expect(run.printed).toContain('Warning: The `set-output` command is deprecated')
    expect(run.steps.map(s => s.outcome)).toEqual([
      'success',
      'success',
      'success',
      'skipped',
      'success'
    ])
  })
})
