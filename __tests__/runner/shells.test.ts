import { describe, expect, test } from '@jest/globals'
import { lines, runFixture } from './helpers.js'

describe('run steps', () => {
  test('default shell is bash -e, explicit bash adds pipefail, sh and working-directory', async () => {
    const run = await runFixture('shells.yml')
    const out = lines(run.printed)
    expect(out).toContain(`default-shell pwd=${run.workspace}/sub`)
    expect(run.printed).not.toContain('SHOULD-NOT-PRINT')
    const pipefail = run.steps.find(s => s.id === 'pipefail')
    expect(pipefail?.outcome).toBe('failure')
    expect(out).toContain('sh-ran in dir')
    const nodir = run.steps.find(s => s.id === 'nodir')
    expect(nodir?.outcome).toBe('failure')
    expect(run.printed).toMatch(/Error: working-directory does-not-exist does not exist/)
    expect(run.result).toBe('success')
  })

  test('scripts mixing text and ${{ }} keep their YAML value (heredocs, folding)', async () => {
    const run = await runFixture('shells.yml')
    const out = run.printed.split('\n')
    // Not indented: the heredoc's EOF line closed it, so the step succeeded.
    expect(out).toContain('  job=shells')
    expect(out).toContain('  folded shells and joined')
    expect(run.steps.at(-3)?.outcome).toBe('success')
  })

  test('a shell given as a format string runs with its own arguments', async () => {
    const run = await runFixture('shells.yml')
    expect(run.printed.split('\n')).toContain('  format-shell arg=extra-arg')
    expect(run.steps.at(-1)?.outcome).toBe('success')
  })
})
