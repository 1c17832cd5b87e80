// The local runner ends what a job's steps left running, as GitHub's runner does ("Cleaning up
// orphan processes"), so a workflow that starts a server in the background (self-test.yml) leaves
// nothing behind; a process started with RUNNER_TRACKING_ID cleared is kept, as on GitHub.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from '@jest/globals'
import { runWorkflow } from '../../src/runner/run.js'

const linux = process.platform === 'linux' && spawnSync('setsid', ['--version']).status === 0
const dir = mkdtempSync(join(tmpdir(), 'ship-orphans-'))
const kept: number[] = []

afterAll(() => {
  for (const pid of kept) {
    try {
      process.kill(pid, 'SIGKILL')
    } catch {
      // Already gone.
    }
  }
  rmSync(dir, { recursive: true, force: true })
})

function alive(pid: number): boolean {
  try {
    if (/^\d+ \(.*\) Z/s.test(readFileSync(`/proc/${pid}/stat`, 'utf8'))) return false
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

describe('local runner: orphan processes', () => {
  ;(linux ? it : it.skip)(
    'ends background processes of the job, even in their own session, when the job ends',
    async () => {
      const workflow = join(dir, 'orphans.yml')
      writeFileSync(
        workflow,
        [
          'name: orphans',
          'on: workflow_dispatch',
          'jobs:',
          '  bg:',
          '    runs-on: ubuntu-latest',
          '    steps:',
          '      - id: plain',
          '        run: |',
          '          nohup sleep 301 > /dev/null 2>&1 &',
          '          echo "pid=$!" >> "$GITHUB_OUTPUT"',
          '      - id: session',
          '        run: |',
          '          setsid sleep 302 > /dev/null 2>&1 < /dev/null &',
          '          echo "pid=$!" >> "$GITHUB_OUTPUT"',
          '      - id: kept',
          '        env:',
          "          RUNNER_TRACKING_ID: ''",
          '        run: |',
          '          nohup sleep 303 > /dev/null 2>&1 &',
          '          echo "pid=$!" >> "$GITHUB_OUTPUT"',
          '      - id: check',
          '        run: kill -0 "${{ steps.plain.outputs.pid }}" "${{ steps.session.outputs.pid }}"',
          ''
        ].join('\n')
      )
      let log = ''
      const started = Date.now()
      const run = await runWorkflow({
        workflowPath: workflow,
        workspace: dir,
        color: false,
        stdout: { write: (s: string) => void (log += s) }
      })
      const pid = (id: string) => Number(run.steps.find(s => s.id === id)?.outputs.pid)
      kept.push(pid('plain'), pid('session'), pid('kept'))
      expect(run.result).toBe('success') // they were running during the job
      expect(alive(pid('plain'))).toBe(false)
      expect(alive(pid('session'))).toBe(false)
      expect(alive(pid('kept'))).toBe(true)
      expect(log).toContain('Cleaning up orphan processes')
      expect(log).toContain(`Terminate orphan process: pid (${pid('plain')}) (sleep)`)
      expect(Date.now() - started).toBeLessThan(10_000) // sleep ends on SIGTERM: no grace wait
    },
    30_000
  )
})
