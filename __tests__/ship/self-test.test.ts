// .github/workflows/self-test.yml through the local runner: the sandbox started in the background
// by a `run:` step, every action run from its committed bundle against it, the check step reading
// the sandbox's state, and the sandbox stopped at the end.
import { spawnSync } from 'node:child_process'
import { describe, expect, it } from '@jest/globals'
import { runWorkflow } from '../../src/runner/run.js'

// The workflow targets ubuntu-latest: bash, setsid and process groups.
const linux = process.platform === 'linux' && spawnSync('setsid', ['--version']).status === 0

describe('self-test workflow', () => {
  ;(linux ? it : it.skip)(
    'runs every action against the sandbox and checks the results',
    async () => {
      let log = ''
      const run = await runWorkflow({
        workflowPath: '.github/workflows/self-test.yml',
        workspace: process.cwd(),
        inputs: { 'sandbox-port': '0' },
        // The runtime the actions declare, when npm test provides it.
        nodePath: process.env.MAESTRO_TEST_NODE24,
        color: false,
        stdout: { write: (s: string) => void (log += s) }
      })
      const failed = run.steps.filter(s => s.conclusion !== 'success').map(s => s.name)
      if (run.result !== 'success') process.stderr.write(log)
      expect({ result: run.result, failed }).toEqual({ result: 'success', failed: [] })

      // Each action ran (none skipped) and handed its outputs on.
      const outputs = Object.fromEntries(run.steps.map(s => [s.id, s.outputs]))
      expect(outputs.task['task-id']).toMatch(/^\d+$/)
      expect(outputs.log.log).toBe('self-test-log')
      expect(outputs.artifact.sha256).toMatch(/^[0-9a-f]{64}$/)
      expect(outputs.alert['alert-id']).toMatch(/^\d+$/)
      expect(outputs.finish['finish-status']).toBe('SUCCESS')
      expect(log).toContain('Every action did what it says.')

      // Secrets never reached the log: the vault value and the access key are masked.
      const { SELF_TEST_SECRET: secret, BOTCITY_KEY: key, BOTCITY_SERVER: server } = run.env
      expect(secret).toMatch(/^s3cret-/)
      expect(outputs.credential.value).toBe(secret)
      expect(log).not.toContain(secret)
      expect(key.length).toBeGreaterThan(8)
      expect(log).not.toContain(key)

      // The last step stopped the sandbox: nothing answers at its address any more.
      await expect(fetch(`${server}/_sandbox/state`)).rejects.toThrow()
    },
    120_000
  )
})
