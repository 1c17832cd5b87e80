import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from '@jest/globals'
import { lines, runFixture } from './helpers.js'

describe('if, continue-on-error and job.status', () => {
  test('status functions follow the job state; continue-on-error keeps the job green', async () => {
    const run = await runFixture('conditions.yml')
    const out = lines(run.printed)
    expect(run.result).toBe('failure')
    expect(out).toContain('status at start=success')
    const soft = run.steps.find(s => s.id === 'soft')
    expect([soft?.outcome, soft?.conclusion]).toEqual(['failure', 'success'])
    expect(out).toContain('after-soft status=success outcome=failure conclusion=success')
    const hard = run.steps.find(s => s.id === 'hard')
    expect([hard?.outcome, hard?.conclusion]).toEqual(['failure', 'failure'])
    expect(out).toContain('on-failure status=failure hard=failure/failure skipped=skipped')
    expect(out).toContain('always-ran')
    for (const marker of [
      'SHOULD-NOT-RUN',
      'SHOULD-NOT-RUN-CANCELLED',
      'SHOULD-NOT-RUN-IMPLICIT'
    ]) {
      expect(out).not.toContain(marker)
    }
    expect(out).toContain('- Skipped by default (skipped)')
    expect(out).toContain('- Implicit success (skipped)')
    expect(out).toContain('- Not cancelled (skipped)')
    expect(out).toContain('Error: Process completed with exit code 5.')
    expect(out.some(l => /^✗ Run exit 4 \(.*continue-on-error\)$/.test(l))).toBe(true)
    expect(out.some(l => /^Job cond failed \(/.test(l))).toBe(true)
  })

  test('library functions and hashFiles (sha256 of the per-file sha256 digests, sorted)', async () => {
    const run = await runFixture('conditions.yml')
    const ws = run.workspace
    const all = createHash('sha256')
    for (const f of ['data.txt', 'sub/dir/nested.txt']) {
      all.update(
        createHash('sha256')
          .update(readFileSync(join(ws, f)))
          .digest()
      )
    }
    expect(lines(run.printed)).toContain(`functions x-1+2 hash=${all.digest('hex')}`)
  })
})
